package org.tunebook.importance;

import java.util.Map;

/**
 * Mean decrease in impurity (MDI), as Optuna's {@code MeanDecreaseImpurityImportanceEvaluator} computes it:
 * a random forest predicts the target from the parameters, and a parameter's importance is how much the
 * splits on it reduce the squared error, as a share of each tree's total reduction, averaged over the trees.
 * Fast, but it favours parameters with many distinct values; {@link FanovaEvaluator} does not.
 */
public final class MeanDecreaseImpurityEvaluator implements ImportanceEvaluator {

    private final Forest forest;

    /** 64 trees of depth at most 64, as in Optuna, with the seed {@link FanovaEvaluator#DEFAULT_SEED}. */
    public MeanDecreaseImpurityEvaluator() {
        this(FanovaEvaluator.DEFAULT_SEED);
    }

    /** 64 trees of depth at most 64, grown from {@code seed}. */
    public MeanDecreaseImpurityEvaluator(long seed) {
        this(64, 64, seed);
    }

    /**
     * A forest of {@code trees} trees of at most {@code maxDepth} levels.
     *
     * @throws IllegalArgumentException if {@code trees} or {@code maxDepth} is less than 1
     */
    public MeanDecreaseImpurityEvaluator(int trees, int maxDepth, long seed) {
        this.forest = new Forest("MDI", trees, maxDepth, seed);
    }

    @Override
    public Map<String, Double> evaluate(ImportanceInput input) {
        return forest.averageOverTrees(input, (tree, features) ->
                tree.nodeCount() > 1 ? tree.impurityDecrease(input.params().size()) : null);
    }

    @Override
    public String toString() {
        return "MeanDecreaseImpurityEvaluator(" + forest + ")";
    }
}
