package org.tunebook.magics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/** Trials per state, and the short text {@code 12 complete, 1 pruned, 1 failed}. */
final class StateCounts {

    private final Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    private final int total;

    StateCounts(List<FrozenTrial> trials) {
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        this.total = trials.size();
    }

    StateCounts(Map<TrialState, Integer> byState) {
        counts.putAll(byState);
        this.total = byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    int get(TrialState state) {
        return counts.getOrDefault(state, 0);
    }

    int total() {
        return total;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Format.count(total, "trial"));
        if (total > 0) {
            s.append(" (").append(get(TrialState.COMPLETE)).append(" complete, ").append(get(TrialState.PRUNED))
                    .append(" pruned, ").append(get(TrialState.FAIL)).append(" failed");
            if (get(TrialState.RUNNING) > 0) {
                s.append(", ").append(get(TrialState.RUNNING)).append(" running");
            }
            if (get(TrialState.WAITING) > 0) {
                s.append(", ").append(get(TrialState.WAITING)).append(" waiting");
            }
            s.append(')');
        }
        return s.toString();
    }
}
