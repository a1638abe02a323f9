package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Gaussian-process pieces against finite differences and closed forms. */
class GpModelTest {

    private static final boolean[] MIXED = {false, false, true};

    private static double[][] points(SplittableRandom rng, int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextInt(3)};
        }
        return x;
    }

    private static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][1] + (x[i][2] == 1 ? 0.5 : 0);
        }
        return y;
    }

    @Test
    void logLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = points(rng, 25);
        double[] y = values(x);
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.5), Math.log(0.8), Math.log(1e-2)};
        double[] gradient = new double[theta.length];
        GpModel.logLikelihood(MIXED, theta, x, y, gradient, false);
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double[] ignored = new double[theta.length];
            double numeric = (GpModel.logLikelihood(MIXED, up, x, y, ignored, false)
                    - GpModel.logLikelihood(MIXED, down, x, y, ignored, false)) / (2 * h);
            assertThat(gradient[j]).as("d lml / d theta_%d", j).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void posteriorGradientsMatchFiniteDifferencesAndTheModelInterpolates() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = points(rng, 30);
        double[] y = values(x);
        MaternKernel kernel = new MaternKernel(MIXED, new double[] {Math.log(0.4), Math.log(0.5), 0, 0, Math.log(1e-8)});
        GpModel model = GpModel.fit(kernel, x, y);
        for (int i = 0; i < 5; i++) {
            double[] mv = model.predict(x[i]);
            assertThat(mv[0]).as("mean at training point %d", i).isCloseTo(y[i], within(1e-4));
            assertThat(mv[1]).as("variance at training point %d", i).isLessThan(1e-4);
        }
        double[] p = {0.37, 0.61, 1};
        double[] g = model.predictWithGradient(p);
        for (int j = 0; j < 2; j++) {
            double h = 1e-6;
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            double[] a = model.predict(up);
            double[] b = model.predict(down);
            assertThat(g[2 + j]).as("d mean / d x_%d", j).isCloseTo((a[0] - b[0]) / (2 * h), within(1e-5));
            assertThat(g[2 + 3 + j]).as("d var / d x_%d", j).isCloseTo((a[1] - b[1]) / (2 * h), within(1e-5));
        }
        assertThat(g[2 + 2]).as("categorical coordinates have no gradient").isZero();
    }

    @Test
    void logExpectedImprovementMatchesTheClosedFormAndStaysFiniteFarOut() {
        double best = 0.3;
        for (double mean : new double[] {-1, 0, 0.3, 1, 2}) {
            double sd = 0.7;
            double z = (best - mean) / sd;
            double ei = sd * (Math.exp(NormalMath.logPdf(z)) + z * NormalMath.cdf(z));
            double[] r = LogEi.of(mean, sd, best);
            assertThat(r[0]).isCloseTo(Math.log(ei), within(1e-6));
            double h = 1e-6;
            assertThat(r[1]).isCloseTo((LogEi.of(mean + h, sd, best)[0] - LogEi.of(mean - h, sd, best)[0]) / (2 * h),
                    within(1e-5));
            assertThat(r[2]).isCloseTo((LogEi.of(mean, sd + h, best)[0] - LogEi.of(mean, sd - h, best)[0]) / (2 * h),
                    within(1e-5));
        }
        // across the switch to the tail series at z = -6 the value is continuous
        double inside = LogEi.of(6 - 1e-9, 1, 0)[0];
        double outside = LogEi.of(6 + 1e-9, 1, 0)[0];
        assertThat(inside).isCloseTo(outside, within(1e-3));
        double far = LogEi.of(40, 1, 0)[0]; // EI = 1e-350 underflows; its log does not
        assertThat(far).isFinite().isLessThan(-800);
    }

    @Test
    void lbfgsFindsTheMinimumOfRosenbrock() {
        Lbfgs.Objective rosenbrock = (v, g) -> {
            double a = v[1] - v[0] * v[0];
            double b = 1 - v[0];
            g[0] = -400 * v[0] * a - 2 * b;
            g[1] = 200 * a;
            return 100 * a * a + b * b;
        };
        double[] min = Lbfgs.minimize(rosenbrock, new double[] {-1.2, 1}, 500, 1e-8);
        assertThat(min[0]).isCloseTo(1, within(1e-4));
        assertThat(min[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void hyperparametersAreRefittedEveryTrialUpTo30ThenEvery10Percent() {
        assertThat(GpSampler.checkpoint(12)).isEqualTo(12);
        assertThat(GpSampler.checkpoint(30)).isEqualTo(30);
        assertThat(GpSampler.checkpoint(32)).isEqualTo(30);
        assertThat(GpSampler.checkpoint(33)).isEqualTo(33);
        assertThat(GpSampler.checkpoint(200)).isBetween(182, 200);
    }
}
