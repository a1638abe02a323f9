package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * Parallel coordinates: a vertical axis for the objective and for each parameter, and one line per
 * completed trial through its values, colored by its objective (dark is best). Each axis is labeled with
 * its range (or its choices); log-scaled parameters are spaced in log space. Good regions show as bundles
 * of dark lines.
 */
public final class ParallelCoordinatePlot {

    static final String TITLE = "Parallel coordinates";
    private static final int CLASSES = 5;

    private ParallelCoordinatePlot() {
    }

    /** All parameters every completed trial has, with default options. */
    public static XYChart chart(Study study) {
        return chart(study, PlotOptions.defaults());
    }

    /** The options' parameters (default: those every completed trial has). */
    public static XYChart chart(Study study, PlotOptions options) {
        return chart(study.trials(), study.directions(), options);
    }

    /** Parallel coordinates of a list of trials. */
    public static XYChart chart(List<FrozenTrial> trials, List<Direction> directions, PlotOptions options) {
        Target target = Target.of(directions, options);
        ParallelData data = ParallelData.of(trials, target, options.params());
        List<String> names = new ArrayList<>();
        names.add(target.name());
        data.axes().forEach(a -> names.add(a.name() + (a.isLog() ? " (log)" : "")));
        XYChart chart = Charts.xy(options.titleOr(TITLE), "", "", options.width(), options.height());
        if (data.isEmpty()) {
            boolean anyComplete = trials.stream().anyMatch(t -> t.state() == org.tunebook.TrialState.COMPLETE);
            return Charts.note(chart, anyComplete ? "No completed trial has all the parameters " + options.params()
                    : Notes.noCompleted(trials));
        }
        drawAxes(chart, names.size());
        drawLines(chart, data, target);
        labelAxes(chart, data, (names.size() - 0.5) / Math.max(100, options.width() - 280.0));
        Charts.nameXTicks(chart, names);
        chart.getStyler().setXAxisMin(-0.25).setXAxisMax(names.size() - 0.75);
        chart.getStyler().setYAxisMin(-0.1).setYAxisMax(1.1);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        return Charts.finish(chart);
    }

    private static void drawAxes(XYChart chart, int count) {
        double[] x = new double[count * 3 - 1];
        double[] y = new double[count * 3 - 1];
        for (int a = 0; a < count; a++) {
            int k = a * 3;
            x[k] = a;
            y[k] = 0;
            x[k + 1] = a;
            y[k + 1] = 1;
            if (k + 2 < x.length) {
                x[k + 2] = Double.NaN;
                y[k + 2] = Double.NaN;
            }
        }
        Charts.line(chart, "axes", x, y, Palette.AXIS, 1.5f).setShowInLegend(false);
    }

    /** One series per objective class, best class drawn last (on top). */
    private static void drawLines(XYChart chart, ParallelData data, Target target) {
        Bins bins = Bins.over(data.targets(), Math.min(CLASSES, data.targets().length));
        List<List<Integer>> classes = bins.split(data.targets());
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < bins.count(); b++) {
            order.add(target.direction() == Direction.MINIMIZE ? bins.count() - 1 - b : b);
        }
        int axes = data.axes().size() + 1;
        for (int b : order) {
            List<Integer> members = classes.get(b);
            if (members.isEmpty()) {
                continue;
            }
            double[] x = new double[members.size() * (axes + 1) - 1];
            double[] y = new double[x.length];
            int k = 0;
            for (int m = 0; m < members.size(); m++) {
                if (m > 0) {
                    x[k] = Double.NaN;
                    y[k++] = Double.NaN;
                }
                double[] p = data.positions()[members.get(m)];
                for (int a = 0; a < axes; a++) {
                    x[k] = a;
                    y[k++] = p[a];
                }
            }
            double goodness = bins.count() == 1 ? 0 : (double) b / (bins.count() - 1);
            double shade = target.direction() == Direction.MINIMIZE ? goodness : 1 - goodness;
            XYSeries s = chart.addSeries(target.name() + " " + bins.label(b), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.transparent(Palette.scale(shade * 0.9), 190));
            s.setLineWidth(1.4f);
        }
    }

    /** Each axis' range (or choices) written next to it. */
    private static void labelAxes(XYChart chart, ParallelData data, double unitsPerPixel) {
        chart.addAnnotation(new AnnotationText(Numbers.format(data.targetLow()), 0, -0.05, false));
        chart.addAnnotation(new AnnotationText(Numbers.format(data.targetHigh()), 0, 1.05, false));
        for (int a = 0; a < data.axes().size(); a++) {
            ParamAxis axis = data.axes().get(a);
            double x = a + 1;
            if (axis.isCategorical()) {
                List<String> choices = axis.choices();
                for (int c = 0; c < choices.size(); c++) {
                    String label = choices.get(c);
                    double offset = (12 + 3.6 * label.length()) * unitsPerPixel;
                    chart.addAnnotation(new AnnotationText(label, x + offset, axis.normalize(c), false));
                }
            } else {
                chart.addAnnotation(new AnnotationText(axis.label(axis.low()), x, -0.05, false));
                chart.addAnnotation(new AnnotationText(axis.label(axis.high()), x, 1.05, false));
            }
        }
    }
}
