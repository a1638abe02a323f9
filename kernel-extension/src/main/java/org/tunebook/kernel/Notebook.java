package org.tunebook.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Helpers that notebook code calls; the kernel's startup snippet defines {@code display(Object)} with
 * {@link #display(Object)}, so that a cell can show several results, not just its last value.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows a value in the running cell, as rich output (tables, charts, live progress for runs) when it can. */
    public static void display(Object value) {
        if (BaseKernel.notebookKernel() instanceof TunebookKernel kernel) {
            kernel.displayValue(value);
        } else {
            BaseKernel.notebookKernel().display(BaseKernel.notebookKernel().getRenderer().render(value));
        }
    }
}
