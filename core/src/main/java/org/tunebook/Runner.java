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
    /** Counted down when every worker has finished ({@link #isDone()}). */
    private final CountDownLatch finished;
    /** Counted down after that, once the runFinished listeners have been called ({@link #await()}). */
    private final CountDownLatch announced = new CountDownLatch(1);
    private final AtomicInteger workersLeft;
    private final AtomicInteger trialsStarted = new AtomicInteger();
    private final Map<Thread, Trial> current = new ConcurrentHashMap<>();
    private final Map<Trial, String> interruptReasons = new ConcurrentHashMap<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Guards the counts below, so that a finishing trial moves from running to its state (and to the best
     * value) in one step as far as {@link #progress()} snapshots can tell.
     */
    private final Object counts = new Object();
    private final Object startLock = new Object();
    private int complete; // guarded by counts
    private int pruned; // guarded by counts
    private int failed; // guarded by counts
    private int running; // guarded by counts
    private double bestValue = Double.NaN; // guarded by counts
    private int bestTrial = -1; // guarded by counts
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
        synchronized (counts) {
            running++;
        }
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
        FrozenTrial done;
        try {
            done = store(trial, state, values, reason);
        } catch (RuntimeException | Error e) {
            record(null);
            throw e;
        }
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

    /**
     * Moves a finished trial from running to its state, and to the best value, in one step; null when its
     * end could not be stored (it then only stops running, and the storage's exception stops the run).
     */
    private void record(FrozenTrial trial) {
        TrialState state = trial == null ? null : trial.state();
        Direction direction = state == TrialState.COMPLETE && !study.isMultiObjective() ? study.direction() : null;
        double value = direction != null ? trial.value() : Double.NaN;
        synchronized (counts) {
            running--;
            if (state == TrialState.COMPLETE) {
                complete++;
            } else if (state == TrialState.PRUNED) {
                pruned++;
            } else if (state != null) {
                failed++;
            }
            if (direction != null && (bestTrial < 0 || direction.isBetter(value, bestValue))) {
                bestValue = value;
                bestTrial = trial.number();
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
        try {
            Progress last = progress();
            List<RunListener> toNotify;
            synchronized (listeners) {
                ended = true;
                toNotify = List.copyOf(listeners);
            }
            for (RunListener listener : toNotify) {
                notify(() -> listener.runFinished(last));
            }
        } finally {
            announced.countDown();
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
        int c;
        int p;
        int f;
        int r;
        double best;
        int bestNumber;
        synchronized (counts) {
            c = complete;
            p = pruned;
            f = failed;
            r = running;
            best = bestValue;
            bestNumber = bestTrial;
        }
        return new Progress(c, p, f, r, run.trials(), bestNumber < 0 ? OptionalDouble.empty() : OptionalDouble.of(best),
                bestNumber, elapsed, done ? NOTHING_LEFT : estimateRemaining(c + p + f, elapsed), done);
    }

    private static final Optional<Duration> NOTHING_LEFT = Optional.of(Duration.ZERO);

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
    public void interrupt() {
        interrupt("the run was interrupted");
    }

    @Override
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /**
     * Waits until every worker has finished and the runFinished listeners have been called. On a worker of
     * this run (a listener calling back), it waits only for the workers: the listeners are being called
     * by that very worker, or the run ends without it.
     *
     * @throws IllegalStateException on a worker of this run that has not ended yet: it would wait for itself
     */
    @Override
    public Progress await() throws InterruptedException {
        if (isOwnWorker()) {
            if (finished.getCount() != 0) {
                throw new IllegalStateException("await() was called on a worker thread of this run ("
                        + Thread.currentThread().getName() + ") while the run is going: it would wait for itself"
                        + " forever; call stop() there, or await from another thread");
            }
        } else {
            finished.await();
            announced.await();
        }
        rethrowFailure();
        return progress();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)
                && (isOwnWorker() || announced.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
        if (done) {
            rethrowFailure();
        }
        return done;
    }

    /** Whether the calling thread is one of this run's workers (listeners and callbacks run there). */
    private boolean isOwnWorker() {
        return workers.contains(Thread.currentThread());
    }

    void awaitQuietly() {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                announced.await();
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
