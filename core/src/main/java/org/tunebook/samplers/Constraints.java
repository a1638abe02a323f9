package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tunebook.FrozenTrial;
import org.tunebook.Trial;
import org.tunebook.TrialState;

/**
 * The constraints functions of samplers (TPE, NSGA-II): evaluating one on a finishing trial and storing its
 * values as system attribute {@value #KEY} (Optuna's key), and reading a trial's total violation back.
 */
final class Constraints {

    /** The trial system attribute holding the values of the constraints function. */
    static final String KEY = "constraints";

    private Constraints() {
    }

    /**
     * Evaluates {@code constraints} on a trial about to finish as {@code state} (complete or pruned; other
     * states are left alone) and stores the values with it.
     *
     * @param sampler the sampler's name, for messages
     * @throws IllegalStateException if the function throws, returns null or a NaN: the caller fails the trial
     *     with this message as its reason
     */
    static void record(String sampler, Function<FrozenTrial, double[]> constraints, Trial trial, TrialState state,
            double[] values) {
        if (constraints == null || (state != TrialState.COMPLETE && state != TrialState.PRUNED)) {
            return;
        }
        FrozenTrial.Builder b = trial.snapshot().toBuilder().state(state);
        if (values.length > 0) {
            b.values(values);
        }
        double[] c;
        try {
            c = constraints.apply(b.build());
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

    /**
     * The total violation recorded with a trial: the sum of its positive constraint values, 0 when feasible;
     * infinite when it has none (or unreadable ones), so that it ranks after every trial that has them.
     */
    static double violation(FrozenTrial t) {
        Object stored = t.systemAttrs().get(KEY);
        if (!(stored instanceof List<?> list)) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (Object o : list) {
            double v = o instanceof Number n ? n.doubleValue() : Double.NaN;
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            sum += Math.max(0, v);
        }
        return sum;
    }
}
