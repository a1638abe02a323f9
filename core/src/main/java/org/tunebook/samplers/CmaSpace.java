package org.tunebook.samplers;

import java.util.Map;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * CMA-ES's coordinates for a numeric search space: each parameter scaled to {@code [0, 1]} from its range in
 * model space (the logarithm for log parameters). A discrete parameter (an int or a stepped float) gives each
 * of its values a cell of the same width, its bounds reaching half a step past the end values, so a
 * continuous coordinate stands for the value of the cell it falls in; {@link #cell} names that cell's edges
 * for the margin correction.
 */
final class CmaSpace {

    private final String[] names;
    private final ParzenSpace[] spaces;
    private final boolean[] discrete;

    /** The space of these parameters, in the order of {@code names}. */
    CmaSpace(String[] names, Map<String, Distribution> distributions) {
        this.names = names.clone();
        int n = names.length;
        spaces = new ParzenSpace[n];
        discrete = new boolean[n];
        for (int j = 0; j < n; j++) {
            Distribution d = distributions.get(names[j]);
            spaces[j] = ParzenSpace.of(d);
            discrete[j] = d instanceof IntDistribution || d instanceof FloatDistribution f && f.step() != null;
        }
    }

    int dimension() {
        return names.length;
    }

    String name(int j) {
        return names[j];
    }

    /** Whether coordinate {@code j} stands for a parameter with a finite set of values. */
    boolean[] discrete() {
        return discrete.clone();
    }

    /** The internal value of parameter {@code j} at coordinate {@code u}, rounded onto its grid. */
    double toInternal(int j, double u) {
        ParzenSpace s = spaces[j];
        return s.toInternal(s.low + Math.min(1, Math.max(0, u)) * (s.high - s.low));
    }

    /** The coordinate of an internal value of parameter {@code j}. */
    double toUnit(int j, double internal) {
        ParzenSpace s = spaces[j];
        double width = s.high - s.low;
        return width > 0 ? (s.toModel(internal) - s.low) / width : 0.5;
    }

    /**
     * The edges of the cell of discrete coordinate {@code j} that holds {@code u}: the coordinates where the
     * parameter's value changes to the next lower and the next higher one. An edge beyond the parameter's lowest
     * or highest value is infinite, since no value lies past it.
     */
    double[] cell(int j, double u) {
        ParzenSpace s = spaces[j];
        double width = s.high - s.low;
        double value = toInternal(j, u);
        if (s.distribution instanceof IntDistribution i && i.log()) {
            double lo = value <= i.low() ? Double.NEGATIVE_INFINITY : (Math.log(value - 0.5) - s.low) / width;
            double up = value >= i.high() ? Double.POSITIVE_INFINITY : (Math.log(value + 0.5) - s.low) / width;
            return new double[] {lo, up};
        }
        // linear grid: value k of K owns [k/K, (k+1)/K)
        double k = Math.rint((value - lowValue(j)) / s.q);
        double count = Math.rint(width / s.q);
        double lo = k <= 0 ? Double.NEGATIVE_INFINITY : k / count;
        double up = k >= count - 1 ? Double.POSITIVE_INFINITY : (k + 1) / count;
        return new double[] {lo, up};
    }

    private double lowValue(int j) {
        Distribution d = spaces[j].distribution;
        return d instanceof IntDistribution i ? i.low() : ((FloatDistribution) d).low();
    }
}
