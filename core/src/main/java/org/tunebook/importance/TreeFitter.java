package org.tunebook.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one regression tree (CART, squared error) on a sample of the rows: each node takes the split that
 * most reduces the squared error, with the threshold halfway between two neighbouring distinct values, until
 * a node is pure, has fewer than two samples or reaches the depth limit. Features are tried in a random
 * order and a later feature must be strictly better to win, so ties are broken by the random stream.
 *
 * <p>Each feature keeps its samples sorted once; splitting a node partitions those orders stably, so no
 * node sorts again.
 */
final class TreeFitter {

    private final double[][] columns;
    private final double[] y;
    private final int maxDepth;
    private final SplittableRandom random;

    /** The rows of the sample (a row may appear several times). */
    private int[] rows;
    /** {@code order[f]}: sample positions sorted by feature {@code f}; each node owns one slice of every order. */
    private int[][] order;
    private boolean[] goesLeft;
    private int[] buffer;

    private final Nodes nodes = new Nodes();

    TreeFitter(double[][] columns, double[] y, int maxDepth, SplittableRandom random) {
        this.columns = columns;
        this.y = y;
        this.maxDepth = maxDepth;
        this.random = random;
    }

    /** Fits a tree on the given rows of the data. */
    RegressionTree fit(int[] sampleRows) {
        this.rows = sampleRows;
        int n = sampleRows.length;
        int features = columns.length;
        order = new int[features][];
        for (int f = 0; f < features; f++) {
            order[f] = sortedPositions(columns[f], sampleRows);
        }
        goesLeft = new boolean[n];
        buffer = new int[n];
        grow(0, n, 0);
        return nodes.toTree();
    }

    private static int[] sortedPositions(double[] column, int[] sampleRows) {
        Integer[] boxed = new Integer[sampleRows.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(column[sampleRows[a]], column[sampleRows[b]]));
        int[] sorted = new int[boxed.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = boxed[i];
        }
        return sorted;
    }

    /** Grows the node whose samples are {@code order[f][from, to)} and returns its index. */
    private int grow(int from, int to, int depth) {
        int n = to - from;
        int[] any = order.length == 0 ? null : order[0];
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += y[rows[any == null ? k : any[k]]];
        }
        double mean = sum / n;
        double squaredError = 0;
        for (int k = from; k < to; k++) {
            double d = y[rows[any == null ? k : any[k]]] - mean;
            squaredError += d * d;
        }
        int node = nodes.add(mean, n, squaredError);
        if (depth >= maxDepth || n < 2 || any == null || isPure(from, to)) {
            return node;
        }
        Split split = bestSplit(from, to, sum);
        if (split == null) {
            return node;
        }
        int middle = partition(split, from, to);
        int left = grow(from, middle, depth + 1);
        int right = grow(middle, to, depth + 1);
        nodes.split(node, split.feature, split.threshold, left, right);
        return node;
    }

    private boolean isPure(int from, int to) {
        int[] o = order[0];
        double first = y[rows[o[from]]];
        for (int k = from + 1; k < to; k++) {
            if (y[rows[o[k]]] != first) {
                return false;
            }
        }
        return true;
    }

    private record Split(int feature, double threshold) {
    }

    /** The split maximizing sumL²/nL + sumR²/nR (the same as minimizing the children's squared error). */
    private Split bestSplit(int from, int to, double total) {
        int n = to - from;
        double parentScore = total * total / n;
        double bestScore = parentScore;
        int bestFeature = -1;
        double bestThreshold = Double.NaN;
        for (int f : shuffledFeatures()) {
            double[] column = columns[f];
            int[] o = order[f];
            double leftSum = 0;
            for (int k = from + 1; k < to; k++) {
                leftSum += y[rows[o[k - 1]]];
                double below = column[rows[o[k - 1]]];
                double above = column[rows[o[k]]];
                if (!(above > below)) {
                    continue;
                }
                int nLeft = k - from;
                double rightSum = total - leftSum;
                double score = leftSum * leftSum / nLeft + rightSum * rightSum / (n - nLeft);
                if (score > bestScore + 1e-12 * Math.abs(bestScore)) {
                    bestScore = score;
                    bestFeature = f;
                    double mid = below + (above - below) / 2;
                    bestThreshold = mid < above ? mid : below;
                }
            }
        }
        return bestFeature < 0 ? null : new Split(bestFeature, bestThreshold);
    }

    private int[] shuffledFeatures() {
        int[] features = new int[columns.length];
        for (int f = 0; f < features.length; f++) {
            features[f] = f;
        }
        for (int i = features.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = features[i];
            features[i] = features[j];
            features[j] = t;
        }
        return features;
    }

    /** Moves the left child's samples to the front of every feature's slice, keeping each order; returns the cut. */
    private int partition(Split split, int from, int to) {
        double[] column = columns[split.feature];
        int[] o = order[split.feature];
        int middle = from;
        for (int k = from; k < to; k++) {
            boolean left = column[rows[o[k]]] <= split.threshold;
            goesLeft[o[k]] = left;
            if (left) {
                middle++;
            }
        }
        for (int[] featureOrder : order) {
            int l = from;
            int r = middle;
            for (int k = from; k < to; k++) {
                int position = featureOrder[k];
                if (goesLeft[position]) {
                    buffer[l++] = position;
                } else {
                    buffer[r++] = position;
                }
            }
            System.arraycopy(buffer, from, featureOrder, from, to - from);
        }
        return middle;
    }

    /** The growing tree's arrays. */
    private static final class Nodes {
        private int size;
        private int[] feature = new int[16];
        private double[] threshold = new double[16];
        private int[] left = new int[16];
        private int[] right = new int[16];
        private double[] value = new double[16];
        private int[] samples = new int[16];
        private double[] squaredError = new double[16];

        int add(double mean, int n, double error) {
            if (size == feature.length) {
                int capacity = size * 2;
                feature = Arrays.copyOf(feature, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                value = Arrays.copyOf(value, capacity);
                samples = Arrays.copyOf(samples, capacity);
                squaredError = Arrays.copyOf(squaredError, capacity);
            }
            feature[size] = RegressionTree.LEAF;
            threshold[size] = Double.NaN;
            left[size] = -1;
            right[size] = -1;
            value[size] = mean;
            samples[size] = n;
            squaredError[size] = error;
            return size++;
        }

        void split(int node, int f, double t, int l, int r) {
            feature[node] = f;
            threshold[node] = t;
            left[node] = l;
            right[node] = r;
        }

        RegressionTree toTree() {
            return new RegressionTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size),
                    Arrays.copyOf(samples, size), Arrays.copyOf(squaredError, size));
        }
    }
}
