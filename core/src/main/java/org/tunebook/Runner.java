package org.tunebook;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tunebook.samplers.SearchSpaceExhaustedException;

/**
 * Runs an objective in worker threads until the run's limits are reached: the engine behind
 * {@link Study#optimize} and {@link Study#optimizeAsync}.
 */
final class Runner implements StudyRun {

    private static final System.Logger LOG = System.getLogger(Runner.class.getName());
    private static final AtomicInteger RUN_IDS = new AtomicInteger();

    /** One daemon thread for every run's timeouts. */
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final Study study;
    private final Objective objective;
    private final Run run;
    private final int runId = RUN_IDS.incrementAndGet();
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch finished;
    private final AtomicInteger workersLeft;
    private final AtomicInteger trialsStarted = new AtomicInteger();
    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger pruned = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<Thread, Trial> current = new ConcurrentHashMap<>();
    private final Map<Trial, String> interruptReasons = new ConcurrentHashMap<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final Object bestLock = new Object();
    private final Object startLock = new Object();
    private double bestValue = Double.NaN;
    private int bestTrial = -1;
    private boolean ended; // guarded by listeners
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile long startNanos;
    private volatile long endNanos;
    private ScheduledFuture<?> timeoutTask;
    private ScheduledFuture<?> heartbeatTask;

