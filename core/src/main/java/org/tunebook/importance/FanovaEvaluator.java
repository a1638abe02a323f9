package org.tunebook.importance;

import java.util.Map;

/**
 * fANOVA importance (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing Hyperparameter
 * Importance", ICML 2014), as Optuna's {@code FanovaImportanceEvaluator} computes it: a random forest
 * predicts the target from the parameters, and a parameter's importance is the share of each tree's variance
 * that the tree's marginal in that parameter explains, averaged over the trees.
 *
 * <p>The forest works on internal values, with log-scaled parameters in log space and categorical ones as
 * the index of their choice; every value of a discrete parameter counts with equal weight. The same seed
 * gives the same importances for the same trials.
 *
 * <pre>{@code
 * Map<String, Double> importances = Importance.of(study, new FanovaEvaluator(42));
 * }</pre>
 */
public final class FanovaEvaluator implements ImportanceEvaluator {

    /** The seed of {@link #FanovaEvaluator()}, so that the default importances do not change between calls. */
    public static final long DEFAULT_SEED = 0;

    private final Forest forest;

    /** 64 trees of depth at most 64, as in Optuna, with the seed {@link #DEFAULT_SEED}. */
    public FanovaEvaluator() {
        this(DEFAULT_SEED);
    }

    /** 64 trees of depth at most 64, grown from {@code seed}. */
    public FanovaEvaluator(long seed) {
        this(64, 64, seed);
    }

    /**
     * A forest of {@code trees} trees of at most {@code maxDepth} levels.
     *
     * @throws IllegalArgumentException if {@code trees} or {@code maxDepth} is less than 1
     */
    public FanovaEvaluator(int trees, int maxDepth, long seed) {
        this.forest = new Forest("fANOVA", trees, maxDepth, seed);
    }

    @Override
    public Map<String, Double> evaluate(ImportanceInput input) {
        return forest.averageOverTrees(input, (tree, features) -> {
            FanovaTree anova = new FanovaTree(tree, features.bounds);
            double variance = anova.variance();
            if (!(variance > 0)) {
                return null;
            }
            double[] shares = new double[input.params().size()];
            for (int f = 0; f < shares.length; f++) {
                shares[f] = anova.marginalVariance(f) / variance;
            }
            return shares;
        });
    }

    @Override
    public String toString() {
        return "FanovaEvaluator(" + forest + ")";
    }
}
