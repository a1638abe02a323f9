package org.tunebook;

import java.time.Duration;

/**
 * Fault tolerance for studies shared by several processes: each running trial's worker records a heartbeat
 * every {@code interval}; a RUNNING trial whose heartbeat is older than {@code gracePeriod} (its worker was
 * killed, or its machine was lost) is marked FAIL by the next worker that starts a trial, and re-enqueued with
 * the same parameters up to {@code maxRetries} times (as Optuna's RetryFailedTrialCallback).
 *
 * <pre>{@code
 * Tune.study().name("shared").storage("sqlite:shared.db")
 *     .heartbeat(Heartbeat.every(Duration.ofSeconds(10)).gracePeriod(Duration.ofSeconds(30)).retries(2))
 *     .loadIfExists(true).create();
 * }</pre>
 *
 * @param interval time between heartbeats
 * @param gracePeriod how old a heartbeat may get before its trial counts as dead; longer than the interval
 * @param maxRetries how many times a dead trial's parameters are tried again (0: never)
 */
public record Heartbeat(Duration interval, Duration gracePeriod, int maxRetries) {

    /** Validates the settings. */
    public Heartbeat {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
        }
        if (gracePeriod == null || gracePeriod.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("heartbeat grace period must be longer than the interval ("
                    + interval + "), got " + gracePeriod);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must be >= 0, got " + maxRetries);
        }
    }

    /** Heartbeats every {@code interval}, a grace period of twice that, no retries. */
    public static Heartbeat every(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
        }
        return new Heartbeat(interval, interval.multipliedBy(2), 0);
    }

    /** The same heartbeat with another grace period. */
    public Heartbeat gracePeriod(Duration grace) {
        return new Heartbeat(interval, grace, maxRetries);
    }

    /** The same heartbeat, re-enqueuing a dead trial's parameters up to {@code n} times. */
    public Heartbeat retries(int n) {
        return new Heartbeat(interval, gracePeriod, n);
    }
}
