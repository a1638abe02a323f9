package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The completed trials' objective values, split into the Pareto front (no other trial is at least as good
 * in every objective and better in one) and the rest. Dominance uses all objectives, also when a chart
 * shows two of them.
 */
record ParetoData(List<FrozenTrial> front, List<FrozenTrial> dominated) {

    static ParetoData of(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> complete = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().length == directions.size() && allFinite(t.values())) {
                complete.add(t);
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        List<FrozenTrial> dominated = new ArrayList<>();
        for (FrozenTrial candidate : complete) {
            boolean beaten = false;
            for (FrozenTrial other : complete) {
                if (other != candidate && dominates(other.values(), candidate.values(), directions)) {
                    beaten = true;
                    break;
                }
            }
            (beaten ? dominated : front).add(candidate);
        }
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

    /** Whether {@code a} is at least as good as {@code b} everywhere and better somewhere. */
    static boolean dominates(double[] a, double[] b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (directions.get(i).isBetter(b[i], a[i])) {
                return false;
            }
            better |= directions.get(i).isBetter(a[i], b[i]);
        }
        return better;
    }

    boolean isEmpty() {
        return front.isEmpty();
    }

    /** Objective {@code k} of each trial. */
    static double[] objective(List<FrozenTrial> trials, int k) {
        return trials.stream().mapToDouble(t -> t.values()[k]).toArray();
    }
}
