package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * Parameter relations colored by rank: completed trials placed by two parameters, each colored by where its
 * objective ranks among all trials (the best fifth darkest). Unlike a contour it shows only what was
 * measured, and ranks make the coloring robust to outlying values. With one parameter, the objective is on
 * the y axis.
 */
public final class RankPlot {

    static final String TITLE = "Rank";
    private static final String[] QUINTILES = {"best 20%", "20–40%", "40–60%", "60–80%", "worst 20%"};

    private RankPlot() {
    }

    /** Two parameters with default options. */
    public static XYChart chart(Study study, String xParam, String yParam) {
        return chart(study.trials(), study.directions(), xParam, yParam, PlotOptions.defaults());
    }

    /** One chart per pair of parameters (the options' or all), or parameter against objective if only one. */
    public static List<XYChart> charts(Study study, PlotOptions options) {
        List<FrozenTrial> trials = study.trials();
        List<String> params = options.params().isEmpty() ? SlicePlot.allParams(trials) : options.params();
        if (params.isEmpty()) {
            XYChart chart = Charts.xy(options.titleOr(TITLE), "", "", options.width(), options.height());
            return List.of(Charts.note(chart, trials.isEmpty() ? Notes.noCompleted(trials)
                    : "The trials have no parameters"));
        }
        if (params.size() == 1) {
            return List.of(chart(trials, study.directions(), params.get(0), null, options));
        }
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            for (int j = i + 1; j < params.size(); j++) {
                charts.add(chart(trials, study.directions(), params.get(i), params.get(j), options));
            }
        }
        return charts;
    }

    /** Two parameters ({@code yParam} null: the objective) over a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, String xParam, String yParam,
            PlotOptions options) {
        Target target = Target.of(directions, options);
        XYChart chart = Charts.xy(options.titleOr(TITLE + " of " + target.name()), xParam,
                yParam == null ? target.name() : yParam, options.width(), options.height());
        RankData data = RankData.of(trials, xParam, yParam, target);
        if (data.isEmpty()) {
            return Charts.note(chart, "No completed trial has " + (yParam == null ? "'" + xParam + "'"
                    : "both '" + xParam + "' and '" + yParam + "'"));
        }
        data.x().applyTo(chart, true);
        if (data.y() != null) {
            data.y().applyTo(chart, false);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int q = 0; q < QUINTILES.length; q++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < data.ranks().length; i++) {
            groups.get(Math.min(QUINTILES.length - 1, (int) (data.ranks()[i] * QUINTILES.length))).add(i);
        }
        for (int q = 0; q < QUINTILES.length; q++) {
            List<Integer> members = groups.get(q);
            if (members.isEmpty()) {
                continue;
            }
            double[] x = members.stream().mapToDouble(i -> data.xs()[i]).toArray();
            double[] y = members.stream().mapToDouble(i -> data.ys()[i]).toArray();
            Charts.scatter(chart, QUINTILES[q], x, y, SeriesMarkers.CIRCLE,
                    Palette.transparent(Palette.scale(0.05 + 0.9 * q / (QUINTILES.length - 1)), 220));
        }
        return Charts.finish(chart);
    }
}
