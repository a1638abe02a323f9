package org.tunebook;

import java.time.Duration;
import java.util.Optional;

/**
 * A run of a study in background threads, as returned by {@link Study#optimizeAsync}. Notebooks poll
 * {@link #progress()} or listen for each finished trial.
 */
public interface StudyRun {

    /** The study being run. */
    Study study();

    /** A snapshot of the run's progress. */
    Progress progress();

    /** Starts no further trials; running ones finish normally. */
    void stop();

    /**
     * Stops the run at once: starts no further trials and interrupts the threads of the running ones, as
     * {@link Run#interruptAtTimeout()} does when a run's time is up. A running trial notices the interrupt when
     * it waits or sleeps (an {@link InterruptedException}), or at its next {@link Trial#report report} or
     * {@link Trial#shouldPrune shouldPrune}; it then ends as {@link TrialState#FAIL} with the fail reason
     * {@code "interrupted: the run was interrupted"}, or as {@link TrialState#PRUNED} if the objective turns the
     * interrupt into a {@link TrialPrunedException}. A trial that never checks finishes normally. The run has
     * ended when {@link #await()} returns; calling this again, or after the end, does nothing more.
     *
     * <p>Use {@link #stop()} instead to let running trials finish.
     */
    void interrupt();

    /**
     * Whether every worker has finished. The {@link RunListener#runFinished runFinished} listeners may still
     * be running; {@link #await()} waits for them too.
     */
    boolean isDone();

    /**
     * Waits for the run to end, that is for every worker to finish and then for the
     * {@link RunListener#runFinished runFinished} listeners to return, and returns the final progress. If an
     * exception stopped the run, it is rethrown (checked ones wrapped in {@link ObjectiveException}).
     *
     * <p>A listener may call it on the worker thread that announces the end: there it returns at once,
     * without waiting for the listeners being called.
     *
     * @throws IllegalStateException when called on a worker thread of this run before the run has ended
     *     (from an objective, a callback or a {@code trialFinished} listener), where it would wait for itself
     */
    Progress await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the run to end as {@link #await()} does; returns whether it has
     * ended (on a worker of this run that has not ended yet, false once the timeout has passed).
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** The exception that stopped the run, if one did. */
    Optional<Throwable> failure();

    /**
     * Adds a listener, called on worker threads after each trial and once when the run ends (at once, if it
     * has already ended).
     */
    void addListener(RunListener listener);
}
