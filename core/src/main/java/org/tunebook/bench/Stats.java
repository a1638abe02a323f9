package org.tunebook.bench;

import java.util.Arrays;

/** Order statistics as numpy computes them by default (linear interpolation between closest ranks). */
final class Stats {

    private Stats() {
    }

    /** The {@code p}-th percentile ({@code 0 <= p <= 100}) of {@code values}; NaN for none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }
}
