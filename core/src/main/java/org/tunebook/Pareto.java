package org.tunebook;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The hypervolume of {@code points} for minimization in every objective: the volume between the points and
     * the {@code reference} point, the usual measure of a Pareto front's quality; points not strictly better than
     * the reference in every objective add nothing. Exact: a sweep for two objectives ({@code O(n log n)}), and
     * slicing along the last objective for more (exponential in the number of objectives, fine for fronts of a
     * few hundred points). For maximized objectives, negate them and the reference.
     *
     * @throws IllegalArgumentException if a point's length differs from the reference's, or a value is NaN
     */
    public static double hypervolume(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("a point has " + p.length + " objectives but the reference point "
                        + reference.length);
            }
            boolean below = true;
            for (int k = 0; k < p.length; k++) {
                if (Double.isNaN(p[k])) {
                    throw new IllegalArgumentException("hypervolume of a point with a NaN objective");
                }
                below &= p[k] < reference[k];
            }
            if (below) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    /** The volume over the first {@code m} objectives of points all inside the reference. */
    private static double volume(List<double[]> points, double[] ref, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            return ref[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        }
        List<double[]> sorted = new ArrayList<>(points);
        int last = m - 1;
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        if (m == 2) {
            // sweep up the second objective; each step adds the strip up to the next point's height
            double area = 0;
            double bestX = ref[0];
            for (int i = 0; i < sorted.size(); i++) {
                bestX = Math.min(bestX, sorted.get(i)[0]);
                double top = i + 1 < sorted.size() ? sorted.get(i + 1)[1] : ref[1];
                area += (ref[0] - bestX) * (top - sorted.get(i)[1]);
            }
            return area;
        }
        double total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            double height = top - sorted.get(i)[last];
            if (height > 0) {
                total += height * volume(sorted.subList(0, i + 1), ref, m - 1);
            }
        }
        return total;
    }
}
