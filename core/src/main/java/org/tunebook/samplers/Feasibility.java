package org.tunebook.samplers;

import java.util.Arrays;

/**
 * The constraint values of the trials a Gaussian process models, arranged for one model per constraint: which
 * trials are feasible (every value {@code <= 0}), their total violations, and each constraint's values at the
 * trials that have them. The number of constraints is the latest trial's; a trial without constraint values,
 * or with another number of them (the function changed, or the trial came from elsewhere), is in no
 * constraint's model and counts as not feasible.
 */
final class Feasibility {

    private final int[] with;
    private final double[][] byConstraint;
    private final boolean[] feasible;
    private final double[] violation;

    private Feasibility(int[] with, double[][] byConstraint, boolean[] feasible, double[] violation) {
        this.with = with;
        this.byConstraint = byConstraint;
        this.feasible = feasible;
        this.violation = violation;
    }

    /**
     * The feasibility of observations with constraint values {@code values[i]} (null when absent), or null if
     * no observation has any (nothing to model).
     */
    static Feasibility of(double[][] values) {
        int n = values.length;
        int m = -1;
        for (int i = n - 1; i >= 0 && m < 0; i--) {
            if (values[i] != null) {
                m = values[i].length;
            }
        }
        if (m <= 0) {
            return null;
        }
        int[] with = new int[n];
        int count = 0;
        boolean[] feasible = new boolean[n];
        double[] violation = new double[n];
        for (int i = 0; i < n; i++) {
            if (values[i] == null || values[i].length != m) {
                violation[i] = Double.NaN;
                continue;
            }
            with[count++] = i;
            violation[i] = Constraints.violation(values[i]);
            feasible[i] = violation[i] == 0;
        }
        double[][] byConstraint = new double[m][count];
        for (int j = 0; j < count; j++) {
            for (int k = 0; k < m; k++) {
                byConstraint[k][j] = values[with[j]][k];
            }
        }
        return new Feasibility(Arrays.copyOf(with, count), byConstraint, feasible, violation);
    }

    /** The number of constraints. */
    int count() {
        return byConstraint.length;
    }

    /** Whether each observation is feasible. */
    boolean[] feasible() {
        return feasible;
    }

    boolean anyFeasible() {
        for (boolean f : feasible) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** The total violation of observation {@code i}; NaN when it has no (matching) constraint values. */
    double violation(int i) {
        return violation[i];
    }

    /** Constraint {@code k}'s values, at the observations {@link #points} picks. */
    double[] values(int k) {
        return byConstraint[k];
    }

    /** The points of the observations that have constraint values, in the order of {@link #values}. */
    double[][] points(double[][] x) {
        double[][] p = new double[with.length][];
        for (int j = 0; j < with.length; j++) {
            p[j] = x[with[j]];
        }
        return p;
    }
}
