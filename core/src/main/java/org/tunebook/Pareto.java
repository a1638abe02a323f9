package org.tunebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Pareto dominance for studies with several objectives, the one definition that {@link Study#bestTrials()},
 * the plots and the command line share.
 *
 * <pre>{@code
 * List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
 * Pareto.dominates(new double[] {1, 5}, new double[] {2, 5}, directions);   // true: lower loss, same score
 * List<FrozenTrial> front = Pareto.front(study.trials(TrialState.COMPLETE), study.directions());
 * }</pre>
 */
public final class Pareto {

    private Pareto() {
    }

    /**
     * Whether {@code a} dominates {@code b}: at least as good in every objective and strictly better in one,
     * each objective compared in its own direction. Equal vectors do not dominate each other. A NaN compares
     * as neither better nor worse.
     *
     * @param a one objective vector
     * @param b another, as long as {@code a}
     * @param directions one direction per objective
     * @throws IllegalArgumentException if the lengths differ
     */
    public static boolean dominates(double[] a, double[] b, List<Direction> directions) {
        if (a.length != b.length || a.length != directions.size()) {
            throw new IllegalArgumentException("dominance needs one value per objective: got " + a.length + " and "
                    + b.length + " values for " + directions.size() + " directions");
        }
        boolean strictlyBetter = false;
        for (int i = 0; i < a.length; i++) {
            Direction d = directions.get(i);
            if (d.isBetter(b[i], a[i])) {
                return false;
            }
            strictlyBetter |= d.isBetter(a[i], b[i]);
        }
        return strictlyBetter;
    }

    /**
     * The trials that no other trial of the list dominates, in list order. Trials with equal values are all
     * kept. The caller chooses the trials (usually the COMPLETE ones); each must have one value per direction.
     *
     * @throws IllegalArgumentException if a trial's values do not match the directions
     */
    public static List<FrozenTrial> front(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial candidate : trials) {
            boolean dominated = false;
            for (FrozenTrial other : trials) {
                if (other != candidate && dominates(other.values(), candidate.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front;
    }
}
