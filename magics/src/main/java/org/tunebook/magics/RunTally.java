package org.tunebook.magics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tunebook.Callback;
import org.tunebook.FrozenTrial;
import org.tunebook.Progress;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Counts the trials of a run on the calling thread ({@link Study#optimize}, which an interrupt can stop) as a
 * callback, and describes them as a {@link Progress} like a background run's.
 */
final class RunTally implements Callback {

    private final Run run;
    private final long startNanos = System.nanoTime();
    private int complete;
    private int pruned;
    private int failed;
    private double best = Double.NaN;
    private int bestTrial = -1;
    private long endNanos = -1;

    RunTally(Run run) {
        this.run = run;
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        switch (trial.state()) {
            case COMPLETE -> complete++;
            case PRUNED -> pruned++;
            default -> failed++;
        }
        if (trial.state() == TrialState.COMPLETE && !study.isMultiObjective()
                && (bestTrial < 0 || study.direction().isBetter(trial.value(), best))) {
            best = trial.value();
            bestTrial = trial.number();
        }
    }

    /** Marks the run as ended, fixing the elapsed time. */
    synchronized void end() {
        endNanos = System.nanoTime();
    }

    synchronized Progress progress() {
        boolean done = endNanos >= 0;
        Duration elapsed = Duration.ofNanos((done ? endNanos : System.nanoTime()) - startNanos);
        int finished = complete + pruned + failed;
        return new Progress(complete, pruned, failed, 0, run.trials(),
                bestTrial < 0 ? OptionalDouble.empty() : OptionalDouble.of(best), bestTrial, elapsed,
                remaining(finished, elapsed), done);
    }

    private Optional<Duration> remaining(int finished, Duration elapsed) {
        Duration byTimeout = run.timeout() == null ? null : run.timeout().minus(elapsed);
        Duration byTrials = null;
        if (run.trials() >= 0 && finished > 0) {
            byTrials = elapsed.dividedBy(finished).multipliedBy(Math.max(0, run.trials() - finished));
        }
        Duration estimate = byTimeout == null ? byTrials
                : byTrials == null || byTimeout.compareTo(byTrials) < 0 ? byTimeout : byTrials;
        return Optional.ofNullable(estimate).map(d -> d.isNegative() ? Duration.ZERO : d);
    }
}
