package org.tunebook.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/** Renders {@code %tune status}: one study in detail, or a line per study of the notebook. */
final class StatusView {

    private StatusView() {
    }

    /** One study: storage, directions, strategies, trials by state, best trial and its background run. */
    static Output of(NotebookStudy nb, Optional<BackgroundRun> run) {
        Study study = nb.study();
        List<FrozenTrial> trials = study.trials();
        Table table = Table.keyValue();
        table.row(List.of("storage", study.storage().url()));
        table.row(List.of(study.isMultiObjective() ? "directions" : "direction", Format.directions(study.directions())));
        table.row(List.of("sampler", nb.sampler().toString()));
        table.row(List.of("pruner", nb.pruner()));
        table.row(List.of("trials", new StateCounts(trials).toString()));
        best(study, trials).forEach(table::row);
        table.row(List.of("background run", run.map(StatusView::runText).orElse("none")));
        return table.output("study '" + study.name() + "'");
    }

    private static List<List<String>> best(Study study, List<FrozenTrial> trials) {
        List<List<String>> rows = new ArrayList<>();
        boolean anyComplete = trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE);
        if (!anyComplete) {
            rows.add(List.of("best", "no completed trial yet"));
        } else if (study.isMultiObjective()) {
            rows.add(List.of("Pareto front", Format.count(study.bestTrials().size(), "trial")
                    + " (%tune best " + study.name() + ")"));
        } else {
            FrozenTrial best = study.bestTrial();
            rows.add(List.of("best value", Format.number(best.value()) + " (trial #" + best.number() + ")"));
            rows.add(List.of("best params", Format.params(best.params())));
        }
        return rows;
    }

    private static String runText(BackgroundRun run) {
        return run.live().current().text();
    }

    /** Every study of the notebook, one row each. */
    static Output all(List<NotebookStudy> studies, Session session) {
        if (studies.isEmpty()) {
            return Output.text("no studies in this notebook yet; create one with %tune new NAME"
                    + " or load one with %tune load NAME --storage URL");
        }
        Table table = new Table(List.of("study", "storage", "direction", "trials", "complete", "pruned", "failed",
                "running", "best", "background run"));
        for (NotebookStudy nb : studies) {
            Study study = nb.study();
            List<FrozenTrial> trials = study.trials();
            StateCounts counts = new StateCounts(trials);
            String best = "";
            if (counts.get(TrialState.COMPLETE) > 0) {
                best = study.isMultiObjective() ? Format.count(study.bestTrials().size(), "trial") + " on the front"
                        : Format.number(study.bestValue());
            }
            String run = session.run(study.name()).map(r -> r.isDone() ? "ended" : "running").orElse("");
            table.row(List.of(study.name(), study.storage().url(), Format.directions(study.directions()),
                    counts.total(), counts.get(TrialState.COMPLETE), counts.get(TrialState.PRUNED),
                    counts.get(TrialState.FAIL), counts.get(TrialState.RUNNING), best, run));
        }
        return table.output((studies.size() == 1 ? "1 study" : studies.size() + " studies") + " in this notebook");
    }
}
