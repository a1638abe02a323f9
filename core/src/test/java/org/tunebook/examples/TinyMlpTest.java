package org.tunebook.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The examples' network computes true gradients, learns the synthetic set, and survives a checkpoint. */
class TinyMlpTest {

    @Test
    void backpropagationMatchesFiniteDifferences() {
        TinyMlp net = new TinyMlp(SyntheticData.FEATURES, new int[] {7, 5}, 3);
        SyntheticData data = SyntheticData.generate(3, 4);
        for (int example = 0; example < 3; example++) {
            double[] x = data.x()[example];
            double y = data.y()[example];
            double[][][] g = net.gradient(x, y);
            for (int l = 0; l < 3; l++) {
                double[] w = net.weights(l);
                for (int i = 0; i < w.length; i += 3) {
                    double keep = w[i];
                    w[i] = keep + 1e-6;
                    double up = net.loss(x, y);
                    w[i] = keep - 1e-6;
                    double down = net.loss(x, y);
                    w[i] = keep;
                    assertThat(g[0][l][i]).as("layer %d weight %d", l, i).isCloseTo((up - down) / 2e-6, within(1e-5));
                }
            }
        }
    }

    @Test
    void everyOptimizerLearnsTheSyntheticSet() {
        SyntheticData train = SyntheticData.generate(500, 1);
        SyntheticData test = SyntheticData.generate(300, 2);
        double[] lr = {0.03, 0.003, 0.003};
        for (TinyMlp.Optimizer optimizer : TinyMlp.Optimizer.values()) {
            TinyMlp net = new TinyMlp(SyntheticData.FEATURES, new int[] {32}, 5);
            Random random = new Random(6);
            double before = net.accuracy(test);
            for (int epoch = 0; epoch < 40; epoch++) {
                net.trainEpoch(train, optimizer, lr[optimizer.ordinal()], 32, 0.1, 1e-4, random);
            }
            assertThat(net.accuracy(test)).as("%s", optimizer).isGreaterThan(0.74).isGreaterThan(before + 0.15);
        }
    }

    @Test
    void aRestoredNetworkPredictsAndTrainsOnExactlyAsTheOriginal() {
        SyntheticData train = SyntheticData.generate(100, 1);
        TinyMlp a = new TinyMlp(SyntheticData.FEATURES, new int[] {8, 4}, 5);
        a.trainEpoch(train, TinyMlp.Optimizer.ADAM, 0.01, 16, 0.2, 0, new Random(1));
        TinyMlp b = new TinyMlp(SyntheticData.FEATURES, new int[] {8, 4}, a.state());
        for (double[] x : train.x()) {
            assertThat(b.predict(x)).isEqualTo(a.predict(x));
        }
        a.trainEpoch(train, TinyMlp.Optimizer.ADAM, 0.01, 16, 0.2, 0, new Random(2));
        b.trainEpoch(train, TinyMlp.Optimizer.ADAM, 0.01, 16, 0.2, 0, new Random(2));
        assertThat(b.state()).isDeepEqualTo(a.state());
    }
}
