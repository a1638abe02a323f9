package org.tunebook.examples;

import java.util.Arrays;
import java.util.Random;

/**
 * A small multilayer perceptron in plain Java, for the seed guide's PyTorch examples: dense layers with ReLU and
 * dropout, a sigmoid output, binary cross-entropy, mini-batch training with SGD (momentum 0.9), Adam or RMSprop
 * and L2 weight decay. Its whole state (weights and optimizer moments) is a list of arrays, for checkpoints.
 */
final class TinyMlp {

    enum Optimizer { SGD, ADAM, RMSPROP }

    private final int[] sizes;          // inputs, hidden..., 1
    private final double[][] weights;   // per layer, out x in, row-major
    private final double[][] biases;
    private final double[][] m;         // first moments (momentum for SGD), weights then biases per layer
    private final double[][] v;         // second moments (Adam, RMSprop)
    private long updates;

    /** A new network with He-initialized weights. */
    TinyMlp(int inputs, int[] hidden, long seed) {
        sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        int layers = sizes.length - 1;
        weights = new double[layers][];
        biases = new double[layers][];
        Random random = new Random(seed);
        for (int l = 0; l < layers; l++) {
            weights[l] = new double[sizes[l + 1] * sizes[l]];
            biases[l] = new double[sizes[l + 1]];
            double scale = Math.sqrt(2.0 / sizes[l]);
            for (int i = 0; i < weights[l].length; i++) {
                weights[l][i] = random.nextGaussian() * scale;
            }
        }
        m = new double[2 * layers][];
        v = new double[2 * layers][];
        for (int l = 0; l < layers; l++) {
            m[2 * l] = new double[weights[l].length];
            m[2 * l + 1] = new double[biases[l].length];
            v[2 * l] = new double[weights[l].length];
            v[2 * l + 1] = new double[biases[l].length];
        }
    }

    /** A network restored from {@link #state()}. */
    TinyMlp(int inputs, int[] hidden, double[][] state) {
        this(inputs, hidden, 0);
        int layers = weights.length;
        int k = 0;
        for (int l = 0; l < layers; l++) {
            weights[l] = state[k++].clone();
            biases[l] = state[k++].clone();
        }
        for (int i = 0; i < m.length; i++) {
            m[i] = state[k++].clone();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = state[k++].clone();
        }
        updates = (long) state[k][0];
    }

