package org.tunebook.magics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;
import org.tunebook.plots.PlotKind;
import org.tunebook.plots.PlotOptions;
import org.tunebook.plots.Plots;
import org.tunebook.plots.Renderer;

/**
 * The {@link Plotter} that draws every plot kind with the {@code plots} module, as a PNG sized for a notebook
 * cell: one chart at 800 x 500 pixels, or panels (contour, slice, rank, Pareto pairs) at 440 x 330 in two
 * columns, so that text stays readable without scrolling sideways. {@code --width} and {@code --height} set the
 * size of one chart or panel.
 *
 * <p>A study with a run going is drawn as it is now: each chart reads the trials once, when it is drawn.
 */
final class ChartPlotter implements Plotter {

    static final int PANEL_WIDTH = 440;
    static final int PANEL_HEIGHT = 330;
    static final int COLUMNS = 2;

    @Override
    public Set<String> kinds() {
        return Set.copyOf(PlotCommand.KINDS);
    }

    @Override
    public Output plot(PlotRequest request) {
        PlotKind kind = PlotKind.parse(request.kind());
        Study study = request.study();
        Map<String, String> given = request.options();
        PlotOptions options = PlotOptions.defaults();
        if (!request.params().isEmpty()) {
            options = options.params(request.params().toArray(String[]::new));
        }
        if (given.containsKey("objective")) {
            options = options.objective(number(given, "objective", 0));
        }
        if (given.containsKey("title")) {
            options = options.title(given.get("title"));
        }
        boolean sized = given.containsKey("width") || given.containsKey("height");
        if (sized) {
            options = options.size(number(given, "width", PlotOptions.WIDTH), number(given, "height", PlotOptions.HEIGHT));
        }
        List<XYChart> charts = Plots.charts(kind, study, sized ? options : options.size(PANEL_WIDTH, PANEL_HEIGHT));
        if (charts.size() == 1 && !sized) {
            // a single chart gets the full default size; only grids of panels are drawn smaller
            charts = Plots.charts(kind, study, options);
        }
        int columns = Math.min(COLUMNS, charts.size());
        byte[] png = Renderer.png(charts, columns);
        return Output.png(png, describe(charts, columns));
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + text + "'");
        }
    }

    /** The plain-text form: the chart's title and the image's size, for front ends without images. */
    private static String describe(List<XYChart> charts, int columns) {
        XYChart first = charts.get(0);
        int rows = (charts.size() + columns - 1) / columns;
        int width = charts.stream().mapToInt(XYChart::getWidth).max().orElse(0) * columns;
        int height = charts.stream().mapToInt(XYChart::getHeight).max().orElse(0) * rows;
        String panels = charts.size() == 1 ? "" : ", " + charts.size() + " panels";
        return first.getTitle() + " (" + width + " x " + height + " PNG" + panels + ")";
    }
}
