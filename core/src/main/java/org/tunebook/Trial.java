package org.tunebook;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * A running trial: the objective asks it for hyperparameters ({@code suggest…}), reports intermediate
 * values and asks whether to stop early. Parameters are defined by running code, so spaces may be
 * conditional ({@code if}) or built in loops.
 *
 * <p>Asking for the same name twice in a trial returns the same value. A parameter's range may differ
 * between trials, but its kind, log scale and categorical choices may not. Once the trial has finished,
 * every change is refused with an {@link IllegalStateException}.
 *
 * <p>A trial is meant to be used by the thread that runs it.
 */
public final class Trial {

    /** The system attribute holding the parameters an enqueued trial must use (Optuna's name). */
    public static final String FIXED_PARAMS = "fixed_params";

    private static final System.Logger LOG = System.getLogger(Trial.class.getName());

    private final Study study;
    private final long id;
    private final int number;
    private final Instant started;
    private final Map<String, Object> fixedParams;
    private final Map<String, Object> systemAttrs;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final Map<String, Object> userAttrs;
    private final TreeMap<Integer, Double> intermediateValues = new TreeMap<>();
    private Map<String, Distribution> relativeSpace;
    private Map<String, Double> relativeParams;
    private volatile TrialState finishedAs;

    Trial(Study study, FrozenTrial created) {
        this.study = study;
        this.id = created.id();
        this.number = created.number();
        this.started = created.started();
        this.systemAttrs = new LinkedHashMap<>(created.systemAttrs());
        this.userAttrs = new LinkedHashMap<>(created.userAttrs());
        Object fixed = systemAttrs.get(FIXED_PARAMS);
        this.fixedParams = fixed instanceof Map<?, ?> m ? castMap(m) : Map.of();
        created.params().forEach(params::put);
        created.distributions().forEach(distributions::put);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** The trial's number in its study. */
    public int number() {
        return number;
    }

    /** The storage's id of this trial. */
    public long id() {
        return id;
    }

    /** The study this trial belongs to. */
    public Study study() {
        return study;
    }

    /** When the trial started. */
    public Instant started() {
        return started;
    }

    /** RUNNING until the trial has been told its result, then its final state. */
    public TrialState state() {
        TrialState s = finishedAs;
        return s == null ? TrialState.RUNNING : s;
    }

    /** A float in {@code [low, high]}, uniform on a linear scale. */
    public double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, new FloatDistribution(low, high, false, null));
    }

    /** A float in {@code [low, high]} on the given scale ({@link Scale#LOG} for learning rates and the like). */
    public double suggestFloat(String name, double low, double high, Scale scale) {
        return (Double) suggest(name, new FloatDistribution(low, high, scale == Scale.LOG, null));
    }

    /** A float in {@code {low, low + step, …}} up to {@code high}. */
    public double suggestFloat(String name, double low, double high, double step) {
        return (Double) suggest(name, new FloatDistribution(low, high, false, step));
    }

    /** An integer in {@code [low, high]}. */
    public int suggestInt(String name, int low, int high) {
        return (Integer) suggest(name, new IntDistribution(low, high, false, 1));
    }

    /** An integer in {@code {low, low + step, …}} up to {@code high}. */
    public int suggestInt(String name, int low, int high, int step) {
        return (Integer) suggest(name, new IntDistribution(low, high, false, step));
    }

    /** An integer in {@code [low, high]} on the given scale. */
    public int suggestInt(String name, int low, int high, Scale scale) {
        return (Integer) suggest(name, new IntDistribution(low, high, scale == Scale.LOG, 1));
    }

    /** One of the choices (strings, numbers, booleans or {@code null}). */
    @SafeVarargs
    public final <T> T suggestCategorical(String name, T... choices) {
        return suggestCategorical(name, choices == null ? List.of() : Arrays.asList(choices));
    }

    /** One of the choices (strings, numbers, booleans or {@code null}). */
    @SuppressWarnings("unchecked")
    public <T> T suggestCategorical(String name, List<T> choices) {
        if (choices == null) {
            throw new IllegalArgumentException("categorical parameter '" + name
                    + "' needs a list of choices, got null");
        }
        return (T) suggest(name, new CategoricalDistribution(choices));
    }

    /**
     * A value of any distribution: the general form behind the {@code suggest…} methods.
     *
     * @return a {@code Double}, an {@code Integer} or one of the choices
     */
    public synchronized Object suggest(String name, Distribution distribution) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a non-empty name");
        }
        if (distribution == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a distribution, got null");
        }
        checkRunning("suggest parameter '" + name + "'");
        Distribution previous = distributions.get(name);
        if (previous != null) {
            Distribution.checkCompatible(name, previous, distribution);
            return params.get(name);
        }
        double internal = sample(name, distribution);
        study.storage().setTrialParam(id, name, internal, distribution);
        Object external = distribution.toExternal(internal);
        params.put(name, external);
        distributions.put(name, distribution);
        return external;
    }

    private double sample(String name, Distribution distribution) {
        if (fixedParams.containsKey(name)) {
            Object value = fixedParams.get(name);
            double internal;
            try {
                internal = distribution.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("enqueued value of parameter '" + name + "' in trial " + number
                        + " does not fit: " + e.getMessage(), e);
            }
            if (!distribution.contains(internal)) {
                LOG.log(Level.WARNING, "enqueued value {0} of parameter ''{1}'' lies outside {2}; using it anyway",
                        value, name, distribution);
            }
            return internal;
        }
        if (relativeSpace == null) {
            relativeSpace = study.sampler().inferRelativeSearchSpace(study, this);
            relativeParams = relativeSpace.isEmpty() ? Map.of() : study.sampler().sampleRelative(study, this, relativeSpace);
        }
        Double relative = relativeParams.get(name);
        Distribution relativeDistribution = relativeSpace.get(name);
        if (relative != null && relativeDistribution != null && relativeDistribution.isCompatibleWith(distribution)
                && distribution.contains(relative)) {
            return relative;
        }
        if (distribution.isSingle()) {
            return singleValue(distribution);
        }
        return study.sampler().sampleIndependent(study, this, name, distribution);
    }

    private static double singleValue(Distribution distribution) {
        if (distribution instanceof FloatDistribution f) {
            return f.low();
        }
        if (distribution instanceof IntDistribution i) {
            return i.low();
        }
        return 0;
    }

    /**
     * Reports an intermediate value (say, validation accuracy after an epoch) for pruning and plots. A second
     * report for the same step is ignored with a warning, as in Optuna.
     *
     * @throws IllegalArgumentException for a negative step
     * @throws UnsupportedOperationException in a multi-objective study
     */
    public synchronized void report(double value, int step) {
        checkRunning("report a value");
        if (study.isMultiObjective()) {
            throw new UnsupportedOperationException("trial.report is not supported in multi-objective studies"
                    + " (study '" + study.name() + "' has " + study.directions().size() + " objectives)");
        }
        if (step < 0) {
            throw new IllegalArgumentException("report step must be >= 0, got " + step);
        }
        checkInterrupted();
        if (intermediateValues.containsKey(step)) {
            LOG.log(Level.WARNING, "trial {0} already reported a value at step {1}; ignoring {2}", number, step, value);
            return;
        }
        study.storage().setTrialIntermediateValue(id, step, value);
        intermediateValues.put(step, value);
    }

    /**
     * Whether the study's pruner judges this trial unpromising; if so, throw {@link TrialPrunedException}.
     *
     * <p>The pruner sees the trial as the storage has it (as in Optuna), so that a pruner keeping per-trial state
     * in system attributes (the rungs of successive halving) reads back what it wrote at earlier steps; what it
     * wrote also shows in {@link #systemAttrs()} afterwards.
     */
    public boolean shouldPrune() {
        checkRunning("ask whether to prune");
        checkInterrupted();
        boolean prune = study.pruner().prune(study, study.storage().trial(id));
        Map<String, Object> stored = study.storage().trial(id).systemAttrs();
        synchronized (this) {
            systemAttrs.putAll(stored);
        }
        return prune;
    }

    /** Sets a user attribute (a string, number, boolean, null, or a list or map of them). */
    public synchronized void setUserAttr(String key, Object value) {
        checkRunning("set user attribute '" + key + "'");
        AttrValues.check(key, value);
        study.storage().setTrialUserAttr(id, key, value);
        userAttrs.put(key, value);
    }

    /** Sets a system attribute; for samplers and pruners that keep per-trial state. */
    public synchronized void setSystemAttr(String key, Object value) {
        checkRunning("set system attribute '" + key + "'");
        AttrValues.check(key, value);
        study.storage().setTrialSystemAttr(id, key, value);
        systemAttrs.put(key, value);
    }

    /** The parameters suggested so far, by name. */
    public synchronized Map<String, Object> params() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The distributions of the parameters suggested so far. */
    public synchronized Map<String, Distribution> distributions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** The user attributes. */
    public synchronized Map<String, Object> userAttrs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
    }

    /** The system attributes (grid point, fixed parameters, …). */
    public synchronized Map<String, Object> systemAttrs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }

    /** The intermediate values reported so far, by step. */
    public synchronized Map<Integer, Double> intermediateValues() {
        return Collections.unmodifiableMap(new TreeMap<>(intermediateValues));
    }

    /** A snapshot of the trial as it is now (RUNNING while it runs). */
    public synchronized FrozenTrial snapshot() {
        FrozenTrial.Builder b = FrozenTrial.builder().id(id).number(number).state(state()).started(started);
        params.forEach((name, value) -> b.param(name, value, distributions.get(name)));
        userAttrs.forEach(b::userAttr);
        systemAttrs.forEach(b::systemAttr);
        intermediateValues.forEach(b::intermediateValue);
        return b.build();
    }

    /** The last reported value, or null. */
    synchronized Double lastIntermediateValue() {
        return intermediateValues.isEmpty() ? null : intermediateValues.lastEntry().getValue();
    }

    void markFinished(TrialState state) {
        finishedAs = state;
    }

    private void checkRunning(String action) {
        TrialState s = finishedAs;
        if (s != null) {
            throw new IllegalStateException("cannot " + action + " in trial " + number + ": the trial has already"
                    + " finished as " + s + "; trials cannot change after they have been told their result");
        }
    }

    /** Lets a timeout or a notebook interrupt stop a trial at its next report or pruning check. */
    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TrialInterruptedException();
        }
    }

    @Override
    public String toString() {
        return "Trial #" + number + " " + state() + " params=" + params();
    }
}
