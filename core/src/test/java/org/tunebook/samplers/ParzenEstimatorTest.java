package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * The Parzen estimators against a plain reference written here from Optuna's definitions: kernel widths by
 * the univariate rule, one truncated normal per kernel summed directly (commons-math3 for the normal), no
 * shortcuts. The fast estimators merge kernels, use a fast Gauss transform and skip far kernels; their log
 * densities must agree with the reference to 1e-6.
 */
class ParzenEstimatorTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    // ---- the reference ----

    /** Optuna's univariate widths for sorted centres including the prior at index {@code prior}. */
    private static double[] referenceSigmas(double[] mu, int prior, double low, double high, boolean endpoints,
            boolean clip) {
        int k = mu.length;
        double[] withEnds = new double[k + 2];
        withEnds[0] = low;
        System.arraycopy(mu, 0, withEnds, 1, k);
        withEnds[k + 1] = high;
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.max(withEnds[i + 1] - withEnds[i], withEnds[i + 2] - withEnds[i + 1]);
        }
        if (!endpoints && k >= 2) {
            sigma[0] = withEnds[2] - withEnds[1];
            sigma[k - 1] = withEnds[k] - withEnds[k - 1];
        }
        double min = clip ? (high - low) / Math.min(100.0, 1.0 + k) : 1e-12;
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.min(high - low, Math.max(min, sigma[i]));
        }
        sigma[prior] = high - low;
        return sigma;
    }

    /** log of sum_i w_i * truncated density (or cell mass) of kernel i at x, each term in log space. */
    private static double referenceLogDensity(double x, double[] mu, double[] sigma, double[] w, ParzenSpace s) {
        double total = Arrays.stream(w).sum();
        double[] terms = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            double logInRange = logProbability((s.low - mu[i]) / sigma[i], (s.high - mu[i]) / sigma[i]);
            double logPart;
            if (s.q > 0) {
                double a = Math.max(s.low, x - s.q / 2);
                double b = Math.min(s.high, x + s.q / 2);
                logPart = logProbability((a - mu[i]) / sigma[i], (b - mu[i]) / sigma[i]);
            } else {
                logPart = NORMAL.logDensity((x - mu[i]) / sigma[i]) - Math.log(sigma[i]);
            }
            terms[i] = Math.log(w[i] / total) + logPart - logInRange;
        }
        double max = Arrays.stream(terms).max().orElseThrow();
        return max + Math.log(Arrays.stream(terms).map(t -> Math.exp(t - max)).sum());
    }

    /** log P(a < Z < b): commons-math3 where it is representable, the tail expansion far beyond. */
    private static double logProbability(double a, double b) {
        if (a > 0) {
            return logProbability(-b, -a);
        }
        double p = NORMAL.probability(a, b);
        if (p > 1e-280) {
            return Math.log(p);
        }
        // both ends in the far left tail: log Phi(b) (1 - Phi(a) / Phi(b)), Phi from its expansion
        return tailLogCdf(b) + Math.log1p(-Math.exp(tailLogCdf(a) - tailLogCdf(b)));
    }

    private static double tailLogCdf(double z) {
        return -0.5 * z * z - Math.log(-z) - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-1 / (z * z) + 3 / Math.pow(z, 4)
                - 15 / Math.pow(z, 6));
    }

    /** Checks the fast estimator against the reference at {@code points}. */
    private static void check(ParzenSpace space, double[] observations, double[] weights, boolean endpoints,
            boolean clip, double[] points) {
        double[] sorted = observations.clone();
        Integer[] order = new Integer[sorted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(observations[a], observations[b]));
        double[] w = new double[sorted.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = observations[order[i]];
            w[i] = weights[order[i]];
        }
        NumericParzen fast = NumericParzen.univariate(space, sorted, w, 1.0, endpoints, clip);
        // reference: the prior inserted after equal centres, as the estimator does
        double priorMu = (space.low + space.high) / 2;
        int prior = 0;
        while (prior < sorted.length && sorted[prior] <= priorMu) {
            prior++;
        }
        double[] mu = new double[sorted.length + 1];
        double[] rw = new double[sorted.length + 1];
        System.arraycopy(sorted, 0, mu, 0, prior);
        System.arraycopy(w, 0, rw, 0, prior);
        mu[prior] = priorMu;
        rw[prior] = 1.0;
        System.arraycopy(sorted, prior, mu, prior + 1, sorted.length - prior);
        System.arraycopy(w, prior, rw, prior + 1, sorted.length - prior);
        double[] sigma = referenceSigmas(mu, prior, space.low, space.high, endpoints, clip);
        for (double x : points) {
            double expected = referenceLogDensity(x, mu, sigma, rw, space);
            assertThat(fast.logDensity(x)).as("log density at %s (%d observations)", x, observations.length)
                    .isCloseTo(expected, within(1e-6));
        }
    }

    private static double[] uniform(SplittableRandom rng, int n, double low, double high) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + rng.nextDouble() * (high - low);
        }
        return x;
    }

    private static double[] gridPoints(double low, double high, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * i / (n - 1);
        }
        return x;
    }

    // ---- numeric, continuous ----

    @Test
    void continuousDensityMatchesTheReferenceForSparseAndDenseObservations() {
        SplittableRandom rng = new SplittableRandom(1);
        ParzenSpace space = ParzenSpace.of(new FloatDistribution(-10, 10));
        for (int n : new int[] {0, 1, 2, 5, 30, 400}) {
            double[] obs = uniform(rng, n, -10, 10);
            check(space, obs, TpeConfig.defaultWeights(n), false, true, gridPoints(-10, 10, 41));
        }
        // a dense cluster (the fast Gauss transform's case) with a sparse background
        double[] obs = new double[900];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = i < 700 ? 1 + 0.5 * rng.nextGaussian() : -10 + 20 * rng.nextDouble();
            obs[i] = Math.max(-10, Math.min(10, obs[i]));
        }
        double[] points = new double[60];
        for (int i = 0; i < points.length; i++) {
            points[i] = i < 40 ? 1 + 0.6 * rng.nextGaussian() : -10 + 20 * rng.nextDouble();
            points[i] = Math.max(-10, Math.min(10, points[i]));
        }
        check(space, obs, TpeConfig.defaultWeights(obs.length), false, true, points);
        check(space, obs, TpeConfig.defaultWeights(obs.length), true, true, points);
    }

    @Test
    void continuousDensityMatchesWithoutMagicClipAndWithObservationsOutsideTheRange() {
        SplittableRandom rng = new SplittableRandom(2);
        ParzenSpace space = ParzenSpace.of(new FloatDistribution(0, 1));
        double[] obs = uniform(rng, 50, 0, 1);
        check(space, obs, TpeConfig.defaultWeights(50), false, false, uniform(rng, 30, 0, 1));
        // a range that shrank: some old observations lie outside it, a few far outside
        double[] old = uniform(rng, 60, -0.5, 1.5);
        old[0] = 40;
        old[1] = -25;
        check(space, old, TpeConfig.defaultWeights(60), false, true, gridPoints(0, 1, 25));
    }

    @Test
    void logScaledDensityLivesInLogSpace() {
        SplittableRandom rng = new SplittableRandom(3);
        ParzenSpace space = ParzenSpace.of(new FloatDistribution(1e-5, 1e-1, true, null));
        assertThat(space.low).isCloseTo(Math.log(1e-5), within(1e-12));
        double[] obs = uniform(rng, 80, Math.log(1e-5), Math.log(1e-1));
        check(space, obs, TpeConfig.defaultWeights(80), false, true, uniform(rng, 30, space.low, space.high));
    }

    // ---- numeric, discrete ----

    @Test
    void discreteCellMassesMatchTheReferenceWithRepeatedValues() {
        SplittableRandom rng = new SplittableRandom(4);
        ParzenSpace ints = ParzenSpace.of(new IntDistribution(1, 10));
        assertThat(ints.low).isEqualTo(0.5);
        assertThat(ints.high).isEqualTo(10.5);
        double[] obs = new double[500];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = 1 + rng.nextInt(i < 300 ? 3 : 10);
        }
        check(ints, obs, TpeConfig.defaultWeights(obs.length), false, true, gridPoints(1, 10, 10));
        ParzenSpace stepped = ParzenSpace.of(new FloatDistribution(0.5, 3.0, false, 0.25));
        double[] s = new double[40];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.5 + 0.25 * rng.nextInt(11);
        }
        check(stepped, s, TpeConfig.defaultWeights(40), false, true, gridPoints(0.5, 3.0, 11));
        ParzenSpace wide = ParzenSpace.of(new IntDistribution(0, 100_000, false, 5));
        double[] w = new double[200];
        for (int i = 0; i < w.length; i++) {
            w[i] = 5 * rng.nextInt(20_001);
        }
        check(wide, w, TpeConfig.defaultWeights(200), false, true, new double[] {0, 5, 50_000, 99_995, 100_000});
    }

    // ---- sampling ----

    /** Draws land in each unit bin with the probability the estimator's own density gives it. */
    @Test
    void drawsFollowTheDensity() {
        ParzenSpace space = ParzenSpace.of(new FloatDistribution(0, 10));
        double[] obs = {2, 2.1, 2.2, 2.25, 6, 8};
        NumericParzen p = NumericParzen.univariate(space, obs, new double[] {1, 1, 1, 1, 1, 1}, 1.0, false, true);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 40_000;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double x = p.sample(rng);
            assertThat(x).isBetween(0.0, 10.0);
            bins[Math.min(9, (int) x)]++;
        }
        for (int b = 0; b < 10; b++) {
            double expected = 0; // midpoint rule over 1000 slices of the bin
            for (int j = 0; j < 1000; j++) {
                expected += Math.exp(p.logDensity(b + (j + 0.5) / 1000)) / 1000;
            }
            double sd = Math.sqrt(expected * (1 - expected) / n);
            assertThat(bins[b] / (double) n).as("share of draws in [%d, %d)", b, b + 1)
                    .isCloseTo(expected, within(5 * sd + 1e-4));
        }
    }

    // ---- categorical ----

    @Test
    void categoricalProbabilitiesFollowOptunasSmoothing() {
        int[] observed = {0, 0, 2};
        double[] w = {1, 1, 1};
        CategoricalParzen p = CategoricalParzen.of(3, observed, w, 3, 1.0);
        // Optuna: rows (1/4 + [c == obs]) / (3/4 + 1) for observations, 1/3 for the prior; weights 1/4 each
        double row = 0.25 / 1.75;
        double hit = 1.25 / 1.75;
        double[] expected = {
            0.25 * (hit + hit + row) + 0.25 / 3,
            0.25 * (row + row + row) + 0.25 / 3,
            0.25 * (row + row + hit) + 0.25 / 3};
        for (int c = 0; c < 3; c++) {
            assertThat(p.probability(c)).as("p(%d)", c).isCloseTo(expected[c], within(1e-12));
        }
        CategoricalParzen empty = CategoricalParzen.of(4, new int[0], new double[0], 0, 1.0);
        assertThat(empty.probability(3)).isCloseTo(0.25, within(1e-12));
    }

    // ---- multivariate ----

    /** Few int values (cell masses shared per value) and many (computed per kernel). */
    @Test
    void multivariateDensityMatchesADirectProductOfKernels() {
        checkMultivariate(10);
        checkMultivariate(1000);
    }

    private static void checkMultivariate(int intHigh) {
        SplittableRandom rng = new SplittableRandom(6);
        Distribution[] ds = {new FloatDistribution(-5, 5), new IntDistribution(1, intHigh),
            new CategoricalDistribution(java.util.List.of("a", "b", "c")), new FloatDistribution(1e-3, 1, true, null)};
        ParzenSpace[] spaces = Arrays.stream(ds).map(ParzenSpace::of).toArray(ParzenSpace[]::new);
        int n = 70;
        double[][] obs = new double[4][n];
        double[] w = TpeConfig.defaultWeights(n);
        for (int i = 0; i < n; i++) {
            obs[0][i] = -5 + 10 * rng.nextDouble();
            obs[1][i] = 1 + rng.nextInt(intHigh);
            obs[2][i] = rng.nextInt(3);
            obs[3][i] = Math.log(1e-3) + rng.nextDouble() * -Math.log(1e-3);
        }
        MultivariateParzen p = MultivariateParzen.of(spaces, obs, w, 1.0, true);
        double sigma0 = 0.2 * Math.pow(n, -1.0 / (4 + 4));
        double total = Arrays.stream(w).sum() + 1;
        double[] scratch = new double[n + 1];
        for (int t = 0; t < 20; t++) {
            double[] x = {-5 + 10 * rng.nextDouble(), 1 + rng.nextInt(intHigh), rng.nextInt(3),
                Math.log(1e-3) + rng.nextDouble() * -Math.log(1e-3)};
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double density = (i < n ? w[i] : 1.0) / total;
                for (int j = 0; j < 4; j++) {
                    ParzenSpace s = spaces[j];
                    if (s.isCategorical()) {
                        double smoothing = 1.0 / (n + 1);
                        density *= i == n ? 1.0 / 3 : (smoothing + (obs[2][i] == x[2] ? 1 : 0)) / (3 * smoothing + 1);
                        continue;
                    }
                    double range = s.high - s.low;
                    double m = i < n ? obs[j][i] : (s.low + s.high) / 2;
                    double sg = i < n ? Math.min(range, Math.max(range / Math.min(100, n + 2.0), sigma0 * range)) : range;
                    double inRange = NORMAL.probability((s.low - m) / sg, (s.high - m) / sg);
                    density *= (s.q > 0 ? NORMAL.probability((x[j] - 0.5 - m) / sg, (x[j] + 0.5 - m) / sg)
                            : NORMAL.density((x[j] - m) / sg) / sg) / inRange;
                }
                sum += density;
            }
            assertThat(p.logDensity(x, scratch)).as("joint log density at %s", Arrays.toString(x))
                    .isCloseTo(Math.log(sum), within(1e-6));
        }
        double[] draw = p.sample(rng);
        assertThat(draw[0]).isBetween(-5.0, 5.0);
        assertThat(draw[1]).isBetween(0.5, intHigh + 0.5);
        assertThat(draw[2]).isIn(0.0, 1.0, 2.0);
    }

    // ---- Optuna's defaults ----

    @Test
    void defaultWeightsAndGammaAreOptunas() {
        assertThat(TpeConfig.defaultWeights(0)).isEmpty();
        assertThat(TpeConfig.defaultWeights(25)).containsOnly(1.0);
        double[] w26 = TpeConfig.defaultWeights(26);
        assertThat(w26[0]).isCloseTo(1.0 / 26, within(1e-15));
        assertThat(w26[1]).isEqualTo(1.0);
        double[] w30 = TpeConfig.defaultWeights(30); // ramp = linspace(1/30, 1, 5), then 25 ones
        assertThat(Arrays.copyOf(w30, 6)).containsExactly(new double[] {1.0 / 30, 1.0 / 30 + (1 - 1.0 / 30) / 4,
            1.0 / 30 + 2 * (1 - 1.0 / 30) / 4, 1.0 / 30 + 3 * (1 - 1.0 / 30) / 4, 1.0, 1.0}, within(1e-12));
        assertThat(TpeConfig.defaultGamma(0)).isZero();
        assertThat(TpeConfig.defaultGamma(10)).isEqualTo(1);
        assertThat(TpeConfig.defaultGamma(11)).isEqualTo(2);
        assertThat(TpeConfig.defaultGamma(250)).isEqualTo(25);
        assertThat(TpeConfig.defaultGamma(1000)).isEqualTo(25);
    }
}
