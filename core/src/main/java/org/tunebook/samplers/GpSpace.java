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
    private final boolean[] discrete;

    GpSpace(Distribution[] distributions) {
        int d = distributions.length;
        spaces = new ParzenSpace[d];
        low = new double[d];
        high = new double[d];
        choices = new int[d];
        categorical = new boolean[d];
        discrete = new boolean[d];
        for (int j = 0; j < d; j++) {
            Distribution dist = distributions[j];
            spaces[j] = ParzenSpace.of(dist);
            if (dist instanceof CategoricalDistribution c) {
                choices[j] = c.choices().size();
                categorical[j] = true;
            } else if (dist instanceof FloatDistribution f) {
                low[j] = ParzenSpace.toModel(f, f.low());
                high[j] = ParzenSpace.toModel(f, f.high());
                discrete[j] = f.step() != null;
            } else {
                IntDistribution i = (IntDistribution) dist;
                low[j] = ParzenSpace.toModel(i, i.low());
                high[j] = ParzenSpace.toModel(i, i.high());
                discrete[j] = true;
            }
        }
    }

    int[] choices() {
        return choices;
    }

    boolean[] categorical() {
        return categorical;
    }

    /** Whether every dimension is discrete or categorical: the space is a finite set of points. */
    boolean finite() {
        for (int j = 0; j < discrete.length; j++) {
            if (!discrete[j] && !categorical[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether dimension {@code j} is numeric on a grid: an int or a stepped float. */
    boolean discrete(int j) {
        return discrete[j];
    }

    /**
     * Coordinate {@code u} of a numeric dimension, kept inside {@code [0, 1]} and, for a discrete one, moved to
     * the coordinate of the nearest grid value, where the acquisition must be judged: the point is rounded
     * before it is tried.
     */
    double snap(int j, double u) {
        double clamped = Math.min(1, Math.max(0, u));
        if (!discrete[j]) {
            return clamped;
        }
        return coordinate(j, spaces[j].roundModel(low[j] + clamped * (high[j] - low[j])));
    }

    /**
     * The coordinate of the grid value next to grid coordinate {@code u} of discrete dimension {@code j}, one
     * step up ({@code direction} 1) or down (-1); NaN past the end of the range.
     */
    double neighbour(int j, double u, int direction) {
        double model = spaces[j].roundModel(low[j] + Math.min(1, Math.max(0, u)) * (high[j] - low[j]));
        double next;
        if (spaces[j].distribution instanceof IntDistribution i && i.log()) {
            double v = Math.rint(Math.exp(model)) + direction;
            if (v < i.low() || v > i.high()) {
                return Double.NaN;
            }
            next = Math.log(v);
        } else {
            double q = spaces[j].q;
            next = model + direction * q;
            if (next < low[j] - 1e-9 * q || next > high[j] + 1e-9 * q) {
                return Double.NaN;
            }
            next = spaces[j].roundModel(next);
        }
        return coordinate(j, next);
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
