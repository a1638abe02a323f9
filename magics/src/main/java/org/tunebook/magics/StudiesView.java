package org.tunebook.magics;

import java.util.List;
import org.tunebook.StudySummary;
import org.tunebook.TrialState;

/** Renders {@code %tune studies}: the studies stored in one storage. */
final class StudiesView {

    private StudiesView() {
    }

    static Output of(String storage, List<StudySummary> summaries) {
        if (summaries.isEmpty()) {
            return Output.text("no studies in " + storage);
        }
        Table table = new Table(List.of("study", "direction", "trials", "complete", "pruned", "failed", "best",
                "started"));
        for (StudySummary s : summaries) {
            StateCounts counts = new StateCounts(s.countsByState());
            table.row(List.of(s.name(), Format.directions(s.directions()), s.trials(), counts.get(TrialState.COMPLETE),
                    counts.get(TrialState.PRUNED), counts.get(TrialState.FAIL),
                    s.bestValue().isPresent() ? (Object) s.bestValue().getAsDouble() : "",
                    s.started() == null ? "" : s.started()));
        }
        String noun = summaries.size() == 1 ? "1 study" : summaries.size() + " studies";
        return table.output(noun + " in " + storage);
    }
}
