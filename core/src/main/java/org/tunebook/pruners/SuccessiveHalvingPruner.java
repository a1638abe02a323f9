package org.tunebook.pruners;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Asynchronous successive halving (ASHA, Optuna's {@code SuccessiveHalvingPruner}). Rung {@code k} ends at step
 * {@code minResource * reductionFactor^(minEarlyStoppingRate + k)}; a trial reaching it is kept only if its value
 * there is in the top {@code 1 / reductionFactor} of the values every trial had when it reached that rung, and is
 * pruned otherwise. Trials are never paused or resumed: a trial that makes the cut just goes on.
 *
 * <pre>{@code
 * new SuccessiveHalvingPruner();                                       // Optuna's defaults
 * SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(3).build();
 * }</pre>
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code minResource}: the steps of the first rung ({@code r} in the paper); by default estimated from the
 *   first completed trials as {@code max(lastStep / 100, 1)}, and nothing is pruned until a trial has
 *   completed;</li>
 *   <li>{@code reductionFactor} (&ge; 2, default 4): about {@code 1 / reductionFactor} of the trials are promoted
 *   at each rung;</li>
 *   <li>{@code minEarlyStoppingRate} (default 0): skips the first rungs ({@code s} in the paper);</li>
 *   <li>{@code bootstrapCount} (default 0): a trial reaching a rung that fewer than this many other trials have
 *   reached is pruned; needs an explicit {@code minResource}.</li>
 * </ul>
 *
 * <p>The value a trial had at each rung is kept in its system attributes, {@code completed_rung_0},
 * {@code completed_rung_1}, … as Optuna keeps it, so a study resumed from a database (or shared with Optuna)
 * prunes the same way. A NaN report at a rung prunes the trial; infinities are ranked like any value.
 */
public final class SuccessiveHalvingPruner implements Pruner {

    private static final int AUTO = 0;

    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    /** The automatic minimum resource, once estimated (0 until then); kept for the pruner's life as in Optuna. */
    private final AtomicInteger estimatedMinResource = new AtomicInteger();

    /** Optuna's defaults: automatic minimum resource, reduction factor 4, no early-stopping rate or bootstrap. */
    public SuccessiveHalvingPruner() {
        this(AUTO, 4, 0, 0);
    }

    private SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
        Settings.atLeast("reduction factor", reductionFactor, 2);
        Settings.atLeast("minimum early-stopping rate", minEarlyStoppingRate, 0);
        Settings.atLeast("bootstrap count", bootstrapCount, 0);
        if (bootstrapCount > 0 && minResource == AUTO) {
            throw new IllegalArgumentException("a bootstrap count (" + bootstrapCount + ") needs an explicit minimum"
                    + " resource, not the automatic one");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.bootstrapCount = bootstrapCount;
    }

    /** A builder for every setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** The system attribute holding a trial's value at the end of rung {@code rung} (Optuna's name). */
    public static String rungKey(int rung) {
        return "completed_rung_" + rung;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return prune(study, trial, study::trials);
    }

    /** Successive halving among {@code trials} only: Hyperband passes the trials of the trial's bracket. */
    boolean prune(Study study, FrozenTrial trial, Supplier<List<FrozenTrial>> trials) {
        if (trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        double value = trial.intermediateValues().get(step);
        int rung = currentRung(trial);
        List<FrozenTrial> others = null;
        while (true) {
            int r = minResource;
            if (r == AUTO) {
                if (others == null) {
                    others = trials.get();
                }
                r = minResource(others);
                if (r == AUTO) {
                    return false;
                }
            }
            if (step < promotionStep(r, rung)) {
                return false;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            if (others == null) {
                others = trials.get();
            }
            String key = rungKey(rung);
            study.storage().setTrialSystemAttr(trial.id(), key, value);
            List<Double> competing = competingValues(others, trial.number(), key);
            competing.add(value);
            if (competing.size() <= bootstrapCount) {
                return true;
            }
            if (!isPromotable(value, competing, study.direction())) {
                return true;
            }
            rung++;
        }
    }

    /** The first rung the trial has not completed yet. */
    private static int currentRung(FrozenTrial trial) {
        int rung = 0;
        while (trial.systemAttrs().containsKey(rungKey(rung))) {
            rung++;
        }
        return rung;
    }

    /** The step at which rung {@code rung} ends, saturating instead of overflowing. */
    private long promotionStep(int resource, int rung) {
        long steps = resource;
        for (int i = 0; i < minEarlyStoppingRate + rung; i++) {
            steps *= reductionFactor;
            if (steps > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return steps;
    }

    /** The explicit minimum resource, or the estimate once a trial has completed, or {@link #AUTO} before. */
    private int minResource(List<FrozenTrial> trials) {
        int known = estimatedMinResource.get();
        if (known != AUTO) {
            return known;
        }
        int lastStep = -1;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && !t.intermediateValues().isEmpty()) {
                lastStep = Math.max(lastStep, t.intermediateValues().lastKey());
            }
        }
        if (lastStep < 0) {
            return AUTO;
        }
        estimatedMinResource.compareAndSet(AUTO, Math.max(lastStep / 100, 1));
        return estimatedMinResource.get();
    }

    private static List<Double> competingValues(List<FrozenTrial> trials, int self, String key) {
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : trials) {
            Object v = t.systemAttrs().get(key);
            if (t.number() != self && v instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        return values;
    }

    /** Whether {@code value} is among the best {@code 1 / reductionFactor} of the competing values (at least the best). */
    private boolean isPromotable(double value, List<Double> competing, Direction direction) {
        int index = Math.max(competing.size() / reductionFactor - 1, 0);
        competing.sort(null);
        return direction == Direction.MAXIMIZE ? value >= competing.get(competing.size() - 1 - index)
                : value <= competing.get(index);
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingPruner(minResource=" + (minResource == AUTO ? "auto" : minResource)
                + ", reductionFactor=" + reductionFactor + ", minEarlyStoppingRate=" + minEarlyStoppingRate
                + ", bootstrapCount=" + bootstrapCount + ")";
    }

    /** Configures a {@link SuccessiveHalvingPruner}; each setting is checked when it is made. */
    public static final class Builder {
        private int minResource = AUTO;
        private int reductionFactor = 4;
        private int minEarlyStoppingRate;
        private int bootstrapCount;

        private Builder() {
        }

        /** The steps of the first rung, at least 1. */
        public Builder minResource(int minResource) {
            if (minResource < 1) {
                throw new IllegalArgumentException("minimum resource must be >= 1 (or automatic), got " + minResource);
            }
            this.minResource = minResource;
            return this;
        }

        /** Estimates the minimum resource from the first completed trial (the default). */
        public Builder autoMinResource() {
            this.minResource = AUTO;
            return this;
        }

        /** About 1 / {@code reductionFactor} of the trials are promoted at each rung; at least 2, default 4. */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = Settings.atLeast("reduction factor", reductionFactor, 2);
            return this;
        }

        /** Skips the first rungs; at least 0, default 0. */
        public Builder minEarlyStoppingRate(int minEarlyStoppingRate) {
            this.minEarlyStoppingRate = Settings.atLeast("minimum early-stopping rate", minEarlyStoppingRate, 0);
            return this;
        }

        /** How many trials must have reached a rung before one is promoted from it; at least 0, default 0. */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = Settings.atLeast("bootstrap count", bootstrapCount, 0);
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException for a bootstrap count with the automatic minimum resource
         */
        public SuccessiveHalvingPruner build() {
            return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate, bootstrapCount);
        }
    }
}
