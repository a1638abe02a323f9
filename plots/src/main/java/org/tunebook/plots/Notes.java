package org.tunebook.plots;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/** The messages empty plots show instead of data. */
final class Notes {

    private Notes() {
    }

    /** "No completed trials yet (2 failed, 1 pruned)" or "The study has no trials yet". */
    static String noCompleted(List<FrozenTrial> trials) {
        if (trials.isEmpty()) {
            return "The study has no trials yet";
        }
        return "No completed trials yet (" + counts(trials) + ")";
    }

    /** "3 complete, 2 failed" — the trials counted by state. */
    static String counts(List<FrozenTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        counts.forEach((state, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(word(state)));
        return s.toString();
    }

    private static String word(TrialState state) {
        return state == TrialState.FAIL ? "failed" : state.name().toLowerCase(Locale.ROOT);
    }
}
