package org.tunebook.samplers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator of a numeric parameter: a weighted mixture of normal kernels, one per
 * observation plus a broad prior kernel, truncated to the parameter's range. Built with Optuna's univariate
 * bandwidth rule: each kernel is as wide as the larger gap to its neighbours (the range ends included),
 * clipped between {@code range / min(100, kernels + 1)} ("magic clip") and the range; the prior sits in
 * the middle with the width of the range. Densities are in model space (see {@link ParzenSpace}); for
 * discrete parameters they are the mass of the value's cell.
 *
 * <p>This is the inner loop of TPE, where the "bad" estimator has a kernel per trial and is scored at every
 * candidate, right where its kernels are densest. It is built for speed, with shortcuts whose error is
 * bounded far below anything that could change which candidate wins:
 * <ul>
 *   <li>densities are summed in linear space: the prior kernel covers the whole range, so the sum never
 *   underflows, and setting a kernel up needs no logarithm (one well inside the range has mass 1);</li>
 *   <li>kernels with the same centre and width (repeated values of a discrete parameter) are merged into one
 *   with their summed weight;</li>
 *   <li>kernels clipped to the minimum width, the crowd of a dense region, are summed by a fast Gauss
 *   transform ({@link GaussSum});</li>
 *   <li>the other kernels are grouped by width (within a factor 2) and found by binary search over their
 *   sorted centres, so a point only visits those within reach;</li>
 *   <li>a kernel is left out where it adds less than {@code e^-18 / kernels} of the prior's share, so all
 *   left-out terms together stay below {@code 2e-8} of the density.</li>
 * </ul>
 */
final class NumericParzen {

    private static final double NEGLIGIBLE = 18;
    private static final double EPS = 1e-12;
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /** Kernels with less of their mass inside the range than this are evaluated in log space. */
    private static final double TINY_MASS = 1e-200;
    /** {@link NormalMath#expNeg} returns 0 beyond this; kernels needing more are evaluated in log space. */
    private static final double FAST_EXP_RANGE = 39;

    private final double low;
    private final double high;
    private final double q;
    /** Kernels (the prior excluded, merged) in ascending order of centre. */
    private final double[] mu;
    private final double[] sigma;
    private final double[] invSigma;
    /** weight / mass in range, for discrete cells; weight / (sigma sqrt(2 pi) mass) for densities. */
    private final double[] coef;
    private final double[] cumulative;
    private final double priorMu;
    private final double priorSigma;
    private final double priorCoef;
    /** The minimum-width kernels of a continuous parameter, or null. */
    private final GaussSum clipped;
    /** The other kernels, by width class. */
    private final Window[] windows;
    /** Kernels centred so far outside the range that only log space holds their coefficients. */
    private final int[] far;
    private final double[] farLogCoef;

    /** Kernels of similar width, in ascending order of centre, and how far from its centre one can matter. */
    private record Window(int[] index, double reach) {
    }

