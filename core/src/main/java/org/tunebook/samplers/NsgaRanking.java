package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's ordering of a population (Deb et al. 2002): fast non-dominated sorting into fronts, crowding
 * distance within a front, and the elitist choice of the next parents. With constraints, domination is
 * constrained domination: a feasible member dominates an infeasible one, of two infeasible ones the smaller
 * total violation dominates, and members without constraint values are dominated by members with them.
 * Ties are broken by trial number, so that the same trials always give the same order.
 */
final class NsgaRanking {

    /**
     * One member of a population.
     *
     * @param number its trial number
     * @param loss its objective values, negated for maximized objectives, so that smaller is better
     * @param violation its total constraint violation: 0 when feasible, infinite when it has no constraint
     *     values (ignored when the sampler has no constraints function)
     */
    record Member(int number, double[] loss, double violation) {
    }

    private NsgaRanking() {
    }

    /** Whether {@code a} (constrained-)dominates {@code b}. */
    static boolean dominates(Member a, Member b, boolean constrained) {
        if (constrained) {
            double va = a.violation();
            double vb = b.violation();
            boolean bothMissing = Double.isInfinite(va) && Double.isInfinite(vb);
            if (!bothMissing && !(va == 0 && vb == 0)) {
                return va < vb; // feasible first; then the smaller violation; trials without values last
            }
        }
        return ParetoMath.dominates(a.loss(), b.loss());
    }

    /** The fronts of a population, best first; each front in trial-number order. */
    static List<List<Member>> fronts(List<Member> population, boolean constrained) {
        List<Member> members = new ArrayList<>(population);
        members.sort(Comparator.comparingInt(Member::number));
        int n = members.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominated.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(members.get(i), members.get(j), constrained)) {
                    dominated.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(members.get(j), members.get(i), constrained)) {
                    dominated.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<List<Member>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        while (!current.isEmpty()) {
            List<Member> front = new ArrayList<>(current.size());
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                front.add(members.get(i));
                for (int j : dominated.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            fronts.add(front);
            current = next;
        }
        return fronts;
    }

    /**
     * The crowding distance of each member of a front (same order), as Optuna defines it: per objective, the
     * gap between a member's two neighbours in that objective divided by the objective's finite range, summed
     * over objectives; the extreme members of an objective are infinitely far, and an objective in which every
     * member has the same value adds nothing.
     */
    static double[] crowding(List<Member> front) {
        int n = front.size();
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        int objectives = front.get(0).loss().length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < objectives; k++) {
            int obj = k;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> front.get(i).loss()[obj])
                    .thenComparingInt(i -> front.get(i).number()));
            double first = front.get(order[0]).loss()[obj];
            double last = front.get(order[n - 1]).loss()[obj];
            if (first == last) {
                continue;
            }
            double[] v = new double[n + 2]; // sorted values between -inf and +inf sentinels
            v[0] = Double.NEGATIVE_INFINITY;
            v[n + 1] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                v[i + 1] = front.get(order[i]).loss()[obj];
            }
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = 1; i <= n; i++) {
                if (Double.isNaN(min) && v[i] != Double.NEGATIVE_INFINITY) {
                    min = v[i];
                }
                if (v[n + 1 - i] != Double.POSITIVE_INFINITY && Double.isNaN(max)) {
                    max = v[n + 1 - i];
                }
            }
            double width = max - min;
            if (!(width > 0) || Double.isInfinite(width)) {
                width = 1; // no finite spread to normalize by
            }
            for (int i = 0; i < n; i++) {
                double gap = v[i] == v[i + 2] ? 0 : v[i + 2] - v[i]; // inf - inf counts as no gap
                distance[order[i]] += gap / width;
            }
        }
        return distance;
    }

    /**
     * The next parent population: whole fronts, best first, while they fit into {@code size}; then the
     * members of the next front with the largest crowding distance (the earliest trial on ties). In the
     * order chosen.
     */
    static List<Member> elite(List<Member> pool, int size, boolean constrained) {
        List<Member> elite = new ArrayList<>(size);
        for (List<Member> front : fronts(pool, constrained)) {
            if (elite.size() + front.size() <= size) {
                elite.addAll(front);
                if (elite.size() == size) {
                    break;
                }
                continue;
            }
            double[] distance = crowding(front);
            Integer[] order = new Integer[front.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -distance[i])
                    .thenComparingInt(i -> front.get(i).number()));
            for (int i = 0; elite.size() < size; i++) {
                elite.add(front.get(order[i]));
            }
            break;
        }
        return elite;
    }
}
