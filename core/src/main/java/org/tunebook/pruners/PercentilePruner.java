package org.tunebook.pruners;

import java.util.Arrays;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the values that
 * completed trials reported at the same step (Optuna's semantics).
 *
 * <ul>
 *   <li>{@code startupTrials}: no pruning until this many trials have completed;</li>
 *   <li>{@code warmupSteps}: no pruning before this step;</li>
 *   <li>{@code intervalSteps}: pruning is checked once per interval of steps;</li>
 *   <li>{@code minTrials}: the minimum number of completed trials that reported at the step.</li>
 * </ul>
 */
public class PercentilePruner implements Pruner {

    private final double percentile;
    private final int startupTrials;
    private final int warmupSteps;
    private final int intervalSteps;
    private final int minTrials;

    /** A pruner at {@code percentile} (0–100) with Optuna's defaults: 5 startup trials, no warm-up. */
    public PercentilePruner(double percentile) {
        this(percentile, 5, 0, 1, 1);
    }

    /** A fully configured pruner; every setting is validated here. */
    public PercentilePruner(double percentile, int startupTrials, int warmupSteps, int intervalSteps, int minTrials) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
        }
        Settings.atLeast("startup trials", startupTrials, 0);
        Settings.atLeast("minimum trials", minTrials, 1);
        this.percentile = percentile;
        this.startupTrials = startupTrials;
        this.warmupSteps = PruningSteps.checkWarmup(warmupSteps);
        this.intervalSteps = PruningSteps.checkInterval(intervalSteps);
        this.minTrials = minTrials;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        if (study.isMultiObjective()) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " cannot prune trials of a multi-objective study");
        }
        if (!PruningSteps.isCheckedStep(trial, warmupSteps, intervalSteps)) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        List<FrozenTrial> completed = study.trials(TrialState.COMPLETE);
        if (completed.isEmpty() || completed.size() < startupTrials) {
            return false;
        }
        Direction direction = study.direction();
        double best = PruningSteps.bestIntermediate(trial, direction);
        if (Double.isNaN(best)) {
            return true;
        }
        double threshold = percentileAtStep(completed, step, direction);
        if (Double.isNaN(threshold)) {
            return false;
        }
        return direction == Direction.MAXIMIZE ? best < threshold : best > threshold;
    }

    /**
     * The percentile of the completed trials' reports at {@code step}, or NaN when fewer than {@code minTrials}
     * reported there. As in Optuna, NaN reports count towards {@code minTrials} but not in the percentile.
     */
    private double percentileAtStep(List<FrozenTrial> completed, int step, Direction direction) {
        double[] reported = completed.stream().map(t -> t.intermediateValues().get(step)).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray();
        double[] values = Arrays.stream(reported).filter(v -> !Double.isNaN(v)).toArray();
        if (reported.length < minTrials || values.length == 0) {
            return Double.NaN;
        }
        double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
        return linearPercentile(values, q);
    }

    /**
     * The q-th percentile with linear interpolation between closest ranks, computed as numpy does: between the
     * value at the rank's floor and the next one, from the nearer side. With infinite values this gives what numpy
     * gives, NaN in many cases (an infinity times a zero weight), and a NaN threshold prunes nothing, as in Optuna.
     */
    static double linearPercentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        double a = sorted[lo];
        double b = sorted[Math.min(lo + 1, sorted.length - 1)];
        double t = rank - lo;
        return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(percentile=" + percentile + ", startupTrials=" + startupTrials
                + ", warmupSteps=" + warmupSteps + ", intervalSteps=" + intervalSteps + ", minTrials=" + minTrials + ")";
    }
}
