package org.tunebook.magics;

import org.tunebook.StudyRun;

/** A run started with {@code %tune run … --background}, and the live display that follows it. */
final class BackgroundRun {

    private final StudyRun run;
    private final LiveProgress live;

    BackgroundRun(StudyRun run, LiveProgress live) {
        this.run = run;
        this.live = live;
    }

    StudyRun run() {
        return run;
    }

    LiveProgress live() {
        return live;
    }

    boolean isDone() {
        return run.isDone();
    }

    /** Asks the run to stop; running trials finish, the display ends with a summary saying it was stopped. */
    void stop() {
        live.markStopped();
        run.stop();
    }

    /**
     * Stops the run at once ({@link StudyRun#interrupt()}): running trials are interrupted and end as failed (or
     * pruned); the display ends with a summary saying it was interrupted.
     */
    void interrupt() {
        live.markInterrupted();
        run.interrupt();
    }

    /** The study's name. */
    String studyName() {
        return run.study().name();
    }
}
