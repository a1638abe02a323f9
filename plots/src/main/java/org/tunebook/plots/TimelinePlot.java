package org.tunebook.plots;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * When each trial ran, as a horizontal bar from its start to its end, one row per trial and one color per
 * state: shows parallel workers, slow trials, failures and how early pruning stops trials.
 */
public final class TimelinePlot {

    static final String TITLE = "Timeline";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimelinePlot() {
    }

    /** The timeline of a study with default options. */
    public static XYChart chart(Study study) {
        return chart(study.trials(), PlotOptions.defaults());
    }

    /** The timeline of a study. */
    public static XYChart chart(Study study, PlotOptions options) {
        return chart(study.trials(), options);
    }

    /** The timeline of a list of trials; running trials end now. */
    public static XYChart chart(List<FrozenTrial> trials, PlotOptions options) {
        TimelineData data = TimelineData.of(trials, Instant.now());
        String title = data.isEmpty() ? TITLE : TITLE + " (from " + STAMP.format(data.origin()) + ")";
        XYChart chart = Charts.xy(options.titleOr(title), "Seconds since the first trial started", "Trial",
                options.width(), options.height());
        if (data.isEmpty()) {
            return Charts.note(chart, trials.isEmpty() ? Notes.noCompleted(trials) : "No trial has started yet");
        }
        double span = data.span();
        double minimum = span > 0 ? span * 0.003 : 0.001;
        for (TrialState state : TrialState.values()) {
            List<double[]> boxes = new ArrayList<>();
            for (TimelineData.Bar bar : data.bars()) {
                if (bar.state() == state) {
                    double end = Math.max(bar.end(), bar.start() + minimum);
                    boxes.add(new double[] {bar.start(), end, bar.number() - 0.4, bar.number() + 0.4});
                }
            }
            if (!boxes.isEmpty()) {
                String name = state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT)
                        + " (" + boxes.size() + ")";
                Charts.rectangles(chart, name, boxes, Palette.of(state));
            }
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(data.bars().stream().mapToInt(TimelineData.Bar::number).max().orElse(0) + 0.5);
        chart.getStyler().setYAxisDecimalPattern("#");
        return Charts.finish(chart);
    }
}