    /** Weights, biases, optimizer moments and the update count. */
    double[][] state() {
        int layers = weights.length;
        double[][] s = new double[2 * layers + m.length + v.length + 1][];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            s[k++] = weights[l].clone();
            s[k++] = biases[l].clone();
        }
        for (double[] a : m) {
            s[k++] = a.clone();
        }
        for (double[] a : v) {
            s[k++] = a.clone();
        }
        s[k] = new double[] {updates};
        return s;
    }

    /** The predicted probability of class 1 (no dropout). */
    double predict(double[] x) {
        double[][] a = forward(x, 0, null);
        return a[a.length - 1][0];
    }

    /** The share of correctly classified examples. */
    double accuracy(SyntheticData data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += (predict(data.x()[i]) > 0.5) == (data.y()[i] == 1) ? 1 : 0;
        }
        return (double) right / data.size();
    }

    /** One epoch of shuffled mini-batches. */
    void trainEpoch(SyntheticData data, Optimizer optimizer, double lr, int batchSize, double dropout,
            double weightDecay, Random random) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            double[][] gw = new double[weights.length][];
            double[][] gb = new double[biases.length][];
            for (int l = 0; l < weights.length; l++) {
                gw[l] = new double[weights[l].length];
                gb[l] = new double[biases[l].length];
            }
            for (int b = from; b < to; b++) {
                accumulate(data.x()[order[b]], data.y()[order[b]], dropout, random, gw, gb);
            }
            step(gw, gb, to - from, optimizer, lr, weightDecay);
        }
    }

    /** Activations of every layer; with dropout, hidden units are dropped (inverted dropout) and recorded as 0. */
    private double[][] forward(double[] x, double dropout, Random random) {
        double[][] a = new double[sizes.length][];
        a[0] = x;
        for (int l = 0; l < weights.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                double s = biases[l][o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    s += weights[l][row + i] * a[l][i];
                }
                z[o] = s;
            }
            boolean last = l == weights.length - 1;
            for (int o = 0; o < out; o++) {
                if (last) {
                    z[o] = 1 / (1 + Math.exp(-z[o]));
                } else {
                    z[o] = Math.max(0, z[o]);
                    if (dropout > 0) {
                        z[o] = random.nextDouble() < dropout ? 0 : z[o] / (1 - dropout);
                    }
                }
            }
            a[l + 1] = z;
        }
        return a;
    }

    /** The binary cross-entropy of one example (no dropout). */
    double loss(double[] x, double y) {
        double p = predict(x);
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    /** The gradient of {@link #loss} with respect to the weights and biases, for tests. */
    double[][][] gradient(double[] x, double y) {
        double[][] gw = new double[weights.length][];
        double[][] gb = new double[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            gw[l] = new double[weights[l].length];
            gb[l] = new double[biases[l].length];
        }
        accumulate(x, y, 0, null, gw, gb);
        return new double[][][] {gw, gb};
    }

    /** The weights of layer {@code l}, live (for gradient checks). */
    double[] weights(int l) {
        return weights[l];
    }

    /** Adds one example's gradient of the binary cross-entropy. */
    private void accumulate(double[] x, double y, double dropout, Random random, double[][] gw, double[][] gb) {
        double[][] a = forward(x, dropout, random);
        double[] delta = {a[a.length - 1][0] - y}; // sigmoid + cross-entropy
        for (int l = weights.length - 1; l >= 0; l--) {
            int in = sizes[l];
            double[] previous = a[l];
            double[] back = new double[in];
            for (int o = 0; o < delta.length; o++) {
                gb[l][o] += delta[o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    gw[l][row + i] += delta[o] * previous[i];
                    back[i] += delta[o] * weights[l][row + i];
                }
            }
            if (l > 0) {
                for (int i = 0; i < in; i++) {
                    back[i] = previous[i] > 0 ? back[i] : 0; // ReLU (and dropped units, recorded as 0)
                }
            }
            delta = back;
        }
    }

    private void step(double[][] gw, double[][] gb, int batch, Optimizer optimizer, double lr, double weightDecay) {
        updates++;
        for (int l = 0; l < weights.length; l++) {
            update(weights[l], gw[l], m[2 * l], v[2 * l], batch, optimizer, lr, weightDecay);
            update(biases[l], gb[l], m[2 * l + 1], v[2 * l + 1], batch, optimizer, lr, 0);
        }
    }

    private void update(double[] p, double[] g, double[] m1, double[] m2, int batch, Optimizer optimizer, double lr,
            double weightDecay) {
        for (int i = 0; i < p.length; i++) {
            double grad = g[i] / batch + weightDecay * p[i];
            switch (optimizer) {
                case SGD -> {
                    m1[i] = 0.9 * m1[i] + grad;
                    p[i] -= lr * m1[i];
                }
                case ADAM -> {
                    m1[i] = 0.9 * m1[i] + 0.1 * grad;
                    m2[i] = 0.999 * m2[i] + 0.001 * grad * grad;
                    double mHat = m1[i] / (1 - Math.pow(0.9, updates));
                    double vHat = m2[i] / (1 - Math.pow(0.999, updates));
                    p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
                }
                case RMSPROP -> {
                    m2[i] = 0.99 * m2[i] + 0.01 * grad * grad;
                    p[i] -= lr * grad / (Math.sqrt(m2[i]) + 1e-8);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "TinyMlp" + Arrays.toString(sizes);
    }
}
