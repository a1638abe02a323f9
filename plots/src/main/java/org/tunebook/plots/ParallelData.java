package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * Parallel coordinates: one vertical axis for the target and one per parameter, and for every completed
 * trial its position on each axis scaled to [0, 1] (log-scaled parameters in log space, categorical ones
 * evenly by choice). Only trials having every shown parameter are drawn.
 */
record ParallelData(List<ParamAxis> axes, double targetLow, double targetHigh, List<FrozenTrial> trials,
        double[] targets, double[][] positions) {

    /** The parameters of the options, or those every completed trial has, by name. */
    static ParallelData of(List<FrozenTrial> all, Target target, List<String> wanted) {
        List<FrozenTrial> complete = new ArrayList<>();
        for (FrozenTrial t : all) {
            if (t.state() == TrialState.COMPLETE && Double.isFinite(target.of(t))) {
                complete.add(t);
            }
        }
        List<String> params = wanted.isEmpty() ? shared(complete) : wanted;
        List<FrozenTrial> trials = complete.stream().filter(t -> t.params().keySet().containsAll(params)).toList();
        List<ParamAxis> axes = new ArrayList<>();
        if (!trials.isEmpty()) {
            params.forEach(p -> axes.add(ParamAxis.of(p, trials)));
        }
        double[] targets = trials.stream().mapToDouble(target::of).toArray();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : targets) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        double[][] positions = new double[trials.size()][axes.size() + 1];
        for (int i = 0; i < trials.size(); i++) {
            positions[i][0] = high > low ? (targets[i] - low) / (high - low) : 0.5;
            for (int a = 0; a < axes.size(); a++) {
                ParamAxis axis = axes.get(a);
                positions[i][a + 1] = axis.normalize(axis.position(trials.get(i)));
            }
        }
        return new ParallelData(axes, low, high, trials, targets, positions);
    }

    private static List<String> shared(List<FrozenTrial> trials) {
        if (trials.isEmpty()) {
            return List.of();
        }
        Set<String> names = new TreeSet<>(trials.get(0).params().keySet());
        trials.forEach(t -> names.retainAll(t.params().keySet()));
        return List.copyOf(names);
    }

    boolean isEmpty() {
        return trials.isEmpty();
    }
}
