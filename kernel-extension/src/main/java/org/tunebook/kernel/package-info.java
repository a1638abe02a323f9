/**
 * tunebook's Jupyter kernel and its glue for other kernels.
 *
 * <p>{@link org.tunebook.kernel.KernelMain} starts the kernel: Java cells run by a JShell in the kernel's own JVM on a
 * worker thread (an interrupt request interrupts it, or the notebook's background runs while no cell runs), with the
 * magics {@code %tune}/{@code %%tune} (the {@code org.tunebook.magics} language), {@code %maven}, {@code %jars} and
 * {@code %classpath}; tunebook's results and charts are shown as HTML tables and PNG images, and live progress
 * displays are published on the IOPub socket by the kernel itself, so that they update while no cell runs.
 *
 * <p>The same jar serves kernels of others: {@link org.tunebook.kernel.TunebookExtension} is a JJava extension,
 * found through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, and
 * {@link org.tunebook.kernel.TuneBridge} connects the magics to any kernel that can evaluate a name and show a MIME
 * bundle, such as IJava:
 *
 * <pre>{@code
 * TuneBridge tune = new TuneBridge(kernel::evalRaw, (bundle, id) -> show(bundle, id), (bundle, id) -> update(bundle, id));
 * tune.line(List.of("plot", "history", "rf"));
 * }</pre>
 */
package org.tunebook.kernel;
