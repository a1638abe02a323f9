package org.tunebook.importance;

/**
 * A fitted binary regression tree, stored as parallel arrays indexed by node. Node 0 is the root and every
 * child has a larger index than its parent. An internal node sends a sample left when its feature is at most
 * the threshold.
 */
final class RegressionTree {

    static final int LEAF = -1;

    /** The feature a node splits on, or {@link #LEAF}. */
    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    /** The mean target of the node's training samples: the prediction of a leaf. */
    final double[] value;
    /** The number of training samples (bootstrap draws) that reached the node. */
    final int[] samples;
    /** The sum of squared deviations from {@link #value} of the node's training samples. */
    final double[] squaredError;

    RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int[] samples,
            double[] squaredError) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.samples = samples;
        this.squaredError = squaredError;
    }

    int nodeCount() {
        return feature.length;
    }

    boolean isLeaf(int node) {
        return feature[node] == LEAF;
    }

    /** The prediction for a sample given as one value per feature. */
    double predict(double[] sample) {
        int node = 0;
        while (!isLeaf(node)) {
            node = sample[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    /**
     * Each feature's decrease of squared error over the splits on it, scaled to sum to 1 (all zeros for a
     * tree that never splits).
     */
    double[] impurityDecrease(int features) {
        double[] decrease = new double[features];
        double total = 0;
        for (int node = 0; node < nodeCount(); node++) {
            if (!isLeaf(node)) {
                double d = squaredError[node] - squaredError[left[node]] - squaredError[right[node]];
                decrease[feature[node]] += d;
                total += d;
            }
        }
        if (total > 0) {
            for (int f = 0; f < features; f++) {
                decrease[f] /= total;
            }
        }
        return decrease;
    }
}
