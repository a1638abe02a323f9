package org.tunebook.pruners;

import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * Prunes a trial whose latest intermediate value falls below a lower bound, rises above an upper bound, or is NaN
 * (Optuna's {@code ThresholdPruner}): a guard against diverging or stuck runs, independent of other trials.
 *
 * <pre>{@code
 * new ThresholdPruner(0.0, 1.0);                              // loss must stay within [0, 1]
 * ThresholdPruner.builder().upper(10).warmupSteps(5).build(); // only an upper bound, checked from step 5
 * }</pre>
 *
 * <p>Infinite reports are compared like any value: {@code +inf} is pruned only when an upper bound is set.
 */
public final class ThresholdPruner implements Pruner {

    private final double lower;
    private final double upper;
    private final int warmupSteps;
    private final int intervalSteps;

    /**
     * Prunes values below {@code lower} or above {@code upper}, checked at every step. Pass an infinity for a side
     * without bound.
     */
    public ThresholdPruner(double lower, double upper) {
        this(lower, upper, 0, 1);
    }

    private ThresholdPruner(double lower, double upper, int warmupSteps, int intervalSteps) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("threshold bounds must be numbers, got lower=" + lower + " upper=" + upper);
        }
        if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a threshold pruner needs a lower or an upper bound");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.warmupSteps = PruningSteps.checkWarmup(warmupSteps);
        this.intervalSteps = PruningSteps.checkInterval(intervalSteps);
    }

    /** A builder for bounds on one or both sides, warm-up and interval. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        if (!PruningSteps.isCheckedStep(trial, warmupSteps, intervalSteps)) {
            return false;
        }
        double latest = trial.intermediateValues().get(trial.intermediateValues().lastKey());
        return Double.isNaN(latest) || latest < lower || latest > upper;
    }

    @Override
    public String toString() {
        return "ThresholdPruner(lower=" + lower + ", upper=" + upper + ", warmupSteps=" + warmupSteps
                + ", intervalSteps=" + intervalSteps + ")";
    }

    /** Configures a {@link ThresholdPruner}; each setting is checked when the pruner is built. */
    public static final class Builder {
        private double lower = Double.NEGATIVE_INFINITY;
        private double upper = Double.POSITIVE_INFINITY;
        private int warmupSteps;
        private int intervalSteps = 1;

        private Builder() {
        }

        /** Values below this are pruned. */
        public Builder lower(double lower) {
            this.lower = lower;
            return this;
        }

        /** Values above this are pruned. */
        public Builder upper(double upper) {
            this.upper = upper;
            return this;
        }

        /** No pruning before this step (default 0). */
        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = PruningSteps.checkWarmup(warmupSteps);
            return this;
        }

        /** Checks once per this many steps after the warm-up (default 1). */
        public Builder intervalSteps(int intervalSteps) {
            this.intervalSteps = PruningSteps.checkInterval(intervalSteps);
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException without any bound, with a NaN bound, or with lower above upper
         */
        public ThresholdPruner build() {
            return new ThresholdPruner(lower, upper, warmupSteps, intervalSteps);
        }
    }
}
