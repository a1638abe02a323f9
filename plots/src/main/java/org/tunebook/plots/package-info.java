/**
 * Plots of studies, drawn with XChart: every chart of Optuna's visualization module, as
 * {@link org.knowm.xchart.XYChart} objects with readable defaults, and a {@link org.tunebook.plots.Renderer}
 * to PNG or SVG bytes or files that works without a display.
 *
 * <p>One class per kind of plot, each a function of a study (or a list of trials) and
 * {@link org.tunebook.plots.PlotOptions}: {@link org.tunebook.plots.OptimizationHistoryPlot},
 * {@link org.tunebook.plots.ParamImportancesPlot}, {@link org.tunebook.plots.ContourPlot},
 * {@link org.tunebook.plots.ParallelCoordinatePlot}, {@link org.tunebook.plots.SlicePlot},
 * {@link org.tunebook.plots.EdfPlot}, {@link org.tunebook.plots.IntermediateValuesPlot},
 * {@link org.tunebook.plots.ParetoFrontPlot}, {@link org.tunebook.plots.TimelinePlot} and
 * {@link org.tunebook.plots.RankPlot}. The data behind each chart is computed by a package-private data class,
 * apart from the drawing. {@link org.tunebook.plots.Plots} draws any kind by name in one call.
 *
 * <pre>{@code
 * Study study = Tune.load("rf", "sqlite:rf.db");
 * XYChart history = OptimizationHistoryPlot.chart(study);          // show it in a notebook
 * Renderer.write(history, Path.of("history.svg"));
 * Plots.render(PlotKind.CONTOUR, study, Path.of("contour.png"));  // every pair of parameters
 * }</pre>
 *
 * <p>Plots never throw for a study that has nothing to show yet (no trials, only failed ones, one trial, a
 * parameter in no trial): they return a chart with the title and axes and a note saying why it is empty.
 */
package org.tunebook.plots;
