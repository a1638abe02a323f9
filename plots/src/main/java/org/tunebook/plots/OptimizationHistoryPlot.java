package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * "Is it still improving?": every completed trial's value by trial number, and the best value so far as a
 * line. Several studies share one chart (a color each); a multi-objective study shows each objective.
 * Values spreading over three orders of magnitude or more get a log axis.
 *
 * <pre>{@code
 * XYChart chart = OptimizationHistoryPlot.chart(study);
 * XYChart compare = OptimizationHistoryPlot.chart(List.of(tpe, random), PlotOptions.defaults());
 * }</pre>
 */
public final class OptimizationHistoryPlot {

    static final String TITLE = "Optimization history";

    private OptimizationHistoryPlot() {
    }

    /** The history of one study with default options. */
    public static XYChart chart(Study study) {
        return chart(List.of(study), PlotOptions.defaults());
    }

    /** The history of one study. */
    public static XYChart chart(Study study, PlotOptions options) {
        return chart(List.of(study), options);
    }

    /** The histories of several studies in one chart. */
    public static XYChart chart(List<Study> studies, PlotOptions options) {
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("the optimization history needs at least one study");
        }
        List<Curve> curves = new ArrayList<>();
        List<FrozenTrial> all = new ArrayList<>();
        for (Study study : studies) {
            List<FrozenTrial> trials = study.trials();
            all.addAll(trials);
            String prefix = studies.size() > 1 ? study.name() : "";
            curves.addAll(curves(prefix, trials, study.directions(), options));
        }
        return draw(curves, all, options);
    }

    /** The history of a list of trials of a study with these directions. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, PlotOptions options) {
        return draw(curves("", trials, directions, options), trials, options);
    }

    /** One named history per objective shown. */
    private record Curve(String name, HistoryData data) {
    }

    private static List<Curve> curves(String prefix, List<FrozenTrial> trials, List<Direction> directions,
            PlotOptions options) {
        List<Curve> curves = new ArrayList<>();
        if (directions.size() > 1 && options.customTarget() == null) {
            for (int k = 0; k < directions.size(); k++) {
                Target target = Target.of(directions, options.objective(k));
                curves.add(new Curve(join(prefix, "objective " + k), HistoryData.of(trials, target)));
            }
        } else {
            curves.add(new Curve(prefix, HistoryData.of(trials, Target.of(directions, options))));
        }
        return curves;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + ", " + name;
    }

    private static XYChart draw(List<Curve> curves, List<FrozenTrial> trials, PlotOptions options) {
        String yTitle = options.customTarget() != null ? options.targetName() : "Objective value";
        XYChart chart = Charts.xy(options.titleOr(TITLE), "Trial", yTitle, options.width(), options.height());
        List<HistoryData> data = curves.stream().map(Curve::data).filter(d -> !d.isEmpty()).toList();
        if (data.isEmpty()) {
            return Charts.note(chart, Notes.noCompleted(trials));
        }
        chart.getStyler().setYAxisLogarithmic(HistoryData.wantsLogAxis(data));
        int color = 0;
        for (Curve curve : curves) {
            if (curve.data.isEmpty()) {
                continue;
            }
            String name = curve.name.isEmpty() ? "Objective value" : curve.name;
            String best = curve.name.isEmpty() ? "Best value" : "best of " + curve.name;
            boolean single = curves.size() == 1;
            Charts.scatter(chart, name, curve.data.x(), curve.data.values(), SeriesMarkers.CIRCLE,
                    Palette.transparent(single ? Palette.COMPLETE : Palette.series(color), 170));
            Charts.line(chart, best, curve.data.x(), curve.data.best(), single ? Palette.BEST : Palette.series(color),
                    2f).setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
            color++;
        }
        return Charts.finish(chart);
    }
}
