package org.tunebook;

/** The life cycle of a trial. Only {@link #RUNNING} and {@link #WAITING} trials can still change. */
public enum TrialState {
    /** Being evaluated. */
    RUNNING,
    /** Finished with objective values. */
    COMPLETE,
    /** Stopped early by a pruner; its value is the last reported intermediate value, if any. */
    PRUNED,
    /** The objective threw, returned NaN, or the worker died; the reason is kept with the trial. */
    FAIL,
    /** Enqueued with fixed parameters and not yet started. */
    WAITING;

    /** Whether the trial has reached a final state. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
