package org.tunebook.examples;

import java.util.Random;

/**
 * A binary classification set with 20 features, like the seed guide's {@code X_train, y_train}: the label is
 * {@code x0 + 0.8 x1 - 0.6 x2 + sin(2 x3) + x0 x4 - 0.5 x5^2 + 0.5 > 0}, with 5% of the labels flipped; the other
 * features are noise. A well-trained small MLP gets over 80% of a test set right; a badly tuned one stays near the
 * share of the majority class.
 */
record SyntheticData(double[][] x, double[] y) {

    static final int FEATURES = 20;

    static SyntheticData generate(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][FEATURES];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextGaussian();
            }
            double score = x[i][0] + 0.8 * x[i][1] - 0.6 * x[i][2] + Math.sin(2 * x[i][3]) + x[i][0] * x[i][4]
                    - 0.5 * x[i][5] * x[i][5] + 0.5;
            boolean label = score > 0;
            y[i] = (random.nextDouble() < 0.05 ? !label : label) ? 1 : 0;
        }
        return new SyntheticData(x, y);
    }

    int size() {
        return y.length;
    }
}
