package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Pareto;
import org.tunebook.TrialState;

/**
 * The completed trials' objective values, split into the Pareto front (no other trial is at least as good
 * in every objective and better in one, as {@link Pareto} decides) and the rest. Dominance uses all
 * objectives, also when a chart shows two of them.
 */
record ParetoData(List<FrozenTrial> front, List<FrozenTrial> dominated) {

    static ParetoData of(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> complete = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().length == directions.size() && allFinite(t.values())) {
                complete.add(t);
            }
        }
        List<FrozenTrial> front = Pareto.front(complete, directions);
        // FrozenTrial has identity equality, so removing the front's trials leaves exactly the dominated ones.
        List<FrozenTrial> dominated = new ArrayList<>(complete);
        dominated.removeAll(front);
        return new ParetoData(front, dominated);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return front.isEmpty();
    }

    /** Objective {@code k} of each trial. */
    static double[] objective(List<FrozenTrial> trials, int k) {
        return trials.stream().mapToDouble(t -> t.values()[k]).toArray();
    }
}
