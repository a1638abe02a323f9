package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a range of values into a few equal classes, each drawn in one color of the scale with a legend
 * entry naming its range: XChart colors whole series, not single points, so a color scale becomes a few
 * series.
 */
final class Bins {

    private final double low;
    private final double high;
    private final int count;

    private Bins(double low, double high, int count) {
        this.low = low;
        this.high = high;
        this.count = count;
    }

    /** Classes over the finite values given (one class if they are all equal). */
    static Bins over(double[] values, int count) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            return new Bins(0, 0, 1);
        }
        return new Bins(low, high, high > low ? count : 1);
    }

    int count() {
        return count;
    }

    /** The class of a value, from 0 (lowest values) to {@code count() - 1}. */
    int of(double v) {
        if (count == 1 || !(high > low)) {
            return 0;
        }
        int i = (int) Math.floor((v - low) / (high - low) * count);
        return Math.max(0, Math.min(count - 1, i));
    }

    double lower(int bin) {
        return low + (high - low) * bin / count;
    }

    double upper(int bin) {
        return low + (high - low) * (bin + 1) / count;
    }

    /** "0.12 – 0.25", or the single value. */
    String label(int bin) {
        if (count == 1) {
            return Numbers.format(low);
        }
        return Numbers.format(lower(bin)) + " – " + Numbers.format(upper(bin));
    }

    /** The indices of the values in each class. */
    List<List<Integer>> split(double[] values) {
        List<List<Integer>> classes = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            classes.add(new ArrayList<>());
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                classes.get(of(values[i])).add(i);
            }
        }
        return classes;
    }
}