    /** Kernels in ascending order of centre; the prior kernel has index {@code prior}. */
    private NumericParzen(ParzenSpace space, double[] mus, double[] sigmas, double[] weights, int prior,
            double clipSigma) {
        this.low = space.low;
        this.high = space.high;
        this.q = space.q;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double priorShare = (weights[prior] / total)
                / NormalMath.mass((low - mus[prior]) / sigmas[prior], (high - mus[prior]) / sigmas[prior]);
        this.priorMu = mus[prior];
        this.priorSigma = sigmas[prior];
        this.priorCoef = q > 0 ? priorShare : priorShare / priorSigma * INV_SQRT_2PI;
        // merge runs of kernels with equal centre and width, in place; the prior is kept apart
        int k = 0;
        for (int i = 0; i < mus.length; i++) {
            if (i == prior) {
                continue;
            }
            double wi = weights[i] / total;
            if (k > 0 && mus[k - 1] == mus[i] && sigmas[k - 1] == sigmas[i]) {
                weights[k - 1] += wi;
            } else {
                mus[k] = mus[i];
                sigmas[k] = sigmas[i];
                weights[k] = wi;
                k++;
            }
        }
        this.mu = Arrays.copyOf(mus, k);
        this.sigma = Arrays.copyOf(sigmas, k);
        this.invSigma = new double[k];
        this.coef = new double[k];
        this.cumulative = new double[k];
        // the smallest prior term over the range: every kernel is measured against it
        double farZ = Math.max(priorMu - low, high - priorMu) / priorSigma;
        double logPriorMin = Math.log(q > 0 ? priorCoef * NormalMath.mass(farZ - q / priorSigma, farZ)
                : priorCoef * Math.exp(-0.5 * farZ * farZ));
        double logDrop = NEGLIGIBLE + Math.log(k + 1.0);
        double acc = 0;
        double maxCoef = 0;
        int farCount = 0;
        double[] logCoef = new double[k];
        for (int i = 0; i < k; i++) {
            double w = weights[i];
            acc += w;
            cumulative[i] = acc;
            double inv = 1 / sigma[i];
            invSigma[i] = inv;
            double mass = NormalMath.mass((low - mu[i]) * inv, (high - mu[i]) * inv);
            double c = q > 0 ? w / mass : w * inv * INV_SQRT_2PI / mass;
            // a kernel must reach 0 within the fast exponential's range (e^-40) of the floor; one centred far
            // outside the range (which has changed since) may not, and stays in log space
            if (mass > TINY_MASS && Math.log(c) - logPriorMin + logDrop < FAST_EXP_RANGE) {
                coef[i] = c;
                maxCoef = Math.max(maxCoef, c);
            } else {
                double logMass = NormalMath.logMass((low - mu[i]) * inv, (high - mu[i]) * inv);
                logCoef[farCount++] = q > 0 ? Math.log(w) - logMass : Math.log(w * inv * INV_SQRT_2PI) - logMass;
                coef[i] = Double.NaN;
            }
        }
        this.far = new int[farCount];
        this.farLogCoef = Arrays.copyOf(logCoef, farCount);
        for (int i = 0, j = 0; i < k; i++) {
            if (Double.isNaN(coef[i])) {
                far[j++] = i;
            }
        }
        // how many widths from its centre a kernel can matter
        double logSlack = maxCoef > 0 ? Math.log(maxCoef) - logPriorMin + logDrop : 0;
        double zReach = logSlack > 0 ? Math.sqrt(2 * logSlack) : 0;
        this.clipped = q > 0 ? null : gaussSum(clipSigma, zReach);
        this.windows = windows(zReach);
    }

    private GaussSum gaussSum(double clipSigma, double zReach) {
        int[] index = new int[mu.length];
        int count = 0;
        for (int i = 0; i < mu.length; i++) {
            if (sigma[i] == clipSigma && !Double.isNaN(coef[i])) {
                index[count++] = i;
            }
        }
        return count == 0 ? null : new GaussSum(clipSigma, mu, coef, index, count, zReach + 0.5);
    }

