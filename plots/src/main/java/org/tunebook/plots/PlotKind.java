package org.tunebook.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of plot, by the short names that the CLI and the notebook magics use. */
public enum PlotKind {
    /** {@link OptimizationHistoryPlot}. */
    HISTORY("history", "optimization_history"),
    /** {@link ParamImportancesPlot}. */
    IMPORTANCE("importance", "importances", "param_importances"),
    /** {@link ContourPlot}, one panel per pair of parameters. */
    CONTOUR("contour"),
    /** {@link ParallelCoordinatePlot}. */
    PARALLEL("parallel", "parallel_coordinate", "parallel_coordinates"),
    /** {@link SlicePlot}, one panel per parameter. */
    SLICE("slice"),
    /** {@link EdfPlot}. */
    EDF("edf"),
    /** {@link IntermediateValuesPlot}. */
    INTERMEDIATE("intermediate", "intermediate_values"),
    /** {@link ParetoFrontPlot}, one panel per pair of objectives. */
    PARETO("pareto", "pareto_front"),
    /** {@link TimelinePlot}. */
    TIMELINE("timeline"),
    /** {@link RankPlot}, one panel per pair of parameters. */
    RANK("rank");

    private final List<String> names;

    PlotKind(String... names) {
        this.names = List.of(names);
    }

    /** The short name, e.g. {@code history}. */
    public String shortName() {
        return names.get(0);
    }

    /**
     * The kind named {@code name}: a short name ({@code history}), Optuna's function name without
     * {@code plot_} ({@code optimization_history}), in any case, with {@code -} or {@code _}.
     *
     * @throws IllegalArgumentException naming the known kinds
     */
    public static PlotKind parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.startsWith("plot_")) {
            key = key.substring(5);
        }
        for (PlotKind kind : values()) {
            if (kind.names.contains(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown plot '" + name + "'; the plots are "
                + String.join(", ", Arrays.stream(values()).map(PlotKind::shortName).toList()));
    }
}
