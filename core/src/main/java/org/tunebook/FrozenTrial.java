package org.tunebook;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tunebook.distributions.Distribution;

/**
 * An immutable snapshot of a trial: its number, state, objective values, parameters with their
 * distributions, intermediate values and attributes. Storages return trials as {@code FrozenTrial}s;
 * build one with {@link #builder()} to add an evaluation made elsewhere ({@link Study#addTrial}).
 */
public final class FrozenTrial {

    /** The system attribute holding why a trial failed (Optuna's name). */
    public static final String FAIL_REASON = "fail_reason";

    private final long id;
    private final int number;
    private final TrialState state;
    private final double[] values;
    private final Instant started;
    private final Instant completed;
    private final Map<String, Object> params;
    private final Map<String, Distribution> distributions;
    private final Map<String, Object> userAttrs;
    private final Map<String, Object> systemAttrs;
    private final SortedMap<Integer, Double> intermediateValues;

    private FrozenTrial(Builder b) {
        this.id = b.id;
        this.number = b.number;
        this.state = b.state;
        this.values = b.values == null ? null : b.values.clone();
        this.started = b.started;
        this.completed = b.completed;
        // The builder hands its maps over and copies them if it is used again (see Builder.unshare).
        this.params = Collections.unmodifiableMap(b.params);
        this.distributions = Collections.unmodifiableMap(b.distributions);
        this.userAttrs = Collections.unmodifiableMap(b.userAttrs);
        this.systemAttrs = Collections.unmodifiableMap(b.systemAttrs);
        this.intermediateValues = Collections.unmodifiableSortedMap(b.intermediateValues);
    }

    /** A builder for a trial, by default COMPLETE and without values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder prefilled with this trial's content. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).number(number).state(state).started(started).completed(completed);
        b.values = values == null ? null : values.clone();
        b.params.putAll(params);
        b.distributions.putAll(distributions);
        b.userAttrs.putAll(userAttrs);
        b.systemAttrs.putAll(systemAttrs);
        b.intermediateValues.putAll(intermediateValues);
        return b;
    }

    /** The storage's identifier of this trial (unique within a storage, unlike {@link #number()}). */
    public long id() {
        return id;
    }

    /** The trial's number within its study: 0, 1, 2, … without gaps. */
    public int number() {
        return number;
    }

    /** The trial's state. */
    public TrialState state() {
        return state;
    }

    /** Whether the trial has objective values (COMPLETE trials, and PRUNED ones that reported). */
    public boolean hasValue() {
        return values != null;
    }

    /**
     * The objective value of a single-objective trial.
     *
     * @throws IllegalStateException if the trial has no value or several
     */
    public double value() {
        if (values == null) {
            throw new IllegalStateException("trial " + number + " has no value (it is " + state + ")");
        }
        if (values.length != 1) {
            throw new IllegalStateException("trial " + number + " has " + values.length
                    + " objective values; use values()");
        }
        return values[0];
    }

    /** The objective values (a copy), or an empty array when there are none. */
    public double[] values() {
        return values == null ? new double[0] : values.clone();
    }

    /** The parameters by name, as the objective saw them, in the order they were suggested. */
    public Map<String, Object> params() {
        return params;
    }

    /** The distribution each parameter was drawn from. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /** The internal (sampler-side) value of a parameter, or NaN if the trial has no such parameter. */
    public double internalParam(String name) {
        Distribution d = distributions.get(name);
        return d == null ? Double.NaN : d.toInternal(params.get(name));
    }

    /** User attributes. */
    public Map<String, Object> userAttrs() {
        return userAttrs;
    }

    /** Attributes kept by samplers, pruners and the runner (fixed parameters, grid ids, failure reasons). */
    public Map<String, Object> systemAttrs() {
        return systemAttrs;
    }

    /** Values reported with {@link Trial#report}, by step. */
    public SortedMap<Integer, Double> intermediateValues() {
        return intermediateValues;
    }

