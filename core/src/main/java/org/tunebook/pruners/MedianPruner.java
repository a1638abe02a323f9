package org.tunebook.pruners;

/**
 * Prunes a trial whose best intermediate value is worse than the median of completed trials' values at the
 * same step: the {@link PercentilePruner} at the 50th percentile.
 */
public final class MedianPruner extends PercentilePruner {

    /** Optuna's defaults: 5 startup trials, no warm-up steps, checked every step. */
    public MedianPruner() {
        super(50);
    }

    /** A median pruner that waits for {@code startupTrials} completed trials and {@code warmupSteps} steps. */
    public MedianPruner(int startupTrials, int warmupSteps) {
        super(50, startupTrials, warmupSteps, 1, 1);
    }

    /** A fully configured median pruner. */
    public MedianPruner(int startupTrials, int warmupSteps, int intervalSteps, int minTrials) {
        super(50, startupTrials, warmupSteps, intervalSteps, minTrials);
    }
}
