package org.tunebook.pruners;

import java.util.Collection;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;

/** Step arithmetic shared by the pruners: warm-up, check intervals, a trial's best value over its steps. */
final class PruningSteps {

    private PruningSteps() {
    }

    /**
     * Whether {@code step}, a trial's latest report, is the first report in its pruning interval: the intervals
     * start at {@code warmupSteps} and are {@code intervalSteps} long, and a check that found no report is
     * postponed to the next report (Optuna's rule).
     */
    static boolean isFirstInInterval(int step, Collection<Integer> reportedSteps, int warmupSteps, int intervalSteps) {
        int nearestLowerPruningStep = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        int secondLast = -1;
        for (int s : reportedSteps) {
            if (s != step && s > secondLast) {
                secondLast = s;
            }
        }
        return secondLast < nearestLowerPruningStep;
    }

    /** Whether the trial's latest step is checked: past the warm-up and first in its interval. */
    static boolean isCheckedStep(FrozenTrial trial, int warmupSteps, int intervalSteps) {
        if (trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        return step >= warmupSteps
                && isFirstInInterval(step, trial.intermediateValues().keySet(), warmupSteps, intervalSteps);
    }

    /** The best non-NaN intermediate value of a trial, or NaN if it reported only NaN (or nothing). */
    static double bestIntermediate(FrozenTrial trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.intermediateValues().values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    /** Checks a warm-up setting. */
    static int checkWarmup(int warmupSteps) {
        Settings.atLeast("warm-up steps", warmupSteps, 0);
        return warmupSteps;
    }

    /** Checks an interval setting. */
    static int checkInterval(int intervalSteps) {
        Settings.atLeast("interval steps", intervalSteps, 1);
        return intervalSteps;
    }
}
