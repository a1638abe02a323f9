package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * "Where is the good region?", one parameter at a time: the objective of every completed trial against the
 * parameter's value, colored from light (early trials) to dark (late ones), so a sampler closing in on a
 * region shows as dark points gathering there. Log-scaled parameters get a log axis, categorical ones a
 * tick per choice.
 */
public final class SlicePlot {

    private static final int TRIAL_CLASSES = 4;

    private SlicePlot() {
    }

    /** The slice of one parameter with default options. */
    public static XYChart chart(Study study, String param) {
        return chart(study, param, PlotOptions.defaults());
    }

    /** The slice of one parameter. */
    public static XYChart chart(Study study, String param, PlotOptions options) {
        return chart(study.trials(), study.directions(), param, options);
    }

    /** One slice per parameter (the options' parameters, or all by name). */
    public static List<XYChart> charts(Study study, PlotOptions options) {
        return charts(study.trials(), study.directions(), options);
    }

    /** One slice per parameter of a list of trials. */
    public static List<XYChart> charts(List<FrozenTrial> trials, List<Direction> directions, PlotOptions options) {
        List<String> params = options.params().isEmpty() ? allParams(trials) : options.params();
        if (params.isEmpty()) {
            return List.of(Charts.note(Charts.xy(options.titleOr("Slice plot"), "Parameter",
                    Target.of(directions, options).name(), options.width(), options.height()),
                    trials.isEmpty() ? Notes.noCompleted(trials) : "The trials have no parameters"));
        }
        List<XYChart> charts = new ArrayList<>();
        for (String param : params) {
            charts.add(chart(trials, directions, param, options));
        }
        return charts;
    }

    static List<String> allParams(List<FrozenTrial> trials) {
        TreeSet<String> names = new TreeSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        return List.copyOf(names);
    }

    /** The slice of one parameter over a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, String param,
            PlotOptions options) {
        Target target = Target.of(directions, options);
        SliceData data = SliceData.of(trials, param, target);
        XYChart chart = Charts.xy(options.titleOr(target.name() + " by " + param), param, target.name(),
                options.width(), options.height());
        if (data.isEmpty()) {
            String why = trials.stream().noneMatch(t -> t.params().containsKey(param))
                    ? "No trial has the parameter '" + param + "'"
                    : "No completed trial with the parameter '" + param + "' yet";
            return Charts.note(chart, why);
        }
        data.axis().applyTo(chart, true);
        double[] numbers = new double[data.numbers().length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = data.numbers()[i];
        }
        Bins bins = Bins.over(numbers, Math.min(TRIAL_CLASSES, numbers.length));
        List<List<Integer>> classes = bins.split(numbers);
        for (int b = 0; b < classes.size(); b++) {
            List<Integer> members = classes.get(b);
            if (members.isEmpty()) {
                continue;
            }
            double[] x = members.stream().mapToDouble(i -> data.x()[i]).toArray();
            double[] y = members.stream().mapToDouble(i -> data.y()[i]).toArray();
            int first = members.stream().mapToInt(i -> data.numbers()[i]).min().orElseThrow();
            int last = members.stream().mapToInt(i -> data.numbers()[i]).max().orElseThrow();
            String name = first == last ? "trial " + first : "trials " + first + "–" + last;
            double shade = bins.count() == 1 ? 0.3 : 0.85 - 0.85 * b / (bins.count() - 1);
            Charts.scatter(chart, name, x, y, SeriesMarkers.CIRCLE, Palette.transparent(Palette.scale(shade), 210));
        }
        return Charts.finish(chart);
    }
}
