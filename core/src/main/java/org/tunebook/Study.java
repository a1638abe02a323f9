package org.tunebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.tunebook.distributions.Distribution;
import org.tunebook.pruners.Pruner;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.Storage;

/**
 * A study: one optimization problem, its trials, and the strategies that choose and stop them. Create one
 * with {@link Tune#study()}, run it with {@link #optimize(Objective, Run)} or drive it yourself with
 * {@link #ask()} and {@link #tell(Trial, double...)}.
 *
 * <pre>{@code
 * Study study = Tune.study().name("mlp").direction(Direction.MAXIMIZE).create();
 * study.optimize(trial -> train(trial.suggestInt("layers", 1, 4), trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG)),
 *                Run.trials(100).jobs(4));
 * study.bestParams();
 * }</pre>
 *
 * <p>All methods are thread-safe. The study's state lives in its {@link Storage}; the object itself holds
 * only the sampler and pruner, so several {@code Study} objects (in several processes) may work on one
 * stored study.
 */
public final class Study {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());

    private final Storage storage;
    private final int id;
    private final String name;
    private final List<Direction> directions;
    private final Sampler sampler;
    private final Pruner pruner;
    private final Heartbeat heartbeat;
    /** Whether the sampler has its own {@link Sampler#beforeTrial}, which must run before a trial is created. */
    private final boolean samplerPreparesTrials;
    private final Set<Runner> activeRuns = new CopyOnWriteArraySet<>();

    Study(Storage storage, int id, Sampler sampler, Pruner pruner, Heartbeat heartbeat) {
        this.storage = storage;
        this.id = id;
        this.name = storage.studyName(id);
        this.directions = List.copyOf(storage.studyDirections(id));
        this.sampler = sampler;
        this.pruner = pruner;
        this.heartbeat = heartbeat;
        this.samplerPreparesTrials = overridesBeforeTrial(sampler);
    }

    /**
     * Whether a sampler replaces {@link Sampler#beforeTrial}. One that keeps the default adds nothing to a new
     * trial, so {@link #ask()} can let the storage claim an enqueued trial or create a new one in a single
     * transaction, instead of looking for an enqueued one first.
     */
    private static boolean overridesBeforeTrial(Sampler sampler) {
        try {
            return sampler.getClass().getMethod("beforeTrial", Study.class).getDeclaringClass() != Sampler.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** The study's name, unique within its storage. */
    public String name() {
        return name;
    }

    /** The storage's id of this study. */
    public int id() {
        return id;
    }

    /** Where the study lives. */
    public Storage storage() {
        return storage;
    }

    /** The sampler choosing parameters. */
    public Sampler sampler() {
        return sampler;
    }

    /** The pruner stopping unpromising trials. */
    public Pruner pruner() {
        return pruner;
    }

    /** The heartbeat settings, or null when this study records no heartbeats. */
    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /**
     * Fails the RUNNING trials whose worker stopped sending heartbeats and, as the heartbeat settings say,
     * enqueues their parameters again. Runs call this before each trial; ask-and-tell users may call it
     * themselves. Without heartbeat settings it does nothing.
     *
     * @return the trials this call marked FAIL
     */
    public List<FrozenTrial> failStaleTrials() {
        if (heartbeat == null) {
            return List.of();
        }
        List<FrozenTrial> failed = storage.failStaleTrials(id, heartbeat.gracePeriod());
        for (FrozenTrial trial : failed) {
            retry(trial);
        }
        return failed;
    }

    /** Re-enqueues a dead trial's parameters, keeping the chain of retries as Optuna does. */
    private void retry(FrozenTrial failed) {
        List<Object> history = new ArrayList<>();
        if (failed.systemAttrs().get(RETRY_HISTORY) instanceof List<?> previous) {
            history.addAll(previous);
        }
        history.add(failed.number());
        if (history.size() > heartbeat.maxRetries()) {
            return;
        }
        Object original = failed.systemAttrs().getOrDefault(FAILED_TRIAL, failed.number());
        FrozenTrial.Builder template = FrozenTrial.builder().state(TrialState.WAITING);
        failed.distributions().forEach((name, d) -> template.param(name, failed.params().get(name), d));
        failed.userAttrs().forEach(template::userAttr);
        failed.systemAttrs().forEach((k, v) -> {
            if (!k.equals(FrozenTrial.FAIL_REASON)) {
                template.systemAttr(k, v);
            }
        });
        template.systemAttr(FAILED_TRIAL, original).systemAttr(RETRY_HISTORY, history);
        storage.createTrial(id, template.build());
    }

    /** The system attribute of a retried trial naming the first trial of its chain (Optuna's name). */
    public static final String FAILED_TRIAL = "failed_trial";
    /** The system attribute of a retried trial listing the trials it retries (Optuna's name). */
    public static final String RETRY_HISTORY = "retry_history";

    /** The direction of each objective. */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The direction of a single-objective study.
     *
     * @throws IllegalStateException in a multi-objective study
     */
    public Direction direction() {
        if (directions.size() != 1) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size()
                    + " objectives; use directions()");
        }
        return directions.get(0);
    }

    /** Whether the study has more than one objective. */
    public boolean isMultiObjective() {
        return directions.size() > 1;
    }

    // ---- running ----

    /** Runs the objective for {@code trials} trials on the calling thread. */
    public void optimize(Objective objective, int trials) {
        optimize(objective, Run.trials(trials));
    }

    /**
     * Runs the objective until the run's limits are reached or the study is stopped, and returns when every
     * worker has finished. Failed trials are recorded and the run goes on, unless the exception is not one
     * the run {@linkplain Run#catching catches}: then the run stops and the exception is rethrown here
     * (checked ones wrapped in {@link ObjectiveException}). If the calling thread is interrupted, the run
     * stops, running trials are interrupted, and the interrupt flag is kept.
     */
    public void optimize(Objective objective, Run run) {
        Runner runner = start(objective, run);
        try {
            runner.await();
        } catch (InterruptedException e) {
            runner.interrupt("the run was interrupted");
            runner.awaitQuietly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an objective over a declared space: each trial samples every parameter of {@code space}. */
    public void optimize(Space space, SpaceObjective objective, Run run) {
        optimize(space.objective(objective), run);
    }

    /** Starts a run in background threads and returns its handle at once. */
    public StudyRun optimizeAsync(Objective objective, Run run) {
        return start(objective, run);
    }

    /** Starts a run over a declared space in background threads and returns its handle at once. */
    public StudyRun optimizeAsync(Space space, SpaceObjective objective, Run run) {
        return start(space.objective(objective), run);
    }

    private Runner start(Objective objective, Run run) {
        if (objective == null || run == null) {
            throw new IllegalArgumentException("optimize needs an objective and a Run, e.g. Run.trials(100)");
        }
        Runner runner = new Runner(this, objective, run);
        activeRuns.add(runner);
        runner.start();
        return runner;
    }

    void runEnded(Runner runner) {
        activeRuns.remove(runner);
    }

    /**
     * Asks every run of this study in this JVM to stop: no new trials start, running ones finish. May be
     * called from an objective, a callback or another thread.
     */
    public void stop() {
        activeRuns.forEach(Runner::stop);
    }

    // ---- ask and tell ----

    /** Starts a new trial (an enqueued one first, if any) for the caller to evaluate and then {@link #tell}. */
    public Trial ask() {
        if (!samplerPreparesTrials) {
            return new Trial(this, storage.claimOrCreateTrial(id));
        }
        FrozenTrial created = storage.claimWaitingTrial(id).orElse(null);
        if (created == null) {
            Map<String, Object> attrs = sampler.beforeTrial(this);
            if (attrs.isEmpty()) {
                created = storage.createTrial(id, null);
            } else {
                FrozenTrial.Builder template = FrozenTrial.builder().state(TrialState.RUNNING).started(Instant.now());
                attrs.forEach(template::systemAttr);
                created = storage.createTrial(id, template.build());
            }
        }
        return new Trial(this, created);
    }

    /**
     * Starts a new trial in which the named parameters take the given values when the objective suggests them
     * (the others are sampled), as an {@linkplain #enqueue enqueued} trial would, but at once and for the caller
     * only: schedulers that decide a trial's configuration themselves (population-based training) use it.
     *
     * @throws IllegalArgumentException if a value cannot be stored (see {@link Trial#setUserAttr})
     */
    public Trial ask(Map<String, ?> fixedParams) {
        if (fixedParams == null) {
            throw new IllegalArgumentException("ask needs a map of parameter values (an empty one for none)");
        }
        Map<String, Object> fixed = new LinkedHashMap<>(fixedParams);
        AttrValues.check(Trial.FIXED_PARAMS, fixed);
        FrozenTrial.Builder template = FrozenTrial.builder().state(TrialState.RUNNING).started(Instant.now());
        sampler.beforeTrial(this).forEach(template::systemAttr);
        template.systemAttr(Trial.FIXED_PARAMS, fixed);
        return new Trial(this, storage.createTrial(id, template.build()));
    }

    /** Starts a new trial and suggests every parameter of {@code space} in it. */
    public Trial ask(Space space) {
        Trial trial = ask();
        space.distributions().forEach(trial::suggest);
        return trial;
    }

    /**
     * Finishes a trial with its objective values. A NaN value makes it FAIL, as an objective returning NaN
     * would.
     *
     * @throws IllegalArgumentException if the number of values does not match the study's objectives
     * @throws IllegalStateException if the trial has already finished
     */
    public FrozenTrial tell(Trial trial, double... values) {
        checkOwn(trial);
        if (values == null || values.length != directions.size()) {
            throw new IllegalArgumentException("study '" + name + "' has " + directions.size() + " objective(s) but "
                    + (values == null ? 0 : values.length) + " value(s) were told for trial " + trial.number());
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                return finish(trial, TrialState.FAIL, null, "the objective value is NaN");
            }
        }
        return finish(trial, TrialState.COMPLETE, values, null);
    }

    /** Finishes a trial as PRUNED or FAIL (with no values; a pruned trial keeps its last reported value). */
    public FrozenTrial tell(Trial trial, TrialState state) {
        checkOwn(trial);
        if (state != TrialState.PRUNED && state != TrialState.FAIL) {
            throw new IllegalArgumentException("tell(trial, state) takes PRUNED or FAIL, got " + state
                    + "; tell a COMPLETE trial with its values");
        }
        return finish(trial, state, null, state == TrialState.FAIL ? "told as failed" : null);
    }

    /** Finishes a trial as FAIL and keeps the reason. */
    public FrozenTrial fail(Trial trial, String reason) {
        checkOwn(trial);
        return finish(trial, TrialState.FAIL, null, reason);
    }

    private void checkOwn(Trial trial) {
        if (trial == null || trial.study() != this) {
            throw new IllegalArgumentException("trial " + (trial == null ? "null" : "#" + trial.number())
                    + " was not asked from study '" + name + "'");
        }
        if (trial.state() != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + trial.number() + " of study '" + name
                    + "' has already finished as " + trial.state() + "; it cannot be told again");
        }
    }

    /** Stores a trial's end; the one path by which trials finish, from tell and from the runner. */
    FrozenTrial finish(Trial trial, TrialState state, double[] values, String failReason) {
        if (state == TrialState.PRUNED && values == null) {
            // as in Optuna, the last reported value becomes the trial's value unless it is NaN
            Double last = trial.lastIntermediateValue();
            values = last == null || last.isNaN() ? null : new double[] {last};
        }
        if (state != TrialState.FAIL) {
            try {
                sampler.beforeFinish(this, trial, state, values == null ? new double[0] : values.clone());
            } catch (RuntimeException e) {
                // a sampler's hook (a constraints function, say) failing fails this trial only
                state = TrialState.FAIL;
                values = null;
                failReason = e.getMessage() != null ? e.getMessage() : e.toString();
                LOG.log(System.Logger.Level.WARNING, "trial " + trial.number() + " of study '" + name + "' failed: "
                        + failReason, e);
            }
        }
        if (failReason != null) {
            storage.setTrialSystemAttr(trial.id(), FrozenTrial.FAIL_REASON, failReason);
        }
        if (!storage.finishTrial(trial.id(), state, values)) {
            FrozenTrial stored = storage.trial(trial.id());
            trial.markFinished(stored.state());
            throw new TrialAlreadyFinishedException("trial " + trial.number() + " of study '" + name
                    + "' was already finished as " + stored.state() + " by another worker"
                    + stored.failReason().map(r -> " (" + r + ")").orElse(""));
        }
        trial.markFinished(state);
        FrozenTrial finished = storage.trial(trial.id());
        sampler.afterTrial(this, finished);
        return finished;
    }

    // ---- adding trials ----

    /** Enqueues a trial that will run with these parameters (others are sampled as usual). */
    public void enqueue(Map<String, ?> params) {
        enqueue(params, Map.of(), false);
    }

    /**
     * Enqueues a trial with fixed parameters and user attributes (null means none); with
     * {@code skipIfExists}, nothing is enqueued when a trial with the same parameters is already in the study
     * (in any state).
     */
    public void enqueue(Map<String, ?> params, Map<String, ?> userAttrs, boolean skipIfExists) {
        if (params == null) {
            throw new IllegalArgumentException("enqueue needs a map of parameter values");
        }
        Map<String, Object> fixed = new LinkedHashMap<>(params);
        AttrValues.check(Trial.FIXED_PARAMS, fixed);
        if (skipIfExists && trials().stream().anyMatch(t -> fixed.equals(t.params())
                || fixed.equals(t.systemAttrs().get(Trial.FIXED_PARAMS)))) {
            return;
        }
        FrozenTrial.Builder template = FrozenTrial.builder().state(TrialState.WAITING)
                .systemAttr(Trial.FIXED_PARAMS, fixed);
        if (userAttrs != null) {
            userAttrs.forEach((k, v) -> {
                AttrValues.check(k, v);
                template.userAttr(k, v);
            });
        }
        storage.createTrial(id, template.build());
    }

    /**
     * Adds a trial evaluated elsewhere (build it with {@link FrozenTrial#builder()}); it gets the next number.
     *
     * @throws IllegalArgumentException if the trial is inconsistent: wrong number of values, a COMPLETE trial
     *     without values or with NaN, a parameter outside its distribution, a RUNNING state
     */
    public FrozenTrial addTrial(FrozenTrial trial) {
        TrialState state = trial.state();
        if (state == TrialState.RUNNING) {
            throw new IllegalArgumentException("cannot add a RUNNING trial; add finished or WAITING trials");
        }
        double[] values = trial.values();
        if (state == TrialState.COMPLETE && values.length == 0) {
            throw new IllegalArgumentException("a COMPLETE trial needs objective values");
        }
        if (trial.hasValue() && values.length != directions.size()) {
            throw new IllegalArgumentException("study '" + name + "' has " + directions.size()
                    + " objective(s) but the trial has " + values.length + " value(s)");
        }
        for (double v : values) {
            if (Double.isNaN(v) && state == TrialState.COMPLETE) {
                throw new IllegalArgumentException("a COMPLETE trial cannot have a NaN value; add it as FAIL");
            }
        }
        trial.distributions().forEach((param, d) -> {
            Object value = trial.params().get(param);
            double internal;
            try {
                internal = d.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + param + "': " + e.getMessage(), e);
            }
            if (!d.contains(internal)) {
                throw new IllegalArgumentException("parameter '" + param + "' = " + value + " lies outside " + d);
            }
        });
        trial.userAttrs().forEach(AttrValues::check);
        FrozenTrial.Builder b = trial.toBuilder();
        Instant now = Instant.now();
        if (trial.started() == null && state != TrialState.WAITING) {
            b.started(now);
        }
        if (trial.completed() == null && state.isFinished()) {
            b.completed(now);
        }
        return storage.createTrial(id, b.build());
    }

    /** Adds several trials evaluated elsewhere. */
    public void addTrials(List<FrozenTrial> trials) {
        trials.forEach(this::addTrial);
    }

    // ---- results ----

    /** All trials, by number. */
    public List<FrozenTrial> trials() {
        return storage.trials(id);
    }

    /**
     * The trials in the given states (all trials if none are given).
     *
     * @throws IllegalArgumentException if a state is null
     */
    public List<FrozenTrial> trials(TrialState... states) {
        if (states == null || states.length == 0) {
            return trials();
        }
        EnumSet<TrialState> wanted = EnumSet.noneOf(TrialState.class);
        for (TrialState state : states) {
            if (state == null) {
                throw new IllegalArgumentException("trials(states): states must not contain null, got "
                        + Arrays.toString(states) + "; call trials() for all trials");
            }
            wanted.add(state);
        }
        return storage.trials(id, wanted);
    }

    /** Trial number {@code number}. */
    public FrozenTrial trial(int number) {
        return storage.trial(storage.trialId(id, number));
    }

    /**
     * The best COMPLETE trial of a single-objective study (the earliest, on ties).
     *
     * @throws IllegalStateException in a multi-objective study, or when no trial has completed
     */
    public FrozenTrial bestTrial() {
        Direction direction;
        try {
            direction = direction();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("study '" + name + "' has " + directions.size()
                    + " objectives, so it has no single best trial; use bestTrials() for the Pareto front");
        }
        FrozenTrial best = null;
        for (FrozenTrial t : trials(TrialState.COMPLETE)) {
            if (best == null || direction.isBetter(t.value(), best.value())) {
                best = t;
            }
        }
        if (best == null) {
            throw new IllegalStateException("study '" + name + "' has no completed trial yet ("
                    + trialCount() + " trials in all); run some trials first");
        }
        return best;
    }

    /** The best objective value of a single-objective study. */
    public double bestValue() {
        return bestTrial().value();
    }

    /** The parameters of the best trial. */
    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /**
     * The Pareto front: COMPLETE trials that no other COMPLETE trial dominates (better or equal in every
     * objective and better in one; see {@link Pareto}). In a single-objective study, the trials sharing the best
     * value.
     */
    public List<FrozenTrial> bestTrials() {
        return Pareto.front(trials(TrialState.COMPLETE), directions);
    }

    private int trialCount() {
        return storage.trialCount(id, EnumSet.allOf(TrialState.class));
    }

    /** The trials as a table (number, state, values, times, parameters, user attributes), exportable to CSV. */
    public TrialsTable trialsTable() {
        return new TrialsTable(trials(), directions);
    }

    // ---- attributes ----

    /** The study's user attributes. */
    public Map<String, Object> userAttrs() {
        return storage.studyUserAttrs(id);
    }

    /** Sets a study user attribute (a string, number, boolean, null, or a list or map of them). */
    public void setUserAttr(String key, Object value) {
        AttrValues.check(key, value);
        storage.setStudyUserAttr(id, key, value);
    }

    /** The study's system attributes (kept by samplers and the runner). */
    public Map<String, Object> systemAttrs() {
        return storage.studySystemAttrs(id);
    }

    /** The distributions each parameter has had in the study's trials (the latest definition wins). */
    public Map<String, Distribution> parameterDistributions() {
        Map<String, Distribution> all = new LinkedHashMap<>();
        trials().forEach(t -> all.putAll(t.distributions()));
        return all;
    }

    @Override
    public String toString() {
        return "Study '" + name + "' (" + (directions.size() == 1 ? directions.get(0) : directions) + ", "
                + trialCount() + " trials, " + storage.url() + ")";
    }
}
