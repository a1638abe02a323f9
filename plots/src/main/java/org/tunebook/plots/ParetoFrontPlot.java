package org.tunebook.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * The trade-off between objectives: every completed trial by two of its objective values, the Pareto
 * front in red and joined by a line. A study with three or more objectives gets one chart per pair.
 */
public final class ParetoFrontPlot {

    static final String TITLE = "Pareto front";

    private ParetoFrontPlot() {
    }

    /** The front of a two-objective study (objectives 0 and 1 of a larger one). */
    public static XYChart chart(Study study) {
        return chart(study.trials(), study.directions(), 0, 1, PlotOptions.defaults());
    }

    /** One chart per pair of objectives: one chart for two objectives, three for three. */
    public static List<XYChart> charts(Study study, PlotOptions options) {
        List<Direction> directions = study.directions();
        List<FrozenTrial> trials = study.trials();
        if (directions.size() < 2) {
            return List.of(chart(trials, directions, 0, 1, options));
        }
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < directions.size(); i++) {
            for (int j = i + 1; j < directions.size(); j++) {
                charts.add(chart(trials, directions, i, j, options));
            }
        }
        return charts;
    }

    /** Objective {@code x} against objective {@code y} over a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, int x, int y,
            PlotOptions options) {
        if (directions.size() < 2) {
            XYChart chart = Charts.xy(options.titleOr(TITLE), "Objective 0", "Objective 1", options.width(),
                    options.height());
            return Charts.note(chart, "A Pareto front needs a study with two or more objectives; this one has "
                    + directions.size());
        }
        if (x < 0 || y < 0 || x >= directions.size() || y >= directions.size() || x == y) {
            throw new IllegalArgumentException("objectives " + x + " and " + y + " are not two different objectives"
                    + " of a study with objectives 0 to " + (directions.size() - 1));
        }
        XYChart chart = Charts.xy(options.titleOr(TITLE), axisTitle(x, directions), axisTitle(y, directions),
                options.width(), options.height());
        ParetoData data = ParetoData.of(trials, directions);
        if (data.isEmpty()) {
            return Charts.note(chart, Notes.noCompleted(trials));
        }
        if (!data.dominated().isEmpty()) {
            Charts.scatter(chart, "Trial", ParetoData.objective(data.dominated(), x),
                    ParetoData.objective(data.dominated(), y), SeriesMarkers.CIRCLE,
                    Palette.transparent(Palette.COMPLETE, 140));
        }
        List<FrozenTrial> front = new ArrayList<>(data.front());
        front.sort(Comparator.comparingDouble(t -> t.values()[x]));
        Charts.scatter(chart, "Best trials (" + front.size() + ")", ParetoData.objective(front, x),
                ParetoData.objective(front, y), SeriesMarkers.DIAMOND, Palette.BEST);
        if (directions.size() == 2 && front.size() > 1) {
            Charts.line(chart, "front", ParetoData.objective(front, x), ParetoData.objective(front, y),
                    Palette.transparent(Palette.BEST, 120), 1.2f).setShowInLegend(false);
        }
        return Charts.finish(chart);
    }

    private static String axisTitle(int k, List<Direction> directions) {
        return "Objective " + k + " (" + directions.get(k).name().toLowerCase(Locale.ROOT) + ")";
    }
}
