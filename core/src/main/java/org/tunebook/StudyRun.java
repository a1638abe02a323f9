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

    /** Whether every worker has finished. */
    boolean isDone();

    /**
     * Waits for the run to end and returns its final progress. If an exception stopped the run, it is
     * rethrown (checked ones wrapped in {@link ObjectiveException}).
     */
    Progress await() throws InterruptedException;

    /** Waits at most {@code timeout}; returns whether the run has ended. */
    boolean await(Duration timeout) throws InterruptedException;

    /** The exception that stopped the run, if one did. */
    Optional<Throwable> failure();

    /**
     * Adds a listener, called on worker threads after each trial and once when the run ends (at once, if it
     * has already ended).
     */
    void addListener(RunListener listener);
}