    /** The last step reported, if any. */
    public Optional<Integer> lastStep() {
        return intermediateValues.isEmpty() ? Optional.empty() : Optional.of(intermediateValues.lastKey());
    }

    /** Why the trial failed, for FAIL trials that recorded a reason. */
    public Optional<String> failReason() {
        Object reason = systemAttrs.get(FAIL_REASON);
        return Optional.ofNullable(reason == null ? null : reason.toString());
    }

    /** When the trial started (null for WAITING trials). */
    public Instant started() {
        return started;
    }

    /** When the trial finished (null unless finished). */
    public Instant completed() {
        return completed;
    }

    /** Wall-clock duration, for finished trials. */
    public Optional<Duration> duration() {
        return started == null || completed == null ? Optional.empty() : Optional.of(Duration.between(started, completed));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Trial #").append(number).append(' ').append(state);
        if (values != null) {
            s.append(values.length == 1 ? " value=" + values[0] : " values=" + Arrays.toString(values));
        }
        s.append(" params=").append(params);
        failReason().ifPresent(r -> s.append(" reason=").append(r));
        return s.toString();
    }

    /** Builds a {@link FrozenTrial}. Parameters need a distribution each. */
    public static final class Builder {
        private long id = -1;
        private int number = -1;
        private TrialState state = TrialState.COMPLETE;
        private double[] values;
        private Instant started;
        private Instant completed;
        private Map<String, Object> params = new LinkedHashMap<>();
        private Map<String, Distribution> distributions = new LinkedHashMap<>();
        private Map<String, Object> userAttrs = new LinkedHashMap<>();
        private Map<String, Object> systemAttrs = new LinkedHashMap<>();
        private SortedMap<Integer, Double> intermediateValues = new TreeMap<>();
        private boolean shared;

        private Builder() {
        }

        /** After a build, the maps belong to the built trial: copy them before changing anything. */
        private void unshare() {
            if (shared) {
                params = new LinkedHashMap<>(params);
                distributions = new LinkedHashMap<>(distributions);
                userAttrs = new LinkedHashMap<>(userAttrs);
                systemAttrs = new LinkedHashMap<>(systemAttrs);
                intermediateValues = new TreeMap<>(intermediateValues);
                shared = false;
            }
        }

        /** Storage identifier. */
        public Builder id(long id) {
            this.id = id;
            return this;
        }

        /** Trial number (assigned by the study when adding). */
        public Builder number(int number) {
            this.number = number;
            return this;
        }

        /** State. */
        public Builder state(TrialState state) {
            this.state = state;
            return this;
        }

        /** The single objective value. */
        public Builder value(double value) {
            this.values = new double[] {value};
            return this;
        }

        /** All objective values, or null for none. */
        public Builder values(double... values) {
            this.values = values == null ? null : values.clone();
            return this;
        }

        /** A parameter, its external value and its distribution. */
        public Builder param(String name, Object value, Distribution distribution) {
            unshare();
            params.put(name, value);
            distributions.put(name, distribution);
            return this;
        }

        /** An intermediate value. */
        public Builder intermediateValue(int step, double value) {
            unshare();
            intermediateValues.put(step, value);
            return this;
        }

        /** A user attribute. */
        public Builder userAttr(String key, Object value) {
            unshare();
            userAttrs.put(key, value);
            return this;
        }

        /** A system attribute. */
        public Builder systemAttr(String key, Object value) {
            unshare();
            systemAttrs.put(key, value);
            return this;
        }

        /** Start time. */
        public Builder started(Instant started) {
            this.started = started;
            return this;
        }

        /** Completion time. */
        public Builder completed(Instant completed) {
            this.completed = completed;
            return this;
        }

        /** The parameter names set so far. */
        List<String> paramNames() {
            return List.copyOf(params.keySet());
        }

        /** Builds the snapshot. */
        public FrozenTrial build() {
            FrozenTrial trial = new FrozenTrial(this);
            shared = true;
            return trial;
        }
    }
}
