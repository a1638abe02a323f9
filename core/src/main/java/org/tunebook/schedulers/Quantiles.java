package org.tunebook.schedulers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tunebook.Direction;

/**
 * Ray Tune's split of a population into its bottom and top quantiles: members ranked by their latest score
 * (ties keep member order; NaN counts as the worst score), {@code ceil(n * fraction)} members on each side, at most
 * half of them; nothing when fewer than two members have a score.
 */
record Quantiles(List<Integer> bottom, List<Integer> top) {

    static Quantiles of(Map<Integer, Double> scores, double fraction, Direction direction) {
        List<Integer> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.<Integer>comparingInt(m -> m));
        // worst first
        ranked.sort((a, b) -> compareWorstFirst(scores.get(a), scores.get(b), direction));
        int n = ranked.size();
        if (n <= 1) {
            return new Quantiles(List.of(), List.of());
        }
        int k = (int) Math.ceil(n * fraction);
        if (k > n / 2.0) {
            k = n / 2;
        }
        return new Quantiles(List.copyOf(ranked.subList(0, k)), List.copyOf(ranked.subList(n - k, n)));
    }

    private static int compareWorstFirst(double a, double b, Direction direction) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : -1) : 1;
        }
        return direction == Direction.MAXIMIZE ? Double.compare(a, b) : Double.compare(b, a);
    }
}
