package org.tunebook.plots;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Learning curves: the values each trial reported with {@code trial.report(value, step)}, one line per
 * trial, colored by how the trial ended, so pruned trials (stopped early) stand apart from completed ones.
 */
public final class IntermediateValuesPlot {

    static final String TITLE = "Intermediate values";

    private IntermediateValuesPlot() {
    }

    /** The learning curves of a study with default options. */
    public static XYChart chart(Study study) {
        return chart(study.trials(), PlotOptions.defaults());
    }

    /** The learning curves of a study. */
    public static XYChart chart(Study study, PlotOptions options) {
        return chart(study.trials(), options);
    }

    /** The learning curves of a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, PlotOptions options) {
        XYChart chart = Charts.xy(options.titleOr(TITLE), "Step", "Intermediate value", options.width(),
                options.height());
        IntermediateData data = IntermediateData.of(trials);
        if (data.isEmpty()) {
            return Charts.note(chart, trials.isEmpty() ? Notes.noCompleted(trials)
                    : "No trial reported intermediate values (trial.report(value, step))");
        }
        chart.getStyler().setMarkerSize(4);
        for (TrialState state : TrialState.values()) {
            List<IntermediateData.Curve> curves = data.byState().get(state);
            if (curves == null) {
                continue;
            }
            double[][] xy = IntermediateData.joined(curves);
            String name = state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT)
                    + " (" + curves.size() + (curves.size() == 1 ? " trial)" : " trials)");
            XYSeries s = chart.addSeries(name, xy[0], xy[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            int alpha = state == TrialState.COMPLETE ? 150 : 200;
            s.setLineColor(Palette.transparent(Palette.of(state), alpha));
            s.setMarkerColor(Palette.transparent(Palette.of(state), alpha));
            s.setLineWidth(1.2f);
        }
        return Charts.finish(chart);
    }
}
