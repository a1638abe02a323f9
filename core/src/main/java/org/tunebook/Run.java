package org.tunebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how wide a run goes: a number of trials, a timeout, worker threads, callbacks, which
 * exceptions fail only their trial. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Run.trials(200).timeout(Duration.ofMinutes(10)).jobs(4)
 * Run.forDuration(Duration.ofHours(1)).interruptAtTimeout()
 * }</pre>
 */
public final class Run {

    private final int trials;
    private final Duration timeout;
    private final int jobs;
    private final List<Callback> callbacks;
    private final List<Class<? extends Throwable>> catching;
    private final boolean interruptAtTimeout;
    private final Duration trialTimeout;
    private final int studyTrialLimit;

    private Run(int trials, Duration timeout, int jobs, List<Callback> callbacks,
            List<Class<? extends Throwable>> catching, boolean interruptAtTimeout, Duration trialTimeout,
            int studyTrialLimit) {
        this.trials = trials;
        this.timeout = timeout;
        this.jobs = jobs;
        this.callbacks = List.copyOf(callbacks);
        this.catching = List.copyOf(catching);
        this.interruptAtTimeout = interruptAtTimeout;
        this.trialTimeout = trialTimeout;
        this.studyTrialLimit = studyTrialLimit;
    }

    /** A run of {@code n} trials in all (shared by all worker threads). */
    public static Run trials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of trials must be >= 0, got " + n);
        }
        return new Run(n, null, 1, List.of(), List.of(Exception.class), false, null, -1);
    }

    /** A run that starts trials until {@code timeout} has passed. */
    public static Run forDuration(Duration timeout) {
        return untilStopped().timeout(timeout);
    }

    /** A run without limits: it goes on until {@link Study#stop()}, {@link StudyRun#stop()} or an interrupt. */
    public static Run untilStopped() {
        return new Run(-1, null, 1, List.of(), List.of(Exception.class), false, null, -1);
    }

    /** Starts no trial after {@code timeout} has passed since the run began. */
    public Run timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new Run(trials, timeout, jobs, callbacks, catching, interruptAtTimeout, trialTimeout, studyTrialLimit);
    }

    /** Runs trials in {@code jobs} worker threads; {@code -1} means one per available processor. */
    public Run jobs(int jobs) {
        if (jobs == -1) {
            jobs = Runtime.getRuntime().availableProcessors();
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1 (or -1 for one per processor), got " + jobs);
        }
        return new Run(trials, timeout, jobs, callbacks, catching, interruptAtTimeout, trialTimeout, studyTrialLimit);
    }

    /** Adds callbacks, called after each finished trial. */
    public Run callbacks(Callback... more) {
        if (more == null) {
            throw new IllegalArgumentException("callbacks must not be null");
        }
        List<Callback> all = new ArrayList<>(callbacks);
        for (Callback c : more) {
            if (c == null) {
                throw new IllegalArgumentException("callback must not be null");
            }
            all.add(c);
        }
        return new Run(trials, timeout, jobs, all, catching, interruptAtTimeout, trialTimeout, studyTrialLimit);
    }

    /**
     * Only these exception types fail just their trial; any other stops the run and is rethrown by
     * {@link Study#optimize}. By default every {@link Exception} is caught.
     */
    @SafeVarargs
    public final Run catching(Class<? extends Throwable>... types) {
        if (types == null || types.length == 0) {
            throw new IllegalArgumentException("catching needs at least one exception type");
        }
        for (Class<? extends Throwable> type : types) {
            if (type == null) {
                throw new IllegalArgumentException("catching: exception types must not be null, got "
                        + Arrays.toString(types));
            }
        }
        return new Run(trials, timeout, jobs, callbacks, List.of(types), interruptAtTimeout, trialTimeout,
                studyTrialLimit);
    }

    /**
     * At the timeout, also interrupts running trials (their threads get {@link Thread#interrupt()}, and their
     * next {@code report} or {@code shouldPrune} throws); they end as FAIL with the timeout as reason.
     */
    public Run interruptAtTimeout() {
        if (timeout == null) {
            throw new IllegalArgumentException("interruptAtTimeout needs a timeout; set timeout(...) first");
        }
        return new Run(trials, timeout, jobs, callbacks, catching, true, trialTimeout, studyTrialLimit);
    }

    /** Interrupts any single trial that runs longer than {@code limit}; it ends as FAIL. */
    public Run trialTimeout(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("trial timeout must be positive, got " + limit);
        }
        return new Run(trials, timeout, jobs, callbacks, catching, interruptAtTimeout, limit, studyTrialLimit);
    }

    /**
     * Starts no trial once the study holds {@code n} trials in all, counting those of other runs and
     * processes (Optuna's MaxTrialsCallback).
     */
    public Run studyTrialLimit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("study trial limit must be >= 0, got " + n);
        }
        return new Run(trials, timeout, jobs, callbacks, catching, interruptAtTimeout, trialTimeout, n);
    }

    /** The number of trials, or -1 for no limit. */
    public int trials() {
        return trials;
    }

    /** The timeout, or null. */
    public Duration timeout() {
        return timeout;
    }

    /** Worker threads. */
    public int jobs() {
        return jobs;
    }

    /** The callbacks. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** Whether running trials are interrupted at the timeout. */
    public boolean interruptsAtTimeout() {
        return interruptAtTimeout;
    }

    /** The per-trial time limit, or null. */
    public Duration trialTimeout() {
        return trialTimeout;
    }

    /** The study-wide trial limit, or -1. */
    public int studyTrialLimit() {
        return studyTrialLimit;
    }

    /** Whether an exception fails only its trial. */
    boolean catches(Throwable t) {
        return catching.stream().anyMatch(type -> type.isInstance(t));
    }

    @Override
    public String toString() {
        return "Run(trials=" + (trials < 0 ? "unlimited" : trials) + ", timeout=" + timeout + ", jobs=" + jobs + ")";
    }
}
