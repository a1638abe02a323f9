package org.tunebook.importance;

import java.util.LinkedHashMap;
import java.util.List;
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

    private final int trees;
    private final int maxDepth;
    private final long seed;

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
        if (trees < 1) {
            throw new IllegalArgumentException("fANOVA needs at least one tree, got trees=" + trees);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("fANOVA trees need a depth of at least 1, got maxDepth=" + maxDepth);
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.seed = seed;
    }

    @Override
    public Map<String, Double> evaluate(ImportanceInput input) {
        Features features = Features.of(input);
        List<String> params = input.params();
        RandomForest forest = RandomForest.fit(features.columns, input.targets(), trees, maxDepth, seed);
        double[] sums = new double[params.size()];
        int counted = 0;
        for (RegressionTree tree : forest.trees()) {
            FanovaTree anova = new FanovaTree(tree, features.bounds);
            double variance = anova.variance();
            if (!(variance > 0)) {
                continue;
            }
            counted++;
            for (int f = 0; f < params.size(); f++) {
                sums[f] += anova.marginalVariance(f) / variance;
            }
        }
        Map<String, Double> importances = new LinkedHashMap<>();
        for (int f = 0; f < params.size(); f++) {
            importances.put(params.get(f), counted == 0 ? 0.0 : sums[f] / counted);
        }
        return importances;
    }

    @Override
    public String toString() {
        return "FanovaEvaluator(trees=" + trees + ", maxDepth=" + maxDepth + ", seed=" + seed + ")";
    }
}
