/**
 * The {@code %tune} magic language, parsed and carried out without any kernel.
 *
 * <p>A kernel makes one {@link org.tunebook.magics.TuneMagics} per notebook, gives it the notebook's
 * {@link org.tunebook.magics.Variables} (so that {@code --objective f} finds the objective defined in a cell)
 * and a {@link org.tunebook.magics.Plotter} ({@link org.tunebook.magics.Plotter#charts()} draws PNG images; it is
 * the default), and hands it each {@code %tune} line and {@code %%tune} cell
 * together with a {@link org.tunebook.magics.Display} for the cell's output. Output is an
 * {@link org.tunebook.magics.Output}: plain text, plus HTML or a PNG image. Background runs keep a
 * {@link org.tunebook.magics.DisplayHandle} and update it from their own threads until they end.
 *
 * <pre>{@code
 * Map<String, Object> vars = new HashMap<>();
 * vars.put("f", (Objective) trial -> Math.pow(trial.suggestFloat("x", -10, 10) - 2, 2));
 * try (TuneMagics magics = new TuneMagics(Variables.of(vars))) {
 *     Display display = ...;                       // the kernel's, or a list in a test
 *     magics.line("new demo --direction min --seed 42", display);
 *     magics.cell("space s", "x: float -10..10", display);
 *     magics.line("run demo --objective f --trials 50", display);
 *     magics.line("best demo", display);
 * }
 * }</pre>
 *
 * <p>Mistakes in a line (unknown command or option, bad value, unknown variable or study) throw a
 * {@link org.tunebook.magics.MagicException} whose message is meant for the user as it is, usually with the
 * command's usage line; no stack trace is needed to understand it. {@code %tune help} lists the commands.
 *
 * <p>{@link org.tunebook.magics.Renderings} gives tunebook's result objects (studies, trials tables, runs) and
 * XChart charts their rich forms, for kernels that display the value of a cell.
 * {@link org.tunebook.magics.TuneMagics#interruptBackgroundRuns()} is what a kernel calls for an interrupt request
 * that comes while no cell runs.
 */
package org.tunebook.magics;
