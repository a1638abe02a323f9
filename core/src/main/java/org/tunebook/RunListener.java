package org.tunebook;

/** Follows a {@link StudyRun}; called on worker threads, so implementations must be thread-safe and quick. */
public interface RunListener {

    /** A trial has finished and been stored. */
    default void trialFinished(FrozenTrial trial, Progress progress) {
    }

    /** The run has ended (all workers are done). */
    default void runFinished(Progress progress) {
    }
}
