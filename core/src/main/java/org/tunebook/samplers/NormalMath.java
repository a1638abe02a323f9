package org.tunebook.samplers;

/**
 * The standard normal distribution as truncated-normal kernels need it: the log of the mass between two
 * points (accurate in both tails and for narrow intervals), and inverse-CDF draws restricted to an
 * interval. All arguments are in standard units ({@code z = (x - mu) / sigma}).
 *
 * <p>{@code erfc} uses the Chebyshev fit of Numerical Recipes (fractional error below 1.2e-7 everywhere);
 * written as {@code log erfc} it never underflows, so far-tail masses keep their relative accuracy. The
 * inverse CDF is Acklam's rational approximation (relative error below 1.2e-9), with Newton steps on the
 * log CDF beyond {@code 1e-300}. That is far more accuracy than ranking TPE candidates needs.
 */
final class NormalMath {

    /** {@code log(sqrt(2 pi))}. */
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double LOG_HALF = Math.log(0.5);
    /** Beyond this many standard deviations a tail holds less than 1e-17 of the mass. */
    private static final double CERTAIN = 8.6;

    /** {@code exp(-i / 64)} for the table lookup of {@link #expNeg}. */
    private static final double[] EXP_NEG_TABLE = new double[64 * 40 + 1];

    static {
        for (int i = 0; i < EXP_NEG_TABLE.length; i++) {
            EXP_NEG_TABLE[i] = Math.exp(-i / 64.0);
        }
    }

    private NormalMath() {
    }

    /**
     * {@code exp(-t)} for {@code t >= 0}, several times faster than {@link Math#exp} (relative error below
     * 3e-9): a table of {@code exp(-i/64)} times a cubic for the remainder. 0 beyond {@code t = 40}, where the
     * value is below 5e-18. This is the kernel sum's exponential.
     */
    static double expNeg(double t) {
        if (!(t < 40)) {
            return t >= 40 ? 0 : Math.exp(-t);
        }
        int i = (int) (t * 64);
        double d = t - i * (1 / 64.0);
        return EXP_NEG_TABLE[i] * (1 - d * (1 - d * (0.5 - d * (1 / 6.0))));
    }

    /** {@code log(erfc(x))} for {@code x >= 0}. */
    static double logErfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - x * x + poly;
    }

    /** {@code erfc(x)} for {@code x >= 0}, with one exponential. */
    private static double erfcPositive(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(poly - x * x);
    }

    /** The complementary error function. */
    static double erfc(double x) {
        return x >= 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
    }

    /** The standard normal CDF. */
    static double cdf(double z) {
        return z < 0 ? 0.5 * erfcPositive(-z * SQRT_HALF) : 1 - 0.5 * erfcPositive(z * SQRT_HALF);
    }

    /** The log of the standard normal CDF; finite for every finite {@code z}. */
    static double logCdf(double z) {
        return z < 0 ? LOG_HALF + logErfc(-z * SQRT_HALF) : log1m(0.5 * erfcPositive(z * SQRT_HALF));
    }

    /**
     * {@code log(1 - x)} for {@code 0 <= x < 1}. {@link Math#log1p} is not an intrinsic and costs many times
     * {@link Math#log}; a series for small {@code x} and {@code log} otherwise are accurate to ~1e-12.
     */
    static double log1m(double x) {
        return x < 1e-4 ? -x * (1 + x * (0.5 + x / 3)) : Math.log(1 - x);
    }

    /** The log of the standard normal density. */
    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /**
     * {@code Phi(b) - Phi(a)} for {@code a <= b}: the mass of an interval, computed in the tail where the CDF
     * keeps its relative accuracy; 0 when empty. Underflows to 0 beyond about 38 standard deviations.
     */
    static double mass(double a, double b) {
        if (a < -CERTAIN && b > CERTAIN) {
            return 1;
        }
        if (!(a < b)) {
            return 0;
        }
        if (a > 0) {
            double t = a;
            a = -b;
            b = -t;
        }
        double width = b - a;
        double mid = 0.5 * (a + b);
        if (width * (1 + Math.abs(mid)) < 1e-2) {
            return width * Math.exp(logPdf(mid)) * (1 + width * width * (mid * mid - 1) / 24);
        }
        if (b <= 0) {
            return cdf(b) - cdf(a);
        }
        return 1 - cdf(a) - cdf(-b);
    }

    /**
     * {@code log(Phi(b) - Phi(a))} for {@code a <= b}: the log mass of an interval, {@code -Infinity} when it
     * is empty.
     */
    static double logMass(double a, double b) {
        if (a < -CERTAIN && b > CERTAIN) {
            return 0; // both tails below 1e-17: the whole mass, to double precision
        }
        if (!(a < b)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a > 0) { // work in the left tail, where the CDF has its relative accuracy
            double t = a;
            a = -b;
            b = -t;
        }
        double width = b - a;
        double mid = 0.5 * (a + b);
        if (width * (1 + Math.abs(mid)) < 1e-2) {
            // narrow interval: second-order midpoint rule, free of the cancellation of Phi(b) - Phi(a)
            return Math.log(width) + logPdf(mid) + Math.log1p(width * width * (mid * mid - 1) / 24);
        }
        if (b <= 0) {
            double logB = logCdf(b);
            return logB + log1m(Math.exp(logCdf(a) - logB));
        }
        return log1m((a > -CERTAIN ? cdf(a) : 0) + (b < CERTAIN ? cdf(-b) : 0));
    }

    /**
     * A draw from the standard normal truncated to {@code [a, b]}, by inversion of a uniform {@code u} in
     * {@code [0, 1)}.
     */
    static double sampleTruncated(double a, double b, double u) {
        if (a > 0) {
            return -sampleTruncated(-b, -a, 1 - u);
        }
        if (!(a < b)) {
            return a;
        }
        double logA = logCdf(a);
        double logU = Math.log(Math.max(u, Double.MIN_NORMAL));
        double logP = logAddExp(logA, logU + logMass(a, b)); // log(Phi(a) + u * (Phi(b) - Phi(a)))
        double x;
        if (logP > LOG_HALF) {
            x = -inverseCdf(-Math.expm1(logP)); // upper half: invert the complement for accuracy
        } else {
            x = inverseLogCdf(logP);
        }
        return Math.min(b, Math.max(a, x));
    }

    /** {@code log(exp(x) + exp(y))}. */
    static double logAddExp(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY) {
            return y;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return x;
        }
        double max = Math.max(x, y);
        return max + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    /** The {@code z} with {@code log Phi(z) = logP}, for {@code logP <= log 0.5}. */
    static double inverseLogCdf(double logP) {
        if (logP > -690) {
            return inverseCdf(Math.exp(logP));
        }
        // beyond 1e-300: Newton on log Phi, from the leading term of the tail expansion
        double z = -Math.sqrt(-2 * logP);
        for (int i = 0; i < 50; i++) {
            double f = logCdf(z) - logP;
            double slope = Math.exp(logPdf(z) - logCdf(z)); // d/dz log Phi(z)
            double step = f / slope;
            z -= step;
            if (Math.abs(step) < 1e-12 * Math.abs(z)) {
                break;
            }
        }
        return z;
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    /** The standard normal quantile of {@code p} in {@code (0, 1)} (Acklam's approximation). */
    static double inverseCdf(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p < P_LOW) {
            return tail(Math.sqrt(-2 * Math.log(p)));
        }
        if (p > 1 - P_LOW) {
            return -tail(Math.sqrt(-2 * Math.log1p(-p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}
