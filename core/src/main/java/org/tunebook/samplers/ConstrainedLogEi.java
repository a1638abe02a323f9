package org.tunebook.samplers;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Gaussian-process sampler's acquisition function, as Optuna's {@code GPSampler} (4.x) defines it with
 * constraints: the log expected improvement of the objective's model below the best feasible value, plus for
 * each constraint's model the log probability that the constraint holds, {@code log P(c_i <= 0)}; that is, the
 * log of EI times the probability of feasibility, with the constraints modelled as independent. While no trial is
 * feasible there is no best value to improve on, and the acquisition is the log probability of feasibility
 * alone. Without constraints it is plain log EI.
 *
 * <p>Each model works on standardized values; a constraint's threshold is where 0 falls after standardizing.
 */
final class ConstrainedLogEi {

    private final GpModel objective;
    private final double best;
    private final GpModel[] constraints;
    private final double[] thresholds;
    private final Set<GridPoint> avoid;

    /** A point of a discrete space, compared exactly up to rounding noise in its coordinates. */
    private record GridPoint(long[] key) {
        static GridPoint of(double[] p) {
            long[] key = new long[p.length];
            for (int j = 0; j < p.length; j++) {
                key[j] = Math.round(p[j] * 1e9);
            }
            return new GridPoint(key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GridPoint g && Arrays.equals(g.key, key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }
    }

    /**
     * @param objective the objective's model, or null when no trial is feasible yet
     * @param best the best (lowest) standardized value of a feasible trial
     * @param constraints one model per constraint (none without constraints)
     * @param thresholds the standardized 0 of each constraint
     */
    ConstrainedLogEi(GpModel objective, double best, GpModel[] constraints, double[] thresholds) {
        this(objective, best, constraints, thresholds, Set.of());
    }

    private ConstrainedLogEi(GpModel objective, double best, GpModel[] constraints, double[] thresholds,
            Set<GridPoint> avoid) {
        if (objective == null && constraints.length == 0) {
            throw new IllegalArgumentException("an acquisition needs an objective model or a constraint model");
        }
        this.objective = objective;
        this.best = best;
        this.constraints = constraints;
        this.thresholds = thresholds;
        this.avoid = avoid;
    }

    /**
     * This acquisition, but {@code -Infinity} at {@code points} (and unchanged elsewhere): in a space of
     * discrete parameters only, a point already tried (or being tried) by a deterministic objective teaches
     * nothing, yet log EI can still rank it first once the model believes nothing nearby improves on it.
     */
    ConstrainedLogEi avoiding(List<double[]> points) {
        Set<GridPoint> keys = new HashSet<>();
        for (double[] p : points) {
            keys.add(GridPoint.of(p));
        }
        return new ConstrainedLogEi(objective, best, constraints, thresholds, keys);
    }

    /** Plain log EI of {@code objective} below {@code best}. */
    static ConstrainedLogEi unconstrained(GpModel objective, double best) {
        return new ConstrainedLogEi(objective, best, new GpModel[0], new double[0]);
    }

    /** The acquisition at {@code p}. */
    double value(double[] p) {
        if (!avoid.isEmpty() && avoid.contains(GridPoint.of(p))) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = 0;
        if (objective != null) {
            double[] mv = objective.predict(p);
            v += LogEi.of(mv[0], Math.sqrt(mv[1]), best)[0];
        }
        for (int k = 0; k < constraints.length; k++) {
            double[] mv = constraints[k].predict(p);
            v += NormalMath.logCdf((thresholds[k] - mv[0]) / Math.sqrt(mv[1]));
        }
        return v;
    }

    /** The gradient of the acquisition over the coordinates of {@code p} (0 for categorical ones). */
    double[] gradient(double[] p) {
        int d = p.length;
        double[] g = new double[d];
        if (objective != null) {
            double[] m = objective.predictWithGradient(p);
            double sd = Math.sqrt(m[1]);
            double[] ei = LogEi.of(m[0], sd, best);
            addChain(g, m, sd, ei[1], ei[2]);
        }
        for (int k = 0; k < constraints.length; k++) {
            double[] m = constraints[k].predictWithGradient(p);
            double sd = Math.sqrt(m[1]);
            double z = (thresholds[k] - m[0]) / sd;
            // d log Phi(z) / dz = phi(z) / Phi(z), computed in logs so that it stays finite far in the tail
            double ratio = Math.exp(NormalMath.logPdf(z) - NormalMath.logCdf(z));
            addChain(g, m, sd, -ratio / sd, -ratio * z / sd);
        }
        return g;
    }

    /**
     * Adds {@code dMean * grad(mean) + dSd * grad(sd)} to {@code g}, from a model's
     * {@code {mean, variance, dmean..., dvariance...}}.
     */
    private static void addChain(double[] g, double[] m, double sd, double dMean, double dSd) {
        int d = g.length;
        for (int j = 0; j < d; j++) {
            g[j] += dMean * m[2 + j] + dSd * (m[2 + d + j] / (2 * sd));
        }
    }
}
