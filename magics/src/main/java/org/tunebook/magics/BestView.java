package org.tunebook.magics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/** Renders {@code %tune best}: the best trial's value and parameters, or the Pareto front. */
final class BestView {

    private BestView() {
    }

    static Output of(Study study) {
        if (study.trials(TrialState.COMPLETE).isEmpty()) {
            return Output.text("study '" + study.name() + "' has no completed trial yet ("
                    + new StateCounts(study.trials()) + ")");
        }
        if (study.isMultiObjective()) {
            return front(study);
        }
        FrozenTrial best = study.bestTrial();
        Table table = new Table(List.of("parameter", "value"));
        best.params().forEach((k, v) -> table.row(List.of(k, v)));
        String caption = "best of '" + study.name() + "': " + Format.number(best.value()) + " (trial #"
                + best.number() + ", " + Format.directions(study.directions()) + ")";
        if (best.params().isEmpty()) {
            return Output.text(caption + "; the trial has no parameters");
        }
        return table.output(caption);
    }

    private static Output front(Study study) {
        List<FrozenTrial> front = study.bestTrials();
        Set<String> params = new LinkedHashSet<>();
        front.forEach(t -> params.addAll(t.params().keySet()));
        List<String> header = new ArrayList<>(List.of("number"));
        for (int i = 0; i < study.directions().size(); i++) {
            header.add("values_" + i + " (" + Format.directions(List.of(study.directions().get(i))) + ")");
        }
        header.addAll(params);
        Table table = new Table(header);
        for (FrozenTrial t : front) {
            List<Object> row = new ArrayList<>();
            row.add(t.number());
            for (double v : t.values()) {
                row.add(v);
            }
            params.forEach(p -> row.add(t.params().get(p)));
            table.row(row);
        }
        return table.output("Pareto front of '" + study.name() + "': " + Format.count(front.size(), "trial"));
    }
}
