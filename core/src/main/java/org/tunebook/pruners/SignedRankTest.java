package org.tunebook.pruners;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The one-sided Wilcoxon signed-rank test on paired differences, with zero differences split between the two
 * rank sums ({@code zero_method="zsplit"}), as current SciPy's {@code wilcoxon(method="auto")} computes it for
 * Optuna's WilcoxonPruner:
 * <ul>
 *   <li>no ties and no zeros, at most 50 differences: the exact null distribution of the rank sum;</li>
 *   <li>ties or zeros, at most 13 differences: the exact permutation test (all 2^n sign patterns);</li>
 *   <li>otherwise the normal approximation, with the correction for tied ranks and no continuity correction.</li>
 * </ul>
 *
 * <p>commons-math's {@code WilcoxonSignedRankTest} answers only the two-sided question, hence this class. Older
 * SciPy (1.10, Debian 12's) differs with ties or zeros among few differences: it truncates the rank sum and uses
 * the exact distribution, or takes the approximation.
 */
final class SignedRankTest {

    /** The alternative hypothesis about the differences' location. */
    enum Alternative {
        /** The differences tend to be below zero. */
        LESS,
        /** The differences tend to be above zero. */
        GREATER
    }

    private static final int EXACT_LIMIT = 50;
    private static final int PERMUTATION_LIMIT = 13;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SignedRankTest() {
    }

    /** The p-value of {@code differences} (finite values) under {@code alternative}; NaN for no differences. */
    static double pValue(double[] differences, Alternative alternative) {
        int n = differences.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] ranks = averageRanks(differences);
        double rankSumPlus = 0;
        boolean zeros = false;
        for (int i = 0; i < n; i++) {
            if (differences[i] > 0) {
                rankSumPlus += ranks[i];
            } else if (differences[i] == 0) {
                rankSumPlus += ranks[i] / 2;
                zeros = true;
            }
        }
        int[] tieSizes = tieSizes(ranks);
        boolean ties = Arrays.stream(tieSizes).anyMatch(t -> t > 1);
        if (n <= EXACT_LIMIT && !zeros && !ties) {
            return exact(n, (int) rankSumPlus, alternative);
        }
        if (n <= PERMUTATION_LIMIT) {
            return permutation(differences, ranks, rankSumPlus, alternative);
        }
        return approximate(n, rankSumPlus, tieSizes, alternative);
    }

    /** P(W+ >= r) or P(W+ <= r) under the null: every subset of the ranks 1..n is equally likely positive. */
    private static double exact(int n, int rankSumPlus, Alternative alternative) {
        int max = n * (n + 1) / 2;
        long[] counts = new long[max + 1];
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = max; s >= rank; s--) {
                counts[s] += counts[s - rank];
            }
        }
        double total = Math.pow(2, n);
        double p = 0;
        if (alternative == Alternative.GREATER) {
            for (int s = rankSumPlus; s <= max; s++) {
                p += counts[s];
            }
        } else {
            for (int s = 0; s <= rankSumPlus; s++) {
                p += counts[s];
            }
        }
        return Math.min(1, Math.max(0, p / total));
    }

    /**
     * The share of the 2^n sign patterns of the differences whose rank sum is at least (or at most) the observed
     * one; zeros keep their half ranks on both sides whatever their sign.
     */
    private static double permutation(double[] differences, double[] ranks, double observed, Alternative alternative) {
        int n = differences.length;
        double zeroHalf = 0;
        for (int i = 0; i < n; i++) {
            if (differences[i] == 0) {
                zeroHalf += ranks[i] / 2;
            }
        }
        double tolerance = 1e-9 * Math.max(1, Math.abs(observed));
        int hits = 0;
        for (int pattern = 0; pattern < 1 << n; pattern++) {
            double sum = zeroHalf;
            for (int i = 0; i < n; i++) {
                if ((pattern & (1 << i)) != 0 && differences[i] != 0) {
                    sum += ranks[i];
                }
            }
            boolean hit = alternative == Alternative.GREATER ? sum >= observed - tolerance : sum <= observed + tolerance;
            hits += hit ? 1 : 0;
        }
        return (double) hits / (1 << n);
    }

    private static double approximate(int n, double rankSumPlus, int[] tieSizes, Alternative alternative) {
        double mean = n * (n + 1.0) / 4;
        double variance = n * (n + 1.0) * (2.0 * n + 1);
        for (int t : tieSizes) {
            variance -= 0.5 * t * ((double) t * t - 1);
        }
        double z = (rankSumPlus - mean) / Math.sqrt(variance / 24);
        return alternative == Alternative.GREATER ? NORMAL.cumulativeProbability(-z) : NORMAL.cumulativeProbability(z);
    }

    /** Ranks of the absolute values, 1-based, ties getting the average of their ranks. */
    static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[a]), Math.abs(values[b])));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Math.abs(values[order[j + 1]]) == Math.abs(values[order[i]])) {
                j++;
            }
            double average = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** The size of each group of equal ranks. */
    private static int[] tieSizes(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        int[] sizes = new int[sorted.length];
        int groups = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            sizes[groups++] = j - i + 1;
            i = j + 1;
        }
        return Arrays.copyOf(sizes, groups);
    }
}
