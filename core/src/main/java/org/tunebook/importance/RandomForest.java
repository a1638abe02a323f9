package org.tunebook.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random forest regressor: trees grown on bootstrap samples of the rows (as many draws as rows, with
 * replacement), every feature considered at every split. The same seed grows the same forest.
 */
final class RandomForest {

    private final List<RegressionTree> trees;

    private RandomForest(List<RegressionTree> trees) {
        this.trees = trees;
    }

    /**
     * Fits {@code treeCount} trees of at most {@code maxDepth} levels.
     *
     * @param columns {@code columns[f][i]}: feature {@code f} of row {@code i}
     * @param y the target of each row
     */
    static RandomForest fit(double[][] columns, double[] y, int treeCount, int maxDepth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RegressionTree> trees = new ArrayList<>(treeCount);
        for (int t = 0; t < treeCount; t++) {
            SplittableRandom treeRandom = random.split();
            int[] sample = new int[y.length];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = treeRandom.nextInt(y.length);
            }
            trees.add(new TreeFitter(columns, y, maxDepth, treeRandom).fit(sample));
        }
        return new RandomForest(List.copyOf(trees));
    }

    List<RegressionTree> trees() {
        return trees;
    }

    /** The mean prediction of the trees. */
    double predict(double[] sample) {
        double sum = 0;
        for (RegressionTree tree : trees) {
            sum += tree.predict(sample);
        }
        return sum / trees.size();
    }
}