    Runner(Study study, Objective objective, Run run) {
        this.study = study;
        this.objective = objective;
        this.run = run;
        this.finished = new CountDownLatch(1);
        this.workersLeft = new AtomicInteger(run.jobs());
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tunebook-timeouts");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    void start() {
        startNanos = System.nanoTime();
        for (int i = 0; i < run.jobs(); i++) {
            Thread worker = new Thread(this::work, "tunebook-" + study.name() + "-run" + runId + "-worker" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        if (run.timeout() != null) {
            timeoutTask = TIMERS.schedule(this::timeoutReached, run.timeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        Heartbeat heartbeat = study.heartbeat();
        if (heartbeat != null) {
            long every = heartbeat.interval().toNanos();
            heartbeatTask = TIMERS.scheduleAtFixedRate(this::beat, every, every, TimeUnit.NANOSECONDS);
        }
        workers.forEach(Thread::start);
    }

    /** Records a heartbeat for every running trial of this run; a failure is logged, the next beat retries. */
    private void beat() {
        List<Long> ids = new ArrayList<>();
        current.values().forEach(t -> ids.add(t.id()));
        try {
            study.storage().recordHeartbeats(ids);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record heartbeats for study ''" + study.name() + "''", e);
        }
    }

    private void timeoutReached() {
        stopRequested = true;
        if (run.interruptsAtTimeout()) {
            interrupt("the run's timeout of " + run.timeout() + " passed");
        }
    }

    /** Stops the run and interrupts every running trial, recording why. */
    void interrupt(String reason) {
        stopRequested = true;
        current.forEach((thread, trial) -> interruptTrial(thread, trial, reason));
    }

    private void interruptTrial(Thread thread, Trial trial, String reason) {
        if (current.get(thread) == trial) {
            interruptReasons.putIfAbsent(trial, reason);
            thread.interrupt();
        }
    }

    private void work() {
        try {
            while (true) {
                Trial trial;
                // checking the limits and creating the trial in one step keeps a study trial limit exact
                synchronized (startLock) {
                    if (!mayStartTrial()) {
                        break;
                    }
                    try {
                        study.failStaleTrials();
                        trial = study.ask();
                    } catch (SearchSpaceExhaustedException e) {
                        LOG.log(Level.INFO, e.getMessage());
                        stopRequested = true;
                        break;
                    }
                }
                runTrial(trial);
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (workersLeft.decrementAndGet() == 0) {
                end();
            }
        }
    }

    private boolean mayStartTrial() {
        if (stopRequested || failure != null) {
            return false;
        }
        if (run.trials() >= 0 && trialsStarted.incrementAndGet() > run.trials()) {
            return false;
        }
        // WAITING trials have not started: running one does not add a trial to the study
        return run.studyTrialLimit() < 0 || study.storage().trialCount(study.id(),
                EnumSet.complementOf(EnumSet.of(TrialState.WAITING))) < run.studyTrialLimit();
    }

    private void runTrial(Trial trial) {
        Thread thread = Thread.currentThread();
        Thread.interrupted(); // an interrupt meant for a previous trial must not hit this one
        current.put(thread, trial);
        running.incrementAndGet();
        if (study.heartbeat() != null) {
            study.storage().recordHeartbeats(List.of(trial.id()));
        }
        ScheduledFuture<?> trialTimer = run.trialTimeout() == null ? null : TIMERS.schedule(
                () -> interruptTrial(thread, trial, "the trial ran longer than its limit of " + run.trialTimeout()),
                run.trialTimeout().toNanos(), TimeUnit.NANOSECONDS);
        TrialState state;
        double[] values = null;
        String reason = null;
        Throwable uncaught = null;
        try {
            values = objective.evaluateAll(trial);
            reason = checkValues(values);
            state = reason == null ? TrialState.COMPLETE : TrialState.FAIL;
            if (state == TrialState.FAIL) {
                values = null;
            }
        } catch (TrialPrunedException e) {
            state = TrialState.PRUNED;
        } catch (Throwable t) {
            state = TrialState.FAIL;
            String interruptReason = interruptReasons.get(trial);
            if (interruptReason != null) {
                reason = "interrupted: " + interruptReason;
            } else {
                reason = describe(t);
                if (!run.catches(t)) {
                    uncaught = t;
                }
            }
        } finally {
            if (trialTimer != null) {
                trialTimer.cancel(false);
            }
            current.remove(thread);
            interruptReasons.remove(trial);
        }
        boolean interrupted = Thread.interrupted(); // keep storage work below free of a stray interrupt
        FrozenTrial done = store(trial, state, values, reason);
        record(done);
        for (Callback callback : run.callbacks()) {
            callback.afterTrial(study, done);
        }
        if (!listeners.isEmpty()) {
            Progress progress = progress();
            for (RunListener listener : listeners) {
                notify(() -> listener.trialFinished(done, progress));
            }
        }
        if (uncaught != null) {
            fail(uncaught);
        }
        if (interrupted && stopRequested) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores the trial's end and returns it as stored (another worker's verdict, if it was quicker). */
    private FrozenTrial store(Trial trial, TrialState state, double[] values, String reason) {
        try {
            FrozenTrial done = study.finish(trial, state, values, reason);
            if (reason != null) {
                LOG.log(Level.WARNING, "Trial {0} of study ''{1}'' failed with parameters {2}: {3}",
                        done.number(), study.name(), done.params(), reason);
            }
            return done;
        } catch (TrialAlreadyFinishedException e) {
            LOG.log(Level.WARNING, e.getMessage());
            return study.storage().trial(trial.id());
        } finally {
            running.decrementAndGet();
        }
    }

    private String checkValues(double[] values) {
        int expected = study.directions().size();
        if (values == null) {
            return "the objective returned null";
        }
        if (values.length != expected) {
            return "the objective returned " + values.length + " value(s) " + Arrays.toString(values) + " but study '"
                    + study.name() + "' has " + expected + " objective(s)";
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                return "the objective returned NaN" + (values.length > 1 ? " in " + Arrays.toString(values) : "");
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            s.append(": ").append(t.getMessage());
        }
        StackTraceElement[] frames = t.getStackTrace();
        if (frames.length > 0) {
            s.append(" (at ").append(frames[0]).append(')');
        }
        return s.toString();
    }

    private void record(FrozenTrial trial) {
        switch (trial.state()) {
            case COMPLETE -> complete.incrementAndGet();
            case PRUNED -> pruned.incrementAndGet();
            default -> failed.incrementAndGet();
        }
        if (trial.state() == TrialState.COMPLETE && !study.isMultiObjective()) {
            synchronized (bestLock) {
                if (bestTrial < 0 || study.direction().isBetter(trial.value(), bestValue)) {
                    bestValue = trial.value();
                    bestTrial = trial.number();
                }
            }
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        stopRequested = true;
    }

    private void end() {
        endNanos = System.nanoTime();
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        study.runEnded(this);
        finished.countDown();
        Progress last = progress();
        List<RunListener> toNotify;
        synchronized (listeners) {
            ended = true;
            toNotify = List.copyOf(listeners);
        }
        for (RunListener listener : toNotify) {
            notify(() -> listener.runFinished(last));
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a run listener failed", e);
        }
    }

    @Override
    public Study study() {
        return study;
    }

    @Override
    public Progress progress() {
        boolean done = finished.getCount() == 0;
        long now = done ? endNanos : System.nanoTime();
        Duration elapsed = Duration.ofNanos(now - startNanos);
        int c = complete.get();
        int p = pruned.get();
        int f = failed.get();
        OptionalDouble best;
        int bestNumber;
        synchronized (bestLock) {
            best = bestTrial < 0 ? OptionalDouble.empty() : OptionalDouble.of(bestValue);
            bestNumber = bestTrial;
        }
        return new Progress(c, p, f, running.get(), run.trials(), best, bestNumber, elapsed,
                estimateRemaining(c + p + f, elapsed), done);
    }

    private Optional<Duration> estimateRemaining(int finishedTrials, Duration elapsed) {
        Duration byTimeout = run.timeout() == null ? null : run.timeout().minus(elapsed);
        Duration byTrials = null;
        if (run.trials() >= 0 && finishedTrials > 0) {
            double perTrialNanos = (double) elapsed.toNanos() / finishedTrials;
            byTrials = Duration.ofNanos((long) (perTrialNanos * Math.max(0, run.trials() - finishedTrials)));
        }
        Duration estimate = byTimeout == null ? byTrials
                : byTrials == null ? byTimeout : (byTimeout.compareTo(byTrials) < 0 ? byTimeout : byTrials);
        return estimate == null ? Optional.empty() : Optional.of(estimate.isNegative() ? Duration.ZERO : estimate);
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    @Override
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    @Override
    public Progress await() throws InterruptedException {
        finished.await();
        rethrowFailure();
        return progress();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        boolean done = finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (done) {
            rethrowFailure();
        }
        return done;
    }

    void awaitQuietly() {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new ObjectiveException("the objective threw " + t + ", which the run does not catch", t);
        }
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void addListener(RunListener listener) {
        boolean alreadyEnded;
        synchronized (listeners) {
            listeners.add(listener);
            alreadyEnded = ended;
        }
        if (alreadyEnded) {
            notify(() -> listener.runFinished(progress()));
        }
    }

    @Override
    public String toString() {
        return "StudyRun of '" + study.name() + "': " + progress();
    }
}
