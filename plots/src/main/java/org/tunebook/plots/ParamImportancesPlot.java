package org.tunebook.plots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * "Which parameters matter?": one horizontal bar per parameter, most important on top, with its share of
 * the importance written at the end of the bar. Importance comes from {@link org.tunebook.importance.Importance}
 * with the options' evaluator (fANOVA by default). The chart grows taller with many parameters.
 */
public final class ParamImportancesPlot {

    static final String TITLE = "Hyperparameter importances";

    private ParamImportancesPlot() {
    }

    /** The importances of a study's parameters, with default options. */
    public static XYChart chart(Study study) {
        return chart(study, PlotOptions.defaults());
    }

    /** The importances of a study's parameters. */
    public static XYChart chart(Study study, PlotOptions options) {
        return chart(study.trials(), study.directions(), options);
    }

    /** The importances over a list of trials of a study with these directions. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, PlotOptions options) {
        ImportanceData data = ImportanceData.of(trials, directions, options);
        int n = data.names().size();
        int height = Math.max(options.height(), 110 + 30 * n);
        String what = options.customTarget() != null ? " for " + options.targetName()
                : directions.size() > 1 ? " for objective " + options.objective() : "";
        XYChart chart = Charts.xy(options.titleOr(TITLE + what),
                "Importance (" + ImportanceData.algorithm(options.evaluator()) + ")", "Hyperparameter",
                options.width(), height);
        if (data.isEmpty()) {
            return Charts.note(chart, data.problem());
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        double max = 0;
        for (double v : data.importances()) {
            max = Math.max(max, v);
        }
        List<String> topDown = new ArrayList<>(data.names());
        Collections.reverse(topDown);
        List<double[]> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y = n - 1 - i;
            bars.add(new double[] {0, data.importances()[i], y - 0.32, y + 0.32});
        }
        Charts.rectangles(chart, "importance", bars, Palette.COMPLETE);
        double room = max > 0 ? max * 1.2 : 1;
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(room);
        for (int i = 0; i < n; i++) {
            double v = data.importances()[i];
            String label = v < 0.01 ? "<0.01" : String.format(Locale.ROOT, "%.2f", v);
            chart.addAnnotation(new AnnotationText(label, v + room * 0.045, n - 1 - i, false));
        }
        Charts.nameYTicks(chart, topDown);
        return Charts.finish(chart);
    }
}
