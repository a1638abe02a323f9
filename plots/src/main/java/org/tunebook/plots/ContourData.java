package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The surface of a contour plot: the target estimated on a grid over two parameters by Gaussian kernel
 * smoothing of the completed trials (in the parameters' normalized space, log space for log-scaled ones),
 * and left blank (NaN) where no trial lies near enough to say anything. Categorical parameters get one grid
 * column per choice.
 */
record ContourData(ParamAxis x, ParamAxis y, double[][] cells, double[] values, double[] trialX, double[] trialY,
        double[] trialValues, int best) {

    /** Numeric axes are cut into this many grid cells. */
    static final int RESOLUTION = 40;

    /**
     * The surface over {@code xParam} and {@code yParam}; empty (no cells) when fewer than two completed trials
     * have both parameters and a finite target.
     */
    static ContourData of(List<FrozenTrial> all, String xParam, String yParam, Target target) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (FrozenTrial t : all) {
            if (t.state() == TrialState.COMPLETE && t.params().containsKey(xParam) && t.params().containsKey(yParam)
                    && Double.isFinite(target.of(t))) {
                trials.add(t);
            }
        }
        if (trials.size() < 2) {
            return new ContourData(null, null, new double[0][], new double[0], new double[0], new double[0],
                    new double[0], -1);
        }
        ParamAxis x = ParamAxis.of(xParam, trials);
        ParamAxis y = ParamAxis.of(yParam, trials);
        int n = trials.size();
        double[] tx = new double[n];
        double[] ty = new double[n];
        double[] tv = new double[n];
        double[] ux = new double[n];
        double[] uy = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            tx[i] = x.position(trials.get(i));
            ty[i] = y.position(trials.get(i));
            tv[i] = target.of(trials.get(i));
            ux[i] = x.normalize(tx[i]);
            uy[i] = y.normalize(ty[i]);
            if (target.isBetter(tv[i], tv[best])) {
                best = i;
            }
        }
        double bandwidth = Math.max(0.06, 0.45 * Math.pow(n, -1.0 / 3));
        Grid gx = Grid.of(x);
        Grid gy = Grid.of(y);
        List<double[]> cells = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < gx.size(); i++) {
            for (int j = 0; j < gy.size(); j++) {
                double v = smooth(gx.center(i), gy.center(j), ux, uy, tv, bandwidth);
                if (!Double.isNaN(v)) {
                    cells.add(new double[] {gx.low(i), gx.high(i), gy.low(j), gy.high(j)});
                    values.add(v);
                }
            }
        }
        return new ContourData(x, y, cells.toArray(new double[0][]),
                values.stream().mapToDouble(Double::doubleValue).toArray(), tx, ty, tv, best);
    }

    /** The kernel-weighted mean of the values at (u, v), or NaN when the nearest trial is over 3 bandwidths away. */
    static double smooth(double u, double v, double[] ux, double[] uy, double[] values, double bandwidth) {
        double weights = 0;
        double sum = 0;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double du = u - ux[i];
            double dv = v - uy[i];
            double d2 = du * du + dv * dv;
            nearest = Math.min(nearest, d2);
            double w = Math.exp(-d2 / (2 * bandwidth * bandwidth));
            weights += w;
            sum += w * values[i];
        }
        if (Math.sqrt(nearest) > 3 * bandwidth || !(weights > 0)) {
            return Double.NaN;
        }
        return sum / weights;
    }

    boolean isEmpty() {
        return x == null;
    }

    /** The grid along one axis: cell centers in normalized space and cell edges in the axis' positions. */
    private record Grid(ParamAxis axis, int size) {

        static Grid of(ParamAxis axis) {
            if (axis.isCategorical()) {
                return new Grid(axis, axis.choices().size());
            }
            return new Grid(axis, axis.high() > axis.low() ? RESOLUTION : 1);
        }

        double center(int i) {
            if (axis.isCategorical()) {
                return axis.normalize(i);
            }
            return size == 1 ? 0.5 : (i + 0.5) / size;
        }

        double low(int i) {
            if (axis.isCategorical()) {
                return i - 0.5;
            }
            return size == 1 ? widen(-1) : axis.denormalize((double) i / size);
        }

        double high(int i) {
            if (axis.isCategorical()) {
                return i + 0.5;
            }
            return size == 1 ? widen(1) : axis.denormalize((double) (i + 1) / size);
        }

        /** A parameter with a single value still gets a visible band around it. */
        private double widen(int side) {
            double v = axis.low();
            double half = v == 0 ? 0.5 : Math.abs(v) * 0.05;
            return axis.isLog() ? v * Math.pow(1.1, side) : v + side * half;
        }
    }
}
