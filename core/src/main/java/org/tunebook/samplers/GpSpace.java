package org.tunebook.samplers;

import java.util.Map;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * The Gaussian process's coordinates for a search space: each numeric parameter scaled from its range in
 * model space (log for log parameters) to {@code [0, 1]}, each categorical one as its choice index.
 */
final class GpSpace {

    private final ParzenSpace[] spaces;
    private final double[] low;
    private final double[] high;
    private final int[] choices;
    private final boolean[] categorical;

    GpSpace(Distribution[] distributions) {
        int d = distributions.length;
        spaces = new ParzenSpace[d];
        low = new double[d];
        high = new double[d];
        choices = new int[d];
        categorical = new boolean[d];
        for (int j = 0; j < d; j++) {
            Distribution dist = distributions[j];
            spaces[j] = ParzenSpace.of(dist);
            if (dist instanceof CategoricalDistribution c) {
                choices[j] = c.choices().size();
                categorical[j] = true;
            } else if (dist instanceof FloatDistribution f) {
                low[j] = ParzenSpace.toModel(f, f.low());
                high[j] = ParzenSpace.toModel(f, f.high());
            } else {
                IntDistribution i = (IntDistribution) dist;
                low[j] = ParzenSpace.toModel(i, i.low());
                high[j] = ParzenSpace.toModel(i, i.high());
            }
        }
    }

    int[] choices() {
        return choices;
    }

    boolean[] categorical() {
        return categorical;
    }

    /** Observations (model space, by dimension then observation) as points in the GP's coordinates. */
    double[][] normalize(double[][] values, int count) {
        double[][] x = new double[count][spaces.length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < spaces.length; j++) {
                x[i][j] = coordinate(j, values[j][i]);
            }
        }
        return x;
    }

    /** A running trial's point, or null if it lacks a parameter. */
    double[] normalizePoint(Map<String, Double> modelValues, String[] names) {
        double[] p = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            Double v = modelValues.get(names[j]);
            if (v == null) {
                return null;
            }
            p[j] = coordinate(j, v);
        }
        return p;
    }

    private double coordinate(int j, double model) {
        if (categorical[j]) {
            return model;
        }
        double width = high[j] - low[j];
        return width > 0 ? (model - low[j]) / width : 0.5;
    }

    /** The internal value of coordinate {@code u} of dimension {@code j}, rounded onto the parameter's grid. */
    double toInternal(int j, double u) {
        if (categorical[j]) {
            return Math.min(choices[j] - 1, Math.max(0, Math.rint(u)));
        }
        return spaces[j].toInternal(low[j] + Math.min(1, Math.max(0, u)) * (high[j] - low[j]));
    }
}