    /** The kernels not in the Gauss sum, grouped by width class (powers of 2 above the narrowest). */
    private Window[] windows(double zReach) {
        double narrowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < mu.length; i++) {
            if (inWindows(i)) {
                narrowest = Math.min(narrowest, sigma[i]);
            }
        }
        int[] classOf = new int[mu.length];
        int[] counts = new int[64];
        int classes = 0;
        for (int i = 0; i < mu.length; i++) {
            if (inWindows(i)) {
                int c = Math.min(63, Math.getExponent(sigma[i] / narrowest));
                classOf[i] = c;
                counts[c]++;
                classes = Math.max(classes, c + 1);
            }
        }
        Window[] result = new Window[classes];
        for (int c = 0; c < classes; c++) {
            int[] index = new int[counts[c]];
            double widest = 0;
            for (int i = 0, j = 0; i < mu.length; i++) {
                if (inWindows(i) && classOf[i] == c) {
                    index[j++] = i;
                    widest = Math.max(widest, sigma[i]);
                }
            }
            result[c] = new Window(index, zReach * widest + 0.5 * q);
        }
        return result;
    }

    private boolean inWindows(int i) {
        return !Double.isNaN(coef[i]) && (clipped == null || sigma[i] != clipped.sigma());
    }

    /**
     * The univariate estimator over observations {@code sortedMus} (model space, ascending) with unnormalized
     * {@code weights}; the prior kernel is inserted in order with {@code priorWeight}.
     */
    static NumericParzen univariate(ParzenSpace space, double[] sortedMus, double[] weights, double priorWeight,
            boolean considerEndpoints, boolean magicClip) {
        int n = sortedMus.length;
        int k = n + 1;
        double priorMu = 0.5 * (space.low + space.high);
        double[] mu = new double[k];
        double[] w = new double[k];
        int prior = 0;
        while (prior < n && sortedMus[prior] <= priorMu) {
            prior++;
        }
        System.arraycopy(sortedMus, 0, mu, 0, prior);
        System.arraycopy(weights, 0, w, 0, prior);
        mu[prior] = priorMu;
        w[prior] = priorWeight;
        System.arraycopy(sortedMus, prior, mu, prior + 1, n - prior);
        System.arraycopy(weights, prior, w, prior + 1, n - prior);

        double range = space.high - space.low;
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            double left = mu[i] - (i == 0 ? space.low : mu[i - 1]);
            double right = (i == k - 1 ? space.high : mu[i + 1]) - mu[i];
            sigma[i] = Math.max(left, right);
        }
        if (!considerEndpoints && k >= 2) {
            sigma[0] = mu[1] - mu[0];
            sigma[k - 1] = mu[k - 1] - mu[k - 2];
        }
        double minSigma = magicClip ? range / Math.min(100.0, 1.0 + k) : EPS;
        for (int i = 0; i < k; i++) {
            sigma[i] = Math.min(range, Math.max(minSigma, sigma[i]));
        }
        sigma[prior] = range;
        return new NumericParzen(space, mu, sigma, w, prior, minSigma);
    }

    /** One draw in model space: a kernel chosen by weight, then a truncated normal draw from it. */
    double sample(SplittableRandom rng) {
        int i = pick(rng.nextDouble());
        double m = i < 0 ? priorMu : mu[i];
        double s = i < 0 ? priorSigma : sigma[i];
        double z = NormalMath.sampleTruncated((low - m) / s, (high - m) / s, rng.nextDouble());
        return Math.min(high, Math.max(low, m + z * s));
    }

    /** The kernel whose cumulative share covers {@code u}; -1 for the prior, which has the last share. */
    private int pick(double u) {
        int k = mu.length;
        if (k == 0 || u >= cumulative[k - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The log density (log cell mass, for discrete parameters) at a model-space point. */
    double logDensity(double x) {
        return Math.log(q > 0 ? cellMass(x) : density(x));
    }

    private double density(double x) {
        double zp = (x - priorMu) / priorSigma;
        double sum = priorCoef * NormalMath.expNeg(0.5 * zp * zp);
        if (clipped != null) {
            sum += clipped.at(x);
        }
        for (Window w : windows) {
            int[] index = w.index();
            double limit = x + w.reach();
            for (int j = lowerBound(index, x - w.reach()); j < index.length && mu[index[j]] <= limit; j++) {
                int i = index[j];
                double z = (x - mu[i]) * invSigma[i];
                sum += coef[i] * NormalMath.expNeg(0.5 * z * z);
            }
        }
        for (int j = 0; j < far.length; j++) {
            double z = (x - mu[far[j]]) * invSigma[far[j]];
            sum += Math.exp(farLogCoef[j] - 0.5 * z * z);
        }
        return sum;
    }

    private double cellMass(double x) {
        double a = Math.max(low, x - 0.5 * q);
        double b = Math.min(high, x + 0.5 * q);
        double sum = priorCoef * NormalMath.mass((a - priorMu) / priorSigma, (b - priorMu) / priorSigma);
        for (Window w : windows) {
            int[] index = w.index();
            double limit = b + w.reach();
            for (int j = lowerBound(index, a - w.reach()); j < index.length && mu[index[j]] <= limit; j++) {
                int i = index[j];
                sum += coef[i] * NormalMath.mass((a - mu[i]) * invSigma[i], (b - mu[i]) * invSigma[i]);
            }
        }
        for (int j = 0; j < far.length; j++) {
            int i = far[j];
            sum += Math.exp(farLogCoef[j] + NormalMath.logMass((a - mu[i]) * invSigma[i], (b - mu[i]) * invSigma[i]));
        }
        return sum;
    }

    /** The first position in {@code index} whose kernel centre is at least {@code value}. */
    private int lowerBound(int[] index, double value) {
        int lo = 0;
        int hi = index.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mu[index[mid]] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of kernels after merging, the prior included. */
    int size() {
        return mu.length + 1;
    }
}
