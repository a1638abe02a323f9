package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The normal-distribution helpers against commons-math3, and in the far tails against asymptotics. */
class NormalMathTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    @Test
    void cdfMatchesCommonsMathWithRelativeAccuracyInTheLeftTail() {
        for (double z = -30; z <= 8; z += 0.173) {
            double expected = NORMAL.cumulativeProbability(z);
            double actual = NormalMath.cdf(z);
            assertThat(Math.abs(actual - expected)).as("Phi(%s)", z).isLessThanOrEqualTo(2e-7 * expected);
        }
    }

    @Test
    void logCdfStaysFiniteAndFollowsTheTailExpansionFarOut() {
        for (double z = -1000; z <= -40; z += 37.3) {
            // log Phi(z) = -z^2/2 - log(-z) - log(sqrt(2 pi)) + log(1 - 1/z^2 + 3/z^4 - ...)
            double expected = -0.5 * z * z - Math.log(-z) - NormalMath.LOG_SQRT_2PI + Math.log1p(-1 / (z * z) + 3 / Math.pow(z, 4));
            assertThat(NormalMath.logCdf(z)).as("log Phi(%s)", z).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        }
        assertThat(NormalMath.logCdf(0)).isCloseTo(Math.log(0.5), within(1e-7));
        assertThat(NormalMath.logCdf(9)).isCloseTo(-NORMAL.cumulativeProbability(-9), within(1e-22));
    }

    @Test
    void intervalMassesAreAccurateForWideNarrowCentralAndTailIntervals() {
        double[][] intervals = {{-1, 1}, {-8, 8}, {-20, 20}, {0.5, 2}, {2, 3}, {-3, -2}, {5, 5.001}, {-0.2, -0.19999},
            {3, 30}, {-9, -8.5}, {0, 1e-9}};
        for (double[] ab : intervals) {
            double expected = NORMAL.probability(ab[0], ab[1]);
            if (ab[0] > 0) {
                expected = NORMAL.probability(-ab[1], -ab[0]);
            }
            assertThat(NormalMath.mass(ab[0], ab[1])).as("mass of %s..%s", ab[0], ab[1])
                    .isCloseTo(expected, within(2e-6 * expected));
            assertThat(NormalMath.logMass(ab[0], ab[1])).as("log mass of %s..%s", ab[0], ab[1])
                    .isCloseTo(Math.log(expected), within(2e-6));
        }
        // far right tail: the mass is exp(logMass), far below the smallest double
        double logTail = NormalMath.logMass(50, 51);
        assertThat(logTail).isCloseTo(NormalMath.logCdf(-50), within(1e-6 * 1250));
        assertThat(NormalMath.mass(1, 1)).isZero();
        assertThat(NormalMath.logMass(1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** Commons-math3 loses digits below 1e-6 or so; tiny probabilities are checked against AS241 values. */
    @Test
    void inverseCdfMatchesCommonsMathAndReferenceValues() {
        assertThat(NormalMath.inverseCdf(1e-12)).isCloseTo(-7.034483825301132, within(1e-7));
        assertThat(NormalMath.inverseCdf(1e-6)).isCloseTo(-4.753424308822899, within(1e-8));
        assertThat(NormalMath.inverseCdf(0.01)).isCloseTo(-2.3263478740408408, within(1e-8));
        for (double p = 1e-6; p < 1; p = p < 0.01 ? p * 7 : p + 0.0137) {
            double expected = NORMAL.inverseCumulativeProbability(p);
            assertThat(NormalMath.inverseCdf(p)).as("quantile of %s", p).isCloseTo(expected, within(2e-8 * (1 + Math.abs(expected))));
        }
        assertThat(NormalMath.inverseLogCdf(NormalMath.logCdf(-45))).isCloseTo(-45, within(1e-6));
    }

    @Test
    void truncatedDrawsStayInTheirIntervalWithTheRightMean() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] intervals = {{-1, 1}, {0.5, 2}, {-2, -0.5}, {3, 30}, {10, 11}, {-40, -39}, {-0.5, 8}};
        for (double[] ab : intervals) {
            double a = ab[0];
            double b = ab[1];
            double sum = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                double x = NormalMath.sampleTruncated(a, b, rng.nextDouble());
                assertThat(x).isBetween(a, b);
                sum += x;
            }
            // mean of the truncated normal: (phi(a) - phi(b)) / (Phi(b) - Phi(a)), in logs for far tails
            double logMass = NormalMath.logMass(a, b);
            double mean = Math.exp(NormalMath.logPdf(a) - logMass) - Math.exp(NormalMath.logPdf(b) - logMass);
            double sd = (b - a) / Math.sqrt(12) + 0.01; // a generous bound on the standard deviation
            assertThat(sum / n).as("mean of draws in %s..%s", a, b).isCloseTo(mean, within(6 * sd / Math.sqrt(n)));
        }
    }

    @Test
    void fastExponentialAgreesWithMathExp() {
        for (double t = 0; t < 45; t += 0.00731) {
            double expected = Math.exp(-t);
            assertThat(NormalMath.expNeg(t)).as("exp(-%s)", t).isCloseTo(t < 40 ? expected : 0, within(3e-9 * expected + 1e-300));
        }
        assertThat(NormalMath.expNeg(Double.POSITIVE_INFINITY)).isZero();
    }
}
