package org.tunebook.magics;

import java.util.List;
import java.util.Optional;
import org.tunebook.FrozenTrial;
import org.tunebook.Progress;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.TrialsTable;

/**
 * Rich forms of tunebook's result objects, for a kernel to show the value of a cell: a {@link Study} as its
 * status table, a {@link TrialsTable} as an HTML table, a {@link StudyRun} or {@link Progress} as a progress
 * line, a {@link FrozenTrial} and a {@link Space} as small tables, an XChart chart (such as the plots of
 * {@code org.tunebook.plots}) or a list of XY charts as a PNG image.
 */
public final class Renderings {

    private Renderings() {
    }

    /** The rich form of {@code value}, or empty for objects this class does not know. */
    public static Optional<Output> render(Object value) {
        if (value instanceof Study study) {
            NotebookStudy nb = new NotebookStudy(study, SamplerChoice.of(study.sampler().toString(), study.sampler()),
                    study.pruner().toString());
            return Optional.of(StatusView.of(nb, Optional.empty()));
        }
        if (value instanceof StudyRun run) {
            Progress p = run.progress();
            String name = run.study().name();
            return Optional.of(p.done() ? ProgressView.finished(name, p, run.failure().isPresent() ? "failed" : "done",
                    "") : ProgressView.running(name, p, false));
        }
        if (value instanceof Progress p) {
            return Optional.of(Output.html("<div class=\"tunebook-progress\">" + Html.escape(p.toString()) + "</div>",
                    p.toString()));
        }
        if (value instanceof TrialsTable table) {
            return Optional.of(trialsTable(table));
        }
        if (value instanceof FrozenTrial trial) {
            return Optional.of(trial(trial));
        }
        if (value instanceof Space space) {
            return Optional.of(SpaceView.of("space", space));
        }
        return ChartImages.render(value);
    }

    private static Output trialsTable(TrialsTable trials) {
        Table table = new Table(trials.columns());
        List<List<Object>> rows = trials.rows();
        rows.stream().limit(TrialsView.MAX_ROWS).forEach(table::row);
        String caption = rows.size() > TrialsView.MAX_ROWS ? "first " + TrialsView.MAX_ROWS + " of " + rows.size()
                + " trials" : Format.count(rows.size(), "trial");
        return table.output(caption);
    }

    private static Output trial(FrozenTrial t) {
        Table table = Table.keyValue();
        table.row(List.of("state", t.state().name()));
        if (t.hasValue()) {
            table.row(List.of(t.values().length == 1 ? "value" : "values", Format.values(t.values())));
        }
        t.params().forEach((k, v) -> table.row(List.of(k, Format.cell(v))));
        t.duration().ifPresent(d -> table.row(List.of("duration", Durations.format(d))));
        t.failReason().ifPresent(r -> table.row(List.of("fail reason", r)));
        return table.output("trial #" + t.number());
    }
}
