package org.tunebook.samplers;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * Tries every combination of a small discrete search space once, in a random order, and stops the study
 * when all have been tried. The space is defined by running code, so conditional spaces work: after
 * {@code model = "svm"} only the svm parameters are enumerated, and a branch counts as done when each of
 * its combinations has been tried.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new BruteForceSampler(42)).create();
 * study.optimize(t -> score(t.suggestCategorical("kernel", "rbf", "linear"), t.suggestInt("degree", 1, 3)),
 *                Run.trials(1000));   // stops after the 6 combinations
 * }</pre>
 *
 * <p>Every parameter must have finitely many values: ints, stepped floats, categorical choices. A continuous
 * float fails its trial with a message naming the parameter. Complete, pruned and failed trials count as
 * tried, and a new trial is refused ({@link SearchSpaceExhaustedException}) once they cover every
 * combination. Running trials count as tried when choosing values, so parallel workers do not repeat each
 * other, except at the very end, where a worker may repeat a combination that another is still running
 * (refusing it could stop the study while a running trial's branch still has untried values). Each
 * trial's choices come from the seed and the trial number; with several workers the order depends on
 * which trials are running, as in Optuna.
 */
public final class BruteForceSampler implements Sampler {

    private static final EnumSet<TrialState> TRIED =
            EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING);
    private static final EnumSet<TrialState> DONE = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);

    private final long seed;

    /** A sampler with a fresh random order. */
    public BruteForceSampler() {
        this(Seeds.fresh());
    }

    /** A sampler whose order is fixed by {@code seed}. */
    public BruteForceSampler(long seed) {
        this.seed = seed;
    }

    /** The seed of the visiting order. */
    public long seed() {
        return seed;
    }

    /**
     * The number of values brute force enumerates for a distribution.
     *
     * @throws IllegalArgumentException for a continuous float, naming the parameter
     */
    static long valueCount(String name, Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.step() == null) {
                throw new IllegalArgumentException("BruteForceSampler cannot enumerate parameter '" + name + "': " + f
                        + " is continuous. Give it a step (suggestFloat(name, low, high, step)) or use another sampler");
            }
            return BigDecimal.valueOf(f.high()).subtract(BigDecimal.valueOf(f.low()))
                    .divideToIntegralValue(BigDecimal.valueOf(f.step())).longValueExact() + 1;
        }
        if (d instanceof IntDistribution i) {
            return ((long) i.high() - i.low()) / i.step() + 1;
        }
        return ((CategoricalDistribution) d).choices().size();
    }

    /** The internal value of the {@code k}-th value of a distribution, on its decimal grid. */
    static double valueAt(Distribution d, long k) {
        if (d instanceof FloatDistribution f) {
            return f.snap(BigDecimal.valueOf(f.low()).add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(f.step())))
                    .doubleValue());
        }
        if (d instanceof IntDistribution i) {
            return i.low() + k * (long) i.step();
        }
        return k;
    }

    /** The index of an internal value among a distribution's values, or -1 if it is not one of them. */
    static long indexOf(Distribution d, double internal) {
        if (d instanceof FloatDistribution f) {
            long k = Math.round((internal - f.low()) / f.step());
            return k >= 0 && k < valueCount("", d) && f.snap(valueAt(d, k)) == internal ? k : -1;
        }
        if (d instanceof IntDistribution i) {
            long offset = (long) internal - i.low();
            return offset >= 0 && offset % i.step() == 0 && internal <= i.high() ? offset / i.step() : -1;
        }
        return internal >= 0 && internal < valueCount("", d) ? (long) internal : -1;
    }

    @Override
    public Map<String, Object> beforeTrial(Study study) {
        BruteForceTree tree = BruteForceTree.of(study.trials(DONE.toArray(new TrialState[0])), null);
        if (tree.isExhausted()) {
            throw new SearchSpaceExhaustedException("every combination of the search space of study '" + study.name()
                    + "' has been tried (" + tree.leafCount() + " trials)");
        }
        return Map.of();
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        long count = valueCount(name, distribution);
        List<FrozenTrial> others = study.trials(TRIED.toArray(new TrialState[0]));
        BruteForceTree tree = BruteForceTree.of(others, trial.id());
        SplittableRandom rng = Seeds.forParam(seed, trial.number(), name);
        long k = tree.pick(trial.params(), trial.distributions(), name, distribution, count, rng);
        return valueAt(distribution, k);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (BruteForceTree.of(study.trials(DONE.toArray(new TrialState[0])), null).isExhausted()) {
            study.stop();
        }
    }

    @Override
    public String toString() {
        return "BruteForceSampler(seed=" + seed + ")";
    }
}
