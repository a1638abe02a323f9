package org.tunebook.pruners;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Hyperband (Optuna's {@code HyperbandPruner}): several brackets of {@linkplain SuccessiveHalvingPruner successive
 * halving}, from aggressive (first rung after {@code minResource} steps) to patient, so that no single choice of
 * the first rung decides the run. Each trial belongs to one bracket and competes only with the trials of its
 * bracket.
 *
 * <pre>{@code
 * new HyperbandPruner();                                                       // Optuna's defaults
 * HyperbandPruner.builder().minResource(1).maxResource(50).reductionFactor(3).build();
 * }</pre>
 *
 * <p>There are {@code floor(log_reductionFactor(maxResource / minResource)) + 1} brackets; bracket {@code b} is
 * successive halving with minimum early-stopping rate {@code b}. Trials are spread over the brackets in
 * proportion to Hyperband's budgets, by a CRC-32 hash of the study name and trial number, exactly as Optuna
 * spreads them, so the same trial falls into the same bracket in tunebook, in Optuna and after a resume. The
 * rung values are the successive-halving attributes {@code completed_rung_N} of each trial.
 *
 * <p>With the automatic maximum resource (the default), the brackets are set up once a trial has completed (its
 * last step + 1); nothing is pruned before.
 */
public final class HyperbandPruner implements Pruner {

    private static final int AUTO = 0;

    private final int minResource;
    private final int maxResource;
    private final int reductionFactor;
    private final int bootstrapCount;
    private volatile Brackets brackets;

    /** Optuna's defaults: minimum resource 1, automatic maximum resource, reduction factor 3, no bootstrap. */
    public HyperbandPruner() {
        this(1, AUTO, 3, 0);
    }

    private HyperbandPruner(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
        if (bootstrapCount > 0 && maxResource == AUTO) {
            throw new IllegalArgumentException("a bootstrap count (" + bootstrapCount + ") needs an explicit maximum"
                    + " resource, not the automatic one");
        }
        if (maxResource != AUTO && maxResource < minResource) {
            throw new IllegalArgumentException("maximum resource " + maxResource + " is below minimum resource "
                    + minResource);
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.reductionFactor = reductionFactor;
        this.bootstrapCount = bootstrapCount;
    }

    /** A builder for every setting. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        Brackets b = brackets(study);
        if (b == null) {
            return false;
        }
        int bracket = b.of(study.name(), trial.number());
        return b.pruners.get(bracket).prune(study, trial, () -> b.filter(study.name(), study.trials(), bracket));
    }

    /**
     * The bracket of trial {@code trialNumber}, from 0 (the most aggressive) to {@link #bracketCount(Study)} - 1; 0
     * while the brackets are not set up yet, as in Optuna. Samplers that model each bracket on its own trials (as
     * Optuna's do) use this: {@code TpeSampler} and {@code GpSampler} give a trial only the trials of its bracket.
     */
    public int bracketOf(Study study, int trialNumber) {
        Brackets b = brackets(study);
        return b == null ? 0 : b.of(study.name(), trialNumber);
    }

    /** The number of brackets, or 0 while the automatic maximum resource is not known yet. */
    public int bracketCount(Study study) {
        Brackets b = brackets(study);
        return b == null ? 0 : b.pruners.size();
    }

    private Brackets brackets(Study study) {
        Brackets b = brackets;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (brackets == null) {
                int max = maxResource != AUTO ? maxResource : estimateMaxResource(study);
                if (max != AUTO) {
                    brackets = new Brackets(max);
                }
            }
            return brackets;
        }
    }

    /** The last step + 1 of the longest completed trial, or {@link #AUTO} if none has completed. */
    private static int estimateMaxResource(Study study) {
        int last = -1;
        for (FrozenTrial t : study.trials(TrialState.COMPLETE)) {
            if (!t.intermediateValues().isEmpty()) {
                last = Math.max(last, t.intermediateValues().lastKey());
            }
        }
        return last < 0 ? AUTO : last + 1;
    }

    @Override
    public String toString() {
        return "HyperbandPruner(minResource=" + minResource + ", maxResource="
                + (maxResource == AUTO ? "auto" : maxResource) + ", reductionFactor=" + reductionFactor
                + ", bootstrapCount=" + bootstrapCount + ")";
    }

    /** The brackets once the maximum resource is known: their successive-halving pruners and trial budgets. */
    private final class Brackets {
        final List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
        final long[] budgets;
        final long totalBudget;

        Brackets(int max) {
            // floor(log_eta(max / min)) + 1, computed as Python's math.log(x, base) computes it
            int n = (int) Math.floor(Math.log((double) max / minResource) / Math.log(reductionFactor)) + 1;
            budgets = new long[n];
            long total = 0;
            for (int bracket = 0; bracket < n; bracket++) {
                int s = n - 1 - bracket;
                budgets[bracket] = (long) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
                total += budgets[bracket];
                pruners.add(SuccessiveHalvingPruner.builder().minResource(minResource).reductionFactor(reductionFactor)
                        .minEarlyStoppingRate(bracket).bootstrapCount(bootstrapCount).build());
            }
            totalBudget = total;
        }

        /** The bracket of a trial: CRC-32 of "{study}_{number}" modulo the total budget, cut by the budgets. */
        int of(String studyName, int trialNumber) {
            CRC32 crc = new CRC32();
            crc.update((studyName + "_" + trialNumber).getBytes(StandardCharsets.UTF_8));
            long n = crc.getValue() % totalBudget;
            for (int bracket = 0; bracket < budgets.length; bracket++) {
                n -= budgets[bracket];
                if (n < 0) {
                    return bracket;
                }
            }
            throw new AssertionError("unreachable: the budgets add up to the modulus");
        }

        List<FrozenTrial> filter(String studyName, List<FrozenTrial> trials, int bracket) {
            List<FrozenTrial> same = new ArrayList<>();
            for (FrozenTrial t : trials) {
                if (of(studyName, t.number()) == bracket) {
                    same.add(t);
                }
            }
            return same;
        }
    }

    /** Configures a {@link HyperbandPruner}; each setting is checked when it is made. */
    public static final class Builder {
        private int minResource = 1;
        private int maxResource = AUTO;
        private int reductionFactor = 3;
        private int bootstrapCount;

        private Builder() {
        }

        /** The steps of the most aggressive bracket's first rung; at least 1, default 1. */
        public Builder minResource(int minResource) {
            this.minResource = Settings.atLeast("minimum resource", minResource, 1);
            return this;
        }

        /** The number of steps of a full trial (epochs, say); at least 1. */
        public Builder maxResource(int maxResource) {
            if (maxResource < 1) {
                throw new IllegalArgumentException("maximum resource must be >= 1 (or automatic), got " + maxResource);
            }
            this.maxResource = maxResource;
            return this;
        }

        /** Takes the maximum resource from the first completed trial (the default). */
        public Builder autoMaxResource() {
            this.maxResource = AUTO;
            return this;
        }

        /** About 1 / {@code reductionFactor} of the trials are promoted at each rung; at least 2, default 3. */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = Settings.atLeast("reduction factor", reductionFactor, 2);
            return this;
        }

        /** How many trials must have reached a rung of a bracket before one is promoted; default 0. */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = Settings.atLeast("bootstrap count", bootstrapCount, 0);
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException for a maximum below the minimum resource, or a bootstrap count with
         *     the automatic maximum resource
         */
        public HyperbandPruner build() {
            return new HyperbandPruner(minResource, maxResource, reductionFactor, bootstrapCount);
        }
    }
}
