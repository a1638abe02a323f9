package org.tunebook.pruners;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.pruners.SignedRankTest.Alternative;

/**
 * Prunes a trial that a Wilcoxon signed-rank test finds worse than the best trial (Optuna's
 * {@code WilcoxonPruner}). Meant for objectives that average evaluations over instances, such as the folds of a
 * cross-validation or a set of problems: report each instance's value with the instance's id as the step, the
 * same id for the same instance in every trial, and in any order (shuffled is best).
 *
 * <pre>{@code
 * Study study = Tune.study().pruner(new WilcoxonPruner(0.1)).create();
 * study.optimize(trial -> {
 *     double c = trial.suggestFloat("c", 1e-3, 1e3, Scale.LOG);
 *     double sum = 0;
 *     int[] folds = shuffledFolds(trial.number());
 *     for (int i = 0; i < folds.length; i++) {
 *         double loss = evaluateFold(c, folds[i]);
 *         sum += loss;
 *         trial.report(loss, folds[i]);
 *         if (trial.shouldPrune()) throw new TrialPrunedException();
 *     }
 *     return sum / folds.length;
 * }, Run.trials(100));
 * }</pre>
 *
 * <p>At each check, the trial's values are paired with the best COMPLETE trial's values at the same steps and the
 * one-sided test asks whether the differences lean the bad way; the trial is pruned when the p-value is below
 * {@code pThreshold}, unless the average of its values so far is already at least as good as the best trial's
 * value (a safety of Optuna's). Nothing is pruned with fewer than {@code startupSteps} pairs, nor while the trial
 * or the best trial has a NaN or infinite report (a warning is logged).
 */
public final class WilcoxonPruner implements Pruner {

    private static final System.Logger LOG = System.getLogger(WilcoxonPruner.class.getName());

    private final double pThreshold;
    private final int startupSteps;
    /** The last best trial warned about, so that the warning comes once, not at every check. */
    private final AtomicInteger warnedBest = new AtomicInteger(-1);

    /** Optuna's defaults: p-value threshold 0.1, no startup steps. */
    public WilcoxonPruner() {
        this(0.1, 0);
    }

    /** Prunes at p-values below {@code pThreshold} (0–1; larger prunes more). */
    public WilcoxonPruner(double pThreshold) {
        this(pThreshold, 0);
    }

    /** Prunes at p-values below {@code pThreshold}, once at least {@code startupSteps} steps can be paired. */
    public WilcoxonPruner(double pThreshold, int startupSteps) {
        if (!(pThreshold >= 0 && pThreshold <= 1)) {
            throw new IllegalArgumentException("p-value threshold must be between 0 and 1, got " + pThreshold);
        }
        Settings.atLeast("startup steps", startupSteps, 0);
        this.pThreshold = pThreshold;
        this.startupSteps = startupSteps;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        Map<Integer, Double> values = trial.intermediateValues();
        if (values.isEmpty()) {
            return false;
        }
        if (!allFinite(values)) {
            if (!Double.isFinite(values.get(trial.intermediateValues().lastKey()))) { // once per such report
                LOG.log(Level.WARNING, "trial {0} reported an infinite or NaN value; WilcoxonPruner will not prune"
                        + " it", trial.number());
            }
            return false;
        }
        FrozenTrial best;
        try {
            best = study.bestTrial();
        } catch (IllegalStateException noCompletedTrial) {
            return false;
        }
        Map<Integer, Double> bestValues = best.intermediateValues();
        if (!allFinite(bestValues)) {
            if (warnedBest.getAndSet(best.number()) != best.number()) {
                LOG.log(Level.WARNING, "the best trial, {0}, reported an infinite or NaN value; WilcoxonPruner will"
                        + " not prune while it is the best", best.number());
            }
            return false;
        }
        List<Double> differences = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            sum += e.getValue();
            Double paired = bestValues.get(e.getKey());
            if (paired != null) {
                differences.add(e.getValue() - paired);
            }
        }
        if (differences.size() < startupSteps) {
            return false;
        }
        double average = sum / values.size();
        Direction direction = study.direction();
        // the trial is worse when its differences lean above zero (minimizing) or below it (maximizing)
        Alternative worse = direction == Direction.MINIMIZE ? Alternative.GREATER : Alternative.LESS;
        boolean averageIsBest = !direction.isBetter(best.value(), average);
        double p = SignedRankTest.pValue(differences.stream().mapToDouble(Double::doubleValue).toArray(), worse);
        return p < pThreshold && !averageIsBest;
    }

    private static boolean allFinite(Map<Integer, Double> values) {
        return values.values().stream().allMatch(Double::isFinite);
    }

    @Override
    public String toString() {
        return "WilcoxonPruner(pThreshold=" + pThreshold + ", startupSteps=" + startupSteps + ")";
    }
}
