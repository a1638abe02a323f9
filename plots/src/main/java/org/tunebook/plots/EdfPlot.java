package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * The empirical distribution function of the objective: for each value, the fraction of completed trials
 * that reached at most that value. Comparing studies (samplers, search spaces) on one chart shows which one
 * more often finds good values.
 */
public final class EdfPlot {

    static final String TITLE = "Empirical distribution function";

    private EdfPlot() {
    }

    /** The EDF of one study with default options. */
    public static XYChart chart(Study study) {
        return chart(List.of(study), PlotOptions.defaults());
    }

    /** The EDFs of several studies, a line each. */
    public static XYChart chart(List<Study> studies, PlotOptions options) {
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("the EDF plot needs at least one study");
        }
        Target target = Target.of(studies.get(0).directions(), options);
        XYChart chart = Charts.xy(options.titleOr(TITLE), target.name(), "Cumulative probability",
                options.width(), options.height());
        List<FrozenTrial> all = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < studies.size(); i++) {
            Study study = studies.get(i);
            List<FrozenTrial> trials = study.trials();
            all.addAll(trials);
            EdfData data = EdfData.of(trials, Target.of(study.directions(), options));
            if (data.isEmpty()) {
                continue;
            }
            double[][] steps = data.steps();
            Charts.line(chart, study.name(), steps[0], steps[1], Palette.series(i), 2f)
                    .setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
            drawn++;
        }
        if (drawn == 0) {
            return Charts.note(chart, Notes.noCompleted(all));
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendVisible(studies.size() > 1);
        return Charts.finish(chart);
    }
}
