package org.tunebook;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A snapshot of a run: trials by state, the best value so far, elapsed time and an estimate of the time
 * left.
 *
 * <p>The counts of one snapshot are consistent: a finishing trial leaves {@code running} and joins its
 * state's count (and the best value) in one step, so {@code finished() + running()} never goes down from
 * one snapshot of a run to the next.
 *
 * @param complete trials of this run that completed
 * @param pruned trials of this run that were pruned
 * @param failed trials of this run that failed
 * @param running trials running now
 * @param planned the run's trial count, or -1 when only a timeout or a stop ends it
 * @param bestValue the best value of the study so far (single-objective studies)
 * @param bestTrial the number of the best trial so far, or -1
 * @param elapsed time since the run started
 * @param remaining estimated time left while the run goes on, when it has a trial count or a timeout (empty
 *     otherwise); {@code Duration.ZERO} once the run is done, however it ended
 * @param done whether the run has ended
 */
public record Progress(int complete, int pruned, int failed, int running, int planned, OptionalDouble bestValue,
        int bestTrial, Duration elapsed, Optional<Duration> remaining, boolean done) {

    /** Finished trials of this run, in any state. */
    public int finished() {
        return complete + pruned + failed;
    }

    /** A one-line summary, e.g. {@code 12/100 trials (10 complete, 1 pruned, 1 failed) · best 0.93 (#7) · 0:12 elapsed · ~1:30 left}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(finished());
        if (planned >= 0) {
            s.append('/').append(planned);
        }
        s.append(" trials (").append(complete).append(" complete, ").append(pruned).append(" pruned, ")
                .append(failed).append(" failed");
        if (running > 0) {
            s.append(", ").append(running).append(" running");
        }
        s.append(')');
        if (bestValue.isPresent()) {
            s.append(" · best ").append(formatValue(bestValue.getAsDouble())).append(" (#").append(bestTrial).append(')');
        }
        s.append(" · ").append(clock(elapsed)).append(" elapsed");
        if (done) {
            s.append(" · done");
        } else {
            remaining.ifPresent(r -> s.append(" · ~").append(clock(r)).append(" left"));
        }
        return s.toString();
    }

    static String formatValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    static String clock(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long sec = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
