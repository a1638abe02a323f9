package org.tunebook.plots;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;

/**
 * Every plot by kind, in one call: the entry point for the CLI, the notebook magics and quick looks.
 *
 * <pre>{@code
 * Plots.render(PlotKind.HISTORY, study, Path.of("history.png"));
 * Plots.render("contour", study, Path.of("contour.svg"));
 * byte[] png = Plots.png(PlotKind.IMPORTANCE, study);
 * }</pre>
 *
 * <p>Kinds with several panels (contour and rank per pair of parameters, slice per parameter, Pareto
 * front per pair of objectives) are laid out in a grid of up to three columns, each panel a little smaller
 * than a single chart unless the options set a size; a lone panel keeps the full size.
 */
public final class Plots {

    /** The size of one panel of a grid when the options keep the default size. */
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 400;
    static final int MAX_COLUMNS = 3;

    private Plots() {
    }

    /**
     * The charts of a kind of plot: one for most kinds, one per panel for the others. A kind of several panels
     * that has only one here (a single pair of parameters, a single parameter) draws it at the size of a chart.
     */
    public static List<XYChart> charts(PlotKind kind, Study study, PlotOptions options) {
        boolean grid = switch (kind) {
            case CONTOUR, SLICE, RANK -> true;
            case PARETO -> study.directions().size() > 2;
            default -> false;
        };
        if (!grid) {
            return draw(kind, study, options);
        }
        List<XYChart> charts = draw(kind, study, panels(options));
        if (charts.size() == 1 && charts.get(0).getWidth() != options.width()) {
            charts = draw(kind, study, options);
        }
        return charts;
    }

    private static List<XYChart> draw(PlotKind kind, Study study, PlotOptions options) {
        return switch (kind) {
            case HISTORY -> List.of(OptimizationHistoryPlot.chart(study, options));
            case IMPORTANCE -> List.of(ParamImportancesPlot.chart(study, options));
            case CONTOUR -> ContourPlot.charts(study, options);
            case PARALLEL -> List.of(ParallelCoordinatePlot.chart(study, options));
            case SLICE -> SlicePlot.charts(study, options);
            case EDF -> List.of(EdfPlot.chart(List.of(study), options));
            case INTERMEDIATE -> List.of(IntermediateValuesPlot.chart(study, options));
            case PARETO -> ParetoFrontPlot.charts(study, options);
            case TIMELINE -> List.of(TimelinePlot.chart(study, options));
            case RANK -> RankPlot.charts(study, options);
        };
    }

    /** Panels share a grid: the default size shrinks so that three fit side by side. */
    private static PlotOptions panels(PlotOptions options) {
        if (options.width() == PlotOptions.WIDTH && options.height() == PlotOptions.HEIGHT) {
            return options.size(PANEL_WIDTH, PANEL_HEIGHT);
        }
        return options;
    }

    /** The plot as one PNG image. */
    public static byte[] png(PlotKind kind, Study study) {
        return png(kind, study, PlotOptions.defaults());
    }

    /** The plot as one PNG image. */
    public static byte[] png(PlotKind kind, Study study, PlotOptions options) {
        List<XYChart> charts = fit(kind, study, options);
        return Renderer.png(charts, columns(charts));
    }

    /** The plot as one SVG document. */
    public static byte[] svg(PlotKind kind, Study study, PlotOptions options) {
        List<XYChart> charts = fit(kind, study, options);
        return Renderer.svg(charts, columns(charts));
    }

    /**
     * Writes the plot to {@code out}: SVG if the name ends in {@code .svg}, else PNG.
     *
     * @return the file written
     */
    public static Path render(PlotKind kind, Study study, Path out) {
        return render(kind, study, PlotOptions.defaults(), out);
    }

    /** Writes the plot by its name ({@code history}, {@code contour}, …; see {@link PlotKind#parse}). */
    public static Path render(String kind, Study study, Path out) {
        return render(PlotKind.parse(kind), study, PlotOptions.defaults(), out);
    }

    /** Writes the plot with options. */
    public static Path render(PlotKind kind, Study study, PlotOptions options, Path out) {
        List<XYChart> charts = fit(kind, study, options);
        return Renderer.write(charts, columns(charts), out);
    }

    private static List<XYChart> fit(PlotKind kind, Study study, PlotOptions options) {
        if (kind == null || study == null || options == null) {
            throw new IllegalArgumentException("a plot needs a kind, a study and options");
        }
        return charts(kind, study, options);
    }

    static int columns(List<XYChart> charts) {
        return Math.min(MAX_COLUMNS, charts.size());
    }
}
