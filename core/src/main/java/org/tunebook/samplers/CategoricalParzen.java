package org.tunebook.samplers;

import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator of a categorical parameter. As in Optuna, each observation's kernel
 * puts weight 1 on its choice plus {@code priorWeight / (n + 1)} on every choice, normalized; the prior
 * kernel is uniform. A mixture of such kernels is itself a distribution over the choices, so it is kept as
 * one probability per choice.
 */
final class CategoricalParzen {

    private final double[] probability;
    private final double[] logProbability;
    private final double[] cumulative;

    private CategoricalParzen(double[] probability) {
        this.probability = probability;
        this.logProbability = new double[probability.length];
        this.cumulative = new double[probability.length];
        double running = 0;
        for (int c = 0; c < probability.length; c++) {
            logProbability[c] = Math.log(probability[c]);
            running += probability[c];
            cumulative[c] = running;
        }
        cumulative[probability.length - 1] = Double.POSITIVE_INFINITY;
    }

    /**
     * The estimator over observed choice indices {@code observed} with unnormalized {@code weights}, plus the
     * uniform prior with {@code priorWeight}.
     */
    static CategoricalParzen of(int choices, int[] observed, double[] weights, int count, double priorWeight) {
        double total = priorWeight;
        for (int i = 0; i < count; i++) {
            total += weights[i];
        }
        double smoothing = priorWeight / (count + 1);
        double rowTotal = choices * smoothing + 1; // each observation's kernel before normalization
        double[] p = new double[choices];
        double observedMass = 0;
        for (int i = 0; i < count; i++) {
            double w = weights[i] / total;
            p[observed[i]] += w / rowTotal;
            observedMass += w;
        }
        double spread = observedMass * smoothing / rowTotal + (priorWeight / total) / choices;
        for (int c = 0; c < choices; c++) {
            p[c] += spread;
        }
        return new CategoricalParzen(p);
    }

    /** A choice index drawn from the mixture. */
    int sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int c = 0;
        while (cumulative[c] < u) {
            c++;
        }
        return c;
    }

    double logProbability(int choice) {
        return logProbability[choice];
    }

    double probability(int choice) {
        return probability[choice];
    }
}
