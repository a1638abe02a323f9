package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * "Where is the good region?" for a pair of parameters. XChart has no contour chart, so this is a heat map:
 * the objective smoothed over the completed trials (a Gaussian kernel in the parameters' normalized space)
 * drawn as colored cells, dark where it is best, blank where no trial is near, with the trials marked and
 * the best one in red. The legend gives the value range of each color.
 */
public final class ContourPlot {

    static final String TITLE = "Contour";
    private static final int CLASSES = 8;

    private ContourPlot() {
    }

    /** The contour of two parameters with default options. */
    public static XYChart chart(Study study, String xParam, String yParam) {
        return chart(study.trials(), study.directions(), xParam, yParam, PlotOptions.defaults());
    }

    /** The contour of two parameters. */
    public static XYChart chart(Study study, String xParam, String yParam, PlotOptions options) {
        return chart(study.trials(), study.directions(), xParam, yParam, options);
    }

    /** One contour per pair of parameters (the options' parameters, or all by name). */
    public static List<XYChart> charts(Study study, PlotOptions options) {
        List<FrozenTrial> trials = study.trials();
        List<String> params = options.params().isEmpty() ? SlicePlot.allParams(trials) : options.params();
        if (params.size() < 2) {
            XYChart chart = Charts.xy(options.titleOr(TITLE), params.isEmpty() ? "" : params.get(0), "",
                    options.width(), options.height());
            String why = trials.isEmpty() ? Notes.noCompleted(trials)
                    : "A contour needs two parameters; the study has " + params.size();
            return List.of(Charts.note(chart, why));
        }
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            for (int j = i + 1; j < params.size(); j++) {
                charts.add(chart(trials, study.directions(), params.get(i), params.get(j), options));
            }
        }
        return charts;
    }

    /** The contour of two parameters over a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, String xParam, String yParam,
            PlotOptions options) {
        Target target = Target.of(directions, options);
        XYChart chart = Charts.xy(options.titleOr(TITLE + ": " + target.name()), xParam, yParam, options.width(),
                options.height());
        ContourData data = ContourData.of(trials, xParam, yParam, target);
        if (data.isEmpty()) {
            return Charts.note(chart, "A contour needs two completed trials with both '" + xParam + "' and '"
                    + yParam + "'");
        }
        data.x().applyTo(chart, true);
        data.y().applyTo(chart, false);
        drawSurface(chart, data, target);
        int n = data.trialX().length;
        Charts.scatter(chart, "Trials (" + n + ")", data.trialX(), data.trialY(), SeriesMarkers.CIRCLE,
                new java.awt.Color(20, 20, 20, 190));
        int b = data.best();
        Charts.scatter(chart, "Best trial", new double[] {data.trialX()[b]}, new double[] {data.trialY()[b]},
                SeriesMarkers.DIAMOND, Palette.BEST);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setPlotGridLinesVisible(false);
        return Charts.finish(chart);
    }

    /** One polygon series per value class, best class first in the legend. */
    private static void drawSurface(XYChart chart, ContourData data, Target target) {
        Bins bins = Bins.over(data.values(), chart.getWidth() < 640 ? CLASSES - 2 : CLASSES);
        List<List<Integer>> classes = bins.split(data.values());
        for (int k = 0; k < bins.count(); k++) {
            int b = target.direction() == Direction.MINIMIZE ? k : bins.count() - 1 - k;
            List<Integer> members = classes.get(b);
            if (members.isEmpty()) {
                continue;
            }
            List<double[]> boxes = new ArrayList<>();
            members.forEach(i -> boxes.add(data.cells()[i]));
            double shade = bins.count() == 1 ? 0.5 : (double) k / (bins.count() - 1);
            Charts.rectangles(chart, bins.label(b), boxes, Palette.scale(0.1 + 0.9 * shade));
        }
    }
}
