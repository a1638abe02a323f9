package org.tunebook.plots;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * When each trial ran: its start and end in seconds after the earliest start, with its state. Running trials
 * end at {@code now}.
 */
record TimelineData(Instant origin, List<Bar> bars) {

    /** One trial's bar. */
    record Bar(int number, TrialState state, double start, double end) {
    }

    static TimelineData of(List<FrozenTrial> trials, Instant now) {
        Instant origin = null;
        for (FrozenTrial t : trials) {
            if (t.started() != null && (origin == null || t.started().isBefore(origin))) {
                origin = t.started();
            }
        }
        List<Bar> bars = new ArrayList<>();
        if (origin == null) {
            return new TimelineData(null, bars);
        }
        for (FrozenTrial t : trials) {
            if (t.started() == null) {
                continue;
            }
            Instant end = t.completed() != null ? t.completed() : now;
            double start = seconds(origin, t.started());
            bars.add(new Bar(t.number(), t.state(), start, Math.max(start, seconds(origin, end))));
        }
        return new TimelineData(origin, bars);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The latest end. */
    double span() {
        return bars.stream().mapToDouble(Bar::end).max().orElse(0);
    }
}
