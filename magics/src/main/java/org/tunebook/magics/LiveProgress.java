package org.tunebook.magics;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tunebook.Progress;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Keeps one updatable display showing a run's progress: refreshed on a timer while the run goes on (so the
 * elapsed time moves even while a long trial runs), replaced by a summary when it ends.
 */
final class LiveProgress {

    private final Study study;
    private final Supplier<Progress> source;
    private final DisplayHandle handle;
    private final boolean background;
    private volatile boolean stopRequested;
    private volatile boolean interrupted;
    private ScheduledFuture<?> ticking;
    private boolean finished;
    private Output last;

    LiveProgress(Study study, Supplier<Progress> source, Display display, boolean background) {
        this.study = study;
        this.source = source;
        this.background = background;
        this.last = ProgressView.running(study.name(), source.get(), background);
        this.handle = display.showUpdatable(last);
    }

    /** Refreshes the display every {@code every} on {@code timer} until the run ends. */
    synchronized void startTicking(ScheduledExecutorService timer, Duration every) {
        if (!finished) {
            long nanos = every.toNanos();
            ticking = timer.scheduleWithFixedDelay(this::refresh, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Shows the current progress, if it changed. */
    synchronized void refresh() {
        if (finished) {
            return;
        }
        Progress p = source.get();
        show(ProgressView.running(study.name(), p, background));
    }

    /** Notes that the user asked the run to stop, so that the summary says "stopped". */
    void markStopped() {
        stopRequested = true;
    }

    /** Notes that the run was interrupted (a kernel interrupt), so that the summary says so. */
    void markInterrupted() {
        interrupted = true;
    }

    /** Replaces the display with the run's summary; later refreshes do nothing. */
    synchronized void finish(Progress end, Throwable failure) {
        if (finished) {
            return;
        }
        finished = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        String outcome;
        if (failure != null) {
            outcome = "stopped by an error (" + Errors.describe(failure) + ")";
        } else if (interrupted) {
            outcome = "interrupted";
        } else if (stopRequested) {
            outcome = "stopped";
        } else {
            outcome = "done";
        }
        show(ProgressView.finished(study.name(), end, outcome, bestParams()));
    }

    private String bestParams() {
        try {
            return describeBest();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String describeBest() {
        if (study.isMultiObjective()) {
            int front = study.bestTrials().size();
            return front == 0 ? "" : Format.count(front, "trial") + " on the Pareto front";
        }
        if (study.trials(TrialState.COMPLETE).isEmpty()) {
            return "";
        }
        return Format.params(study.bestParams());
    }

    private void show(Output output) {
        if (!output.equals(last)) {
            last = output;
            handle.update(output);
        }
    }

    /** What the display shows now. */
    synchronized Output current() {
        return last;
    }

    synchronized boolean isFinished() {
        return finished;
    }
}
