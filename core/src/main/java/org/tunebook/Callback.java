package org.tunebook;

/**
 * Called on the worker thread after each trial of a run has finished and been stored. A callback may
 * call {@link Study#stop()}; an exception it throws stops the run and is rethrown to the caller.
 */
@FunctionalInterface
public interface Callback {

    /** Reacts to a finished trial. */
    void afterTrial(Study study, FrozenTrial trial);
}
