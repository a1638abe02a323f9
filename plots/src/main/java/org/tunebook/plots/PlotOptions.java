package org.tunebook.plots;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tunebook.FrozenTrial;
import org.tunebook.importance.FanovaEvaluator;
import org.tunebook.importance.ImportanceEvaluator;

/**
 * Settings shared by the plots; every setting has a readable default, so {@code PlotOptions.defaults()} is
 * enough. Immutable: each {@code with…} method returns a changed copy.
 *
 * <pre>{@code
 * PlotOptions options = PlotOptions.defaults().size(1000, 600).params("lr", "layers").objective(1);
 * XYChart chart = SlicePlot.chart(study, "lr", options);
 * }</pre>
 */
public final class PlotOptions {

    /** The default chart width in pixels, a good fit for a notebook cell. */
    public static final int WIDTH = 800;
    /** The default chart height in pixels. */
    public static final int HEIGHT = 500;

    private final int width;
    private final int height;
    private final String title;
    private final List<String> params;
    private final int objective;
    private final ToDoubleFunction<FrozenTrial> target;
    private final String targetName;
    private final ImportanceEvaluator evaluator;

    private PlotOptions(int width, int height, String title, List<String> params, int objective,
            ToDoubleFunction<FrozenTrial> target, String targetName, ImportanceEvaluator evaluator) {
        this.width = width;
        this.height = height;
        this.title = title;
        this.params = params;
        this.objective = objective;
        this.target = target;
        this.targetName = targetName;
        this.evaluator = evaluator;
    }

    /** 800 x 500 pixels, the plot's own title, every parameter, the first objective, fANOVA importance. */
    public static PlotOptions defaults() {
        return new PlotOptions(WIDTH, HEIGHT, null, List.of(), 0, null, null, new FanovaEvaluator());
    }

    /**
     * The chart's size in pixels.
     *
     * @throws IllegalArgumentException if a side is below 100 or above 10000 pixels
     */
    public PlotOptions size(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("a chart must be 100 to 10000 pixels on each side, got "
                    + width + " x " + height);
        }
        return new PlotOptions(width, height, title, params, objective, target, targetName, evaluator);
    }

    /** A title replacing the plot's own. */
    public PlotOptions title(String title) {
        return new PlotOptions(width, height, title, params, objective, target, targetName, evaluator);
    }

    /** The parameters to show, in this order (default: all of the study's, by name). */
    public PlotOptions params(String... params) {
        return new PlotOptions(width, height, title, List.of(params), objective, target, targetName, evaluator);
    }

    /**
     * Which objective of a multi-objective study to show (from 0; default 0). Plots of several objectives at
     * once (history, Pareto front) ignore it.
     *
     * @throws IllegalArgumentException if negative
     */
    public PlotOptions objective(int objective) {
        if (objective < 0) {
            throw new IllegalArgumentException("objectives are numbered from 0, got " + objective);
        }
        return new PlotOptions(width, height, title, params, objective, target, targetName, evaluator);
    }

    /**
     * Shows another value of each trial instead of its objective, e.g.
     * {@code target(t -> t.duration().orElseThrow().toMillis() / 1000.0, "Duration (s)")}. Lower values count as
     * better.
     */
    public PlotOptions target(ToDoubleFunction<FrozenTrial> target, String name) {
        if (target == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a target needs a function and a name for the axis");
        }
        return new PlotOptions(width, height, title, params, objective, target, name, evaluator);
    }

    /** The importance algorithm of the importance plot (default fANOVA with its default seed). */
    public PlotOptions evaluator(ImportanceEvaluator evaluator) {
        if (evaluator == null) {
            throw new IllegalArgumentException("the importance plot needs an evaluator");
        }
        return new PlotOptions(width, height, title, params, objective, target, targetName, evaluator);
    }

    /** Chart width in pixels. */
    public int width() {
        return width;
    }

    /** Chart height in pixels. */
    public int height() {
        return height;
    }

    /** The title to use instead of {@code fallback}, the plot's own. */
    String titleOr(String fallback) {
        return title == null ? fallback : title;
    }

    List<String> params() {
        return params;
    }

    int objective() {
        return objective;
    }

    ToDoubleFunction<FrozenTrial> customTarget() {
        return target;
    }

    String targetName() {
        return targetName;
    }

    ImportanceEvaluator evaluator() {
        return evaluator;
    }
}
