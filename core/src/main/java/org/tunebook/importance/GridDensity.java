package org.tunebook.importance;

import org.apache.commons.math3.special.Erf;

/**
 * A smoothed density over the cells {@code 0..n-1} of a one-dimensional grid, from how many trials fell in
 * each cell: for ordered grids a mixture of normal kernels discretized to the cells and truncated to the
 * grid, with Scott's rule for the bandwidth; for categorical cells the counts themselves. Either way a wide
 * prior (weight {@code priorWeight}, as if that many trials were spread over the grid) keeps every cell
 * above zero.
 */
final class GridDensity {

    private final double[] pdf;

    private GridDensity(double[] pdf) {
        this.pdf = pdf;
    }

    /** The density of ordered cells (numeric parameters). */
    static GridDensity ordered(int[] counts, double priorWeight) {
        int n = counts.length;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double sigma = scottBandwidth(counts, total);
        double[] pdf = new double[n];
        double weightSum = total + priorWeight;
        for (int cell = 0; cell < n; cell++) {
            if (counts[cell] > 0) {
                add(pdf, cell, sigma, counts[cell] / weightSum);
            }
        }
        add(pdf, (n - 1) / 2.0, n, priorWeight / weightSum);
        return new GridDensity(pdf);
    }

    /** The density of unordered cells (categorical parameters): counts plus a uniform prior. */
    static GridDensity categorical(int[] counts, double priorWeight) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double[] pdf = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            pdf[i] = (counts[i] + priorWeight / counts.length) / (total + priorWeight);
        }
        return new GridDensity(pdf);
    }

    /** Adds {@code weight} times a normal kernel at {@code mu}, discretized to the cells and truncated to the grid. */
    private static void add(double[] pdf, double mu, double sigma, double weight) {
        int n = pdf.length;
        double inside = cdf(n - 0.5, mu, sigma) - cdf(-0.5, mu, sigma);
        if (!(inside > 0)) {
            return;
        }
        for (int k = 0; k < n; k++) {
            pdf[k] += weight * (cdf(k + 0.5, mu, sigma) - cdf(k - 0.5, mu, sigma)) / inside;
        }
    }

    private static double cdf(double x, double mu, double sigma) {
        return 0.5 * (1 + Erf.erf((x - mu) / (sigma * Math.sqrt(2))));
    }

    /**
     * Scott's rule over the occupied cells: 1.059 min(IQR / 1.34, standard deviation) n^(-1/5), but at least
     * 0.5 / 1.64 cells, so that 90% of a kernel's mass stays within its own cell at the narrowest.
     */
    static double scottBandwidth(int[] counts, int total) {
        double minimum = 0.5 / 1.64;
        if (total == 0) {
            return minimum;
        }
        double mean = 0;
        for (int k = 0; k < counts.length; k++) {
            mean += (double) k * counts[k] / total;
        }
        double squares = 0;
        for (int k = 0; k < counts.length; k++) {
            squares += counts[k] * (k - mean) * (k - mean);
        }
        double sd = Math.sqrt(squares / Math.max(1, total - 1));
        int q25 = -1;
        int q75 = -1;
        int cumulative = 0;
        int last = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            cumulative += counts[k];
            last = k;
            if (q25 < 0 && cumulative >= total / 4) {
                q25 = k;
            }
            if (q75 < 0 && cumulative > total * 3 / 4) {
                q75 = k;
            }
        }
        double iqr = (q75 < 0 ? last : q75) - Math.max(0, q25);
        double sigma = 1.059 * Math.min(iqr / 1.34, sd) * Math.pow(total, -0.2);
        return Math.max(sigma, minimum);
    }

    double at(int cell) {
        return pdf[cell];
    }

    int size() {
        return pdf.length;
    }
}
