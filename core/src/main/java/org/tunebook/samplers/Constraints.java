package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tunebook.FrozenTrial;
import org.tunebook.Trial;
import org.tunebook.TrialState;

/**
 * A user's constraints function, as TPE, the Gaussian process and NSGA-II take it: called on each trial that
 * finishes complete or pruned, its values are stored with the trial as system attribute {@value #KEY} (Optuna's
 * key), and read back from there when the trials are modelled or ranked. A trial is feasible when every value is
 * {@code <= 0}. Since all three samplers store the values the same way, any of them can continue another's study.
 */
final class Constraints {

    /** The trial system attribute holding the values of the constraints function. */
    static final String KEY = "constraints";

    private final String sampler;
    private final Function<FrozenTrial, double[]> function;

    /** {@code sampler} names the sampler in error messages ("TPE", "GP", "NSGA-II"). */
    Constraints(String sampler, Function<FrozenTrial, double[]> function) {
        this.sampler = sampler;
        this.function = function;
    }

    Function<FrozenTrial, double[]> function() {
        return function;
    }

    /**
     * Evaluates the function on a trial about to finish as {@code state} with {@code values}, and stores the
     * result with it; other states than complete and pruned are left alone. Throws (which fails that trial, with
     * the message as its reason) when the function throws, returns null or returns NaN.
     */
    void record(Trial trial, TrialState state, double[] values) {
        if (state != TrialState.COMPLETE && state != TrialState.PRUNED) {
            return;
        }
        FrozenTrial.Builder b = trial.snapshot().toBuilder().state(state);
        if (values.length > 0) {
            b.values(values);
        }
        double[] c;
        try {
            c = function.apply(b.build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + sampler + " constraints function failed on trial "
                    + trial.number() + ": " + e, e);
        }
        if (c == null) {
            throw new IllegalStateException("the " + sampler + " constraints function returned null for trial "
                    + trial.number() + "; return an array of constraint values (<= 0 when satisfied)");
        }
        List<Double> stored = new ArrayList<>(c.length);
        for (double v : c) {
            if (Double.isNaN(v)) {
                throw new IllegalStateException("the " + sampler + " constraints function returned NaN for trial "
                        + trial.number() + " " + Arrays.toString(c) + "; constraint values cannot be NaN");
            }
            stored.add(v);
        }
        trial.setSystemAttr(KEY, stored);
    }

    /** The constraint values stored with a trial, or null if it has none (or they are not all numbers). */
    static double[] stored(FrozenTrial t) {
        Object stored = t.systemAttrs().get(KEY);
        if (!(stored instanceof List<?> list)) {
            return null;
        }
        double[] c = new double[list.size()];
        for (int i = 0; i < c.length; i++) {
            Object o = list.get(i);
            c[i] = o instanceof Number n ? n.doubleValue() : Double.NaN;
            if (Double.isNaN(c[i])) {
                return null;
            }
        }
        return c;
    }

    /**
     * The total violation {@code sum max(0, c_i)}, 0 when feasible; infinite when there are no values, so that
     * such a trial ranks after every trial that has them.
     */
    static double violation(double[] c) {
        if (c == null) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (double v : c) {
            sum += Math.max(0, v);
        }
        return sum;
    }

    /** The total violation recorded with a trial (see {@link #violation(double[])}). */
    static double violation(FrozenTrial t) {
        return violation(stored(t));
    }
}
