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
        if (startupTrials < 0) {
            throw new IllegalArgumentException("startup trials must be >= 0, got " + startupTrials);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
        }
        if (intervalSteps < 1) {
            throw new IllegalArgumentException("interval steps must be >= 1, got " + intervalSteps);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minimum trials must be >= 1, got " + minTrials);
        }
        this.percentile = percentile;
        this.startupTrials = startupTrials;
        this.warmupSteps = warmupSteps;
        this.intervalSteps = intervalSteps;
        this.minTrials = minTrials;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        if (study.isMultiObjective()) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " cannot prune trials of a multi-objective study");
        }
        if (trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        if (step < warmupSteps || !isFirstInInterval(step, trial)) {
            return false;
        }
        List<FrozenTrial> completed = study.trials(TrialState.COMPLETE);
        if (completed.isEmpty() || completed.size() < startupTrials) {
            return false;
        }
        Direction direction = study.direction();
        double best = bestIntermediate(trial, direction);
        if (Double.isNaN(best)) {
            return true;
        }
        double threshold = percentileAtStep(completed, step, direction);
        if (Double.isNaN(threshold)) {
            return false;
        }
        return direction == Direction.MAXIMIZE ? best < threshold : best > threshold;
    }

    /** Whether {@code step} is the first reported step of its pruning interval. */
    private boolean isFirstInInterval(int step, FrozenTrial trial) {
        int nearestLowerPruningStep = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        int secondLast = -1;
        for (int s : trial.intermediateValues().keySet()) {
            if (s != step && s > secondLast) {
                secondLast = s;
            }
        }
        return secondLast < nearestLowerPruningStep;
    }

    private static double bestIntermediate(FrozenTrial trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.intermediateValues().values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    private double percentileAtStep(List<FrozenTrial> completed, int step, Direction direction) {
        double[] values = completed.stream().map(t -> t.intermediateValues().get(step))
                .filter(v -> v != null && !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray();
        if (values.length < minTrials || values.length == 0) {
            return Double.NaN;
        }
        double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
        return linearPercentile(values, q);
    }

    /** The q-th percentile with linear interpolation between closest ranks (numpy's default). */
    static double linearPercentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(percentile=" + percentile + ", startupTrials=" + startupTrials
                + ", warmupSteps=" + warmupSteps + ", intervalSteps=" + intervalSteps + ", minTrials=" + minTrials + ")";
    }
}
