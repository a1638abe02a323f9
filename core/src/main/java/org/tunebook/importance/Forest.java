package org.tunebook.importance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The random forest both fANOVA and mean decrease in impurity stand on: its settings, checked once, and the
 * average over its trees of what an evaluator reads from each tree.
 */
final class Forest {

    /** What one evaluator reads from one tree: a share per feature, or null when the tree says nothing. */
    interface PerTree {
        double[] shares(RegressionTree tree, Features features);
    }

    final int trees;
    final int maxDepth;
    final long seed;

    /**
     * Checks the settings.
     *
     * @param method the evaluator's name for messages, such as {@code fANOVA}
     * @throws IllegalArgumentException if {@code trees} or {@code maxDepth} is less than 1
     */
    Forest(String method, int trees, int maxDepth, long seed) {
        if (trees < 1) {
            throw new IllegalArgumentException(method + " needs at least one tree, got trees=" + trees);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException(method + " trees need a depth of at least 1, got maxDepth=" + maxDepth);
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.seed = seed;
    }

    /** Fits the forest to {@code input} and averages each parameter's share over the trees that had something to say. */
    Map<String, Double> averageOverTrees(ImportanceInput input, PerTree perTree) {
        Features features = Features.of(input);
        List<String> params = input.params();
        RandomForest forest = RandomForest.fit(features.columns, input.targets(), trees, maxDepth, seed);
        double[] sums = new double[params.size()];
        int counted = 0;
        for (RegressionTree tree : forest.trees()) {
            double[] shares = perTree.shares(tree, features);
            if (shares == null) {
                continue;
            }
            counted++;
            for (int f = 0; f < sums.length; f++) {
                sums[f] += shares[f];
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
        return "trees=" + trees + ", maxDepth=" + maxDepth + ", seed=" + seed;
    }
}
