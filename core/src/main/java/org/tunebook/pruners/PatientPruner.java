package org.tunebook.pruners;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * Lets a trial go on while it still improves (Optuna's {@code PatientPruner}): only once the trial's best value of
 * its last {@code patience + 1} reports is no better than its best value before them (by more than
 * {@code minDelta}) is the wrapped pruner asked, or, without one, the trial pruned.
 *
 * <pre>{@code
 * new PatientPruner(new MedianPruner(), 3);     // the median rule, but only for trials stuck for 3 steps
 * new PatientPruner(5, 0.001);                  // plain early stopping: no gain of 0.001 within 5 steps
 * }</pre>
 *
 * <p>NaN reports are ignored when taking the best values; if either part has only NaN, the trial is not pruned.
 */
public final class PatientPruner implements Pruner {

    private final Pruner wrapped;
    private final int patience;
    private final double minDelta;

    /** Asks {@code wrapped} once the trial has not improved for {@code patience} steps. */
    public PatientPruner(Pruner wrapped, int patience) {
        this(wrapped, patience, 0.0);
    }

    /** Asks {@code wrapped} once the trial has not improved by more than {@code minDelta} for {@code patience} steps. */
    public PatientPruner(Pruner wrapped, int patience, double minDelta) {
        if (wrapped == null) {
            throw new IllegalArgumentException("the wrapped pruner must not be null; for plain early stopping use"
                    + " new PatientPruner(patience, minDelta)");
        }
        this.wrapped = wrapped;
        this.patience = checkPatience(patience);
        this.minDelta = checkMinDelta(minDelta);
    }

    /** Prunes a trial that has not improved by more than {@code minDelta} for {@code patience} steps. */
    public PatientPruner(int patience, double minDelta) {
        this.wrapped = null;
        this.patience = checkPatience(patience);
        this.minDelta = checkMinDelta(minDelta);
    }

    private static int checkPatience(int patience) {
        Settings.atLeast("patience", patience, 0);
        return patience;
    }

    private static double checkMinDelta(double minDelta) {
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minimum delta must be a finite number >= 0, got " + minDelta);
        }
        return minDelta;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        int reports = trial.intermediateValues().size();
        if (reports <= patience + 1) {
            return false;
        }
        List<Double> values = new ArrayList<>(trial.intermediateValues().values()); // in step order
        Direction direction = study.direction();
        double before = best(values.subList(0, reports - patience - 1), direction);
        double after = best(values.subList(reports - patience - 1, reports), direction);
        boolean stuck = direction == Direction.MINIMIZE ? before + minDelta < after : before - minDelta > after;
        if (!stuck) {
            return false;
        }
        return wrapped == null || wrapped.prune(study, trial);
    }

    /** The best non-NaN value, NaN if all are NaN (then every comparison above is false, as with numpy's nanmin). */
    private static double best(List<Double> values, Direction direction) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "PatientPruner(" + (wrapped == null ? "" : wrapped + ", ") + "patience=" + patience + ", minDelta="
                + minDelta + ")";
    }
}
