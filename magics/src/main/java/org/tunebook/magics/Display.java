package org.tunebook.magics;

/**
 * Where the magics put their output: a notebook cell's output area in the kernel, a list in tests. Calls may
 * come from background threads (a run's live progress), so implementations must be thread-safe.
 */
public interface Display {

    /** Shows an output once. */
    void show(Output output);

    /** Shows an output that can be replaced later through the returned handle (live progress). */
    DisplayHandle showUpdatable(Output output);
}
