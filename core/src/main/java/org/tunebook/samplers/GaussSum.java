package org.tunebook.samplers;

import java.util.Arrays;

/**
 * A sum of normal kernels that share one width, {@code f(x) = sum_i c_i exp(-(x - mu_i)^2 / (2 sigma^2))},
 * evaluated by the fast Gauss transform: centres are grouped in boxes one {@code sigma} wide, and each box
 * keeps the Taylor moments of its kernels about the box centre, so that a point costs one short polynomial
 * per nearby box instead of one exponential per kernel. A box's moments are computed the first time a
 * point needs them: TPE's candidates gather in one region, and far boxes are never visited. Not thread-safe.
 *
 * <p>With {@code s = (x - centre) / sigma} and {@code t = (mu - centre) / sigma} ({@code |t| <= 1/2}),
 * {@code exp(-(s - t)^2 / 2) = exp(-s^2 / 2) * sum_n s^n * exp(-t^2 / 2) t^n / n!}. Keeping {@value #TERMS}
 * terms leaves a relative error below {@code 1e-8} for boxes within three widths of the point; farther
 * boxes carry the factor {@code exp(-s^2 / 2)}, below {@code 2e-3}, which keeps their absolute error below
 * {@code 1e-10} of one kernel. Boxes beyond {@code reach} widths are skipped (the caller chooses the reach
 * from the precision it needs).
 */
final class GaussSum {

    static final int TERMS = 16;

    private final double sigma;
    private final double invSigma;
    private final double origin;
    private final double[] mu;
    private final double[] coef;
    private final int[] indices;
    /** Box numbers (offsets from the origin, in widths), ascending, and where each box's kernels start. */
    private final int[] box;
    private final int[] start;
    /** Moments, TERMS per box, computed the first time a point needs the box. */
    private final double[] moments;
    private final boolean[] ready;
    private final int boxes;
    private final double reach;

    /**
     * The kernels {@code indices[0 .. count-1]} of {@code mu} (in ascending order of centre) with coefficients
     * {@code coef}, all of width {@code sigma}; boxes farther than {@code reach} widths from a point are left
     * out of its sum.
     */
    GaussSum(double sigma, double[] mu, double[] coef, int[] indices, int count, double reach) {
        this.sigma = sigma;
        this.invSigma = 1 / sigma;
        this.reach = reach;
        this.mu = mu;
        this.coef = coef;
        this.indices = indices;
        this.origin = count > 0 ? mu[indices[0]] : 0;
        int[] boxStart = new int[count + 1];
        int[] boxNumber = new int[count];
        int distinct = 0;
        int previous = Integer.MIN_VALUE;
        for (int j = 0; j < count; j++) {
            int b = (int) Math.floor((mu[indices[j]] - origin) * invSigma);
            if (b != previous) {
                boxNumber[distinct] = b;
                boxStart[distinct++] = j;
                previous = b;
            }
        }
        boxStart[distinct] = count;
        this.box = Arrays.copyOf(boxNumber, distinct);
        this.start = Arrays.copyOf(boxStart, distinct + 1);
        this.moments = new double[distinct * TERMS];
        this.ready = new boolean[distinct];
        this.boxes = distinct;
    }

    /** The Taylor moments of box {@code b}'s kernels about its centre. */
    private void computeMoments(int b) {
        double centre = origin + (box[b] + 0.5) * sigma;
        int base = b * TERMS;
        for (int j = start[b]; j < start[b + 1]; j++) {
            int i = indices[j];
            double t = (mu[i] - centre) * invSigma;
            double term = coef[i] * NormalMath.expNeg(0.5 * t * t);
            for (int n = 0; n < TERMS; n++) {
                moments[base + n] += term;
                term *= t / (n + 1);
            }
        }
        ready[b] = true;
    }

    /** The sum at {@code x}. */
    double at(double x) {
        if (boxes == 0) {
            return 0;
        }
        double u = (x - origin) * invSigma; // position in widths from the origin
        int lo = lowerBound(u - reach - 1);
        double sum = 0;
        for (int b = lo; b < boxes; b++) {
            double s = u - (box[b] + 0.5);
            if (s < -reach) {
                break;
            }
            if (s > reach) {
                continue;
            }
            if (!ready[b]) {
                computeMoments(b);
            }
            int base = b * TERMS;
            double poly = moments[base + TERMS - 1];
            for (int n = TERMS - 2; n >= 0; n--) {
                poly = poly * s + moments[base + n];
            }
            sum += NormalMath.expNeg(0.5 * s * s) * poly;
        }
        return sum;
    }

    private int lowerBound(double u) {
        int lo = 0;
        int hi = boxes;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (box[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    double sigma() {
        return sigma;
    }
}
