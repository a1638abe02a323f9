package org.tunebook.importance;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.TreeSet;

/**
 * The functional ANOVA of one regression tree over a box-shaped search space (Hutter, Hoos and Leyton-Brown,
 * 2014). The tree is a piecewise constant function; averaged uniformly over the box it has a total variance,
 * and the variance of its marginal in one feature (the prediction averaged over every other feature) is the
 * part that feature explains alone.
 *
 * <p>Every node covers a sub-box of the space. Each node keeps the mean prediction over its sub-box and the
 * sub-box's volume. The marginal in feature {@code f} is constant between two consecutive thresholds that
 * the tree uses on {@code f}, so it is evaluated once per such interval, at its midpoint.
 */
final class FanovaTree {

    private final RegressionTree tree;
    private final double[][] bounds;
    /** Mean prediction over each node's sub-box. */
    private final double[] mean;
    /** Volume of each node's sub-box. */
    private final double[] volume;
    /** {@code splitsOn[node][f]}: whether the node or a descendant splits on feature {@code f}. */
    private final boolean[][] splitsOn;
    private final double variance;

    FanovaTree(RegressionTree tree, double[][] bounds) {
        this.tree = tree;
        this.bounds = bounds;
        int nodes = tree.nodeCount();
        this.mean = new double[nodes];
        this.volume = new double[nodes];
        this.splitsOn = new boolean[nodes][bounds.length];
        computeVolumes();
        computeMeans();
        this.variance = leafVariance();
    }

    /** The variance of the tree's prediction over the whole space. */
    double variance() {
        return variance;
    }

    private void computeVolumes() {
        double[][][] boxes = new double[tree.nodeCount()][][];
        boxes[0] = copy(bounds);
        for (int node = 0; node < tree.nodeCount(); node++) {
            double[][] box = boxes[node];
            double v = 1;
            for (double[] side : box) {
                v *= side[1] - side[0];
            }
            volume[node] = v;
            if (!tree.isLeaf(node)) {
                int f = tree.feature[node];
                double[][] leftBox = copy(box);
                leftBox[f][1] = Math.min(leftBox[f][1], tree.threshold[node]);
                double[][] rightBox = copy(box);
                rightBox[f][0] = Math.max(rightBox[f][0], tree.threshold[node]);
                boxes[tree.left[node]] = leftBox;
                boxes[tree.right[node]] = rightBox;
            }
            boxes[node] = null;
        }
    }

    private static double[][] copy(double[][] box) {
        double[][] c = new double[box.length][];
        for (int i = 0; i < box.length; i++) {
            c[i] = box[i].clone();
        }
        return c;
    }

    /** Children have larger indices than their parents, so one backward pass finds every node's mean. */
    private void computeMeans() {
        for (int node = tree.nodeCount() - 1; node >= 0; node--) {
            if (tree.isLeaf(node)) {
                mean[node] = tree.value[node];
                continue;
            }
            int l = tree.left[node];
            int r = tree.right[node];
            double total = volume[l] + volume[r];
            mean[node] = total > 0 ? (mean[l] * volume[l] + mean[r] * volume[r]) / total : (mean[l] + mean[r]) / 2;
            splitsOn[node][tree.feature[node]] = true;
            for (int f = 0; f < bounds.length; f++) {
                splitsOn[node][f] |= splitsOn[l][f] || splitsOn[r][f];
            }
        }
    }

    private double leafVariance() {
        double weightSum = 0;
        double weighted = 0;
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.isLeaf(node)) {
                weightSum += volume[node];
                weighted += volume[node] * tree.value[node];
            }
        }
        if (!(weightSum > 0)) {
            return 0;
        }
        double average = weighted / weightSum;
        double spread = 0;
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.isLeaf(node)) {
                double d = tree.value[node] - average;
                spread += volume[node] * d * d;
            }
        }
        return spread / weightSum;
    }

    /** The variance, over feature {@code f}'s range, of the tree's prediction averaged over all other features. */
    double marginalVariance(int f) {
        double[] cuts = cuts(f);
        int cells = cuts.length - 1;
        double[] values = new double[cells];
        double[] widths = new double[cells];
        for (int c = 0; c < cells; c++) {
            widths[c] = cuts[c + 1] - cuts[c];
            values[c] = marginal(f, (cuts[c] + cuts[c + 1]) / 2);
        }
        double weightSum = 0;
        double weighted = 0;
        for (int c = 0; c < cells; c++) {
            weightSum += widths[c];
            weighted += widths[c] * values[c];
        }
        if (!(weightSum > 0)) {
            return 0;
        }
        double average = weighted / weightSum;
        double spread = 0;
        for (int c = 0; c < cells; c++) {
            double d = values[c] - average;
            spread += widths[c] * d * d;
        }
        return Math.max(0, spread / weightSum);
    }

    /** The range of feature {@code f} cut at every threshold the tree uses on it. */
    private double[] cuts(int f) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.feature[node] == f) {
                double t = tree.threshold[node];
                if (t > bounds[f][0] && t < bounds[f][1]) {
                    thresholds.add(t);
                }
            }
        }
        double[] cuts = new double[thresholds.size() + 2];
        cuts[0] = bounds[f][0];
        int i = 1;
        for (double t : thresholds) {
            cuts[i++] = t;
        }
        cuts[i] = bounds[f][1];
        return cuts;
    }

    /**
     * The mean prediction over every feature but {@code f}, with {@code f} fixed at {@code x}: the nodes
     * reached by following {@code x} at splits on {@code f} and both sides at other splits, down to subtrees
     * that no longer split on {@code f}, averaged by their volume outside {@code f}.
     */
    double marginal(int f, double x) {
        Deque<double[]> stack = new ArrayDeque<>();
        stack.push(new double[] {0, bounds[f][0], bounds[f][1]});
        double weightSum = 0;
        double weighted = 0;
        while (!stack.isEmpty()) {
            double[] entry = stack.pop();
            int node = (int) entry[0];
            double low = entry[1];
            double high = entry[2];
            if (tree.isLeaf(node) || !splitsOn[node][f]) {
                double width = high - low;
                double weight = width > 0 ? volume[node] / width : 0;
                weightSum += weight;
                weighted += weight * mean[node];
            } else if (tree.feature[node] == f) {
                double t = tree.threshold[node];
                if (x <= t) {
                    stack.push(new double[] {tree.left[node], low, Math.min(high, t)});
                } else {
                    stack.push(new double[] {tree.right[node], Math.max(low, t), high});
                }
            } else {
                stack.push(new double[] {tree.left[node], low, high});
                stack.push(new double[] {tree.right[node], low, high});
            }
        }
        return weightSum > 0 ? weighted / weightSum : mean[0];
    }

    @Override
    public String toString() {
        return "FanovaTree(" + tree.nodeCount() + " nodes, variance " + variance + ", bounds "
                + Arrays.deepToString(bounds) + ")";
    }
}
