package org.tunebook.samplers;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.tunebook.FrozenTrial;

/** The settings of a {@link TpeSampler}, validated by its builder. */
record TpeConfig(
        long seed,
        int startupTrials,
        int eiCandidates,
        IntUnaryOperator gamma,
        IntFunction<double[]> weights,
        double priorWeight,
        boolean magicClip,
        boolean endpoints,
        boolean multivariate,
        boolean group,
        boolean constantLiar,
        boolean warnIndependentSampling,
        int reproducibleWorkers,
        Duration maxWait,
        Function<FrozenTrial, double[]> constraints) {

    /** Optuna's default gamma: the best 10% of the trials, at most 25. */
    static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's default weights: the 25 latest observations weigh 1, older ones ramp linearly from
     * {@code 1/n} up to 1, so that the model follows the search as it moves.
     */
    static double[] defaultWeights(int n) {
        double[] w = new double[n];
        int ramp = n - 25;
        for (int i = 0; i < n; i++) {
            if (i >= ramp) {
                w[i] = 1;
            } else if (ramp == 1) {
                w[i] = 1.0 / n;
            } else {
                w[i] = 1.0 / n + i * (1 - 1.0 / n) / (ramp - 1);
            }
        }
        return w;
    }

    /** The number of "good" observations among {@code n}, checked. */
    int below(int n) {
        int b = gamma.applyAsInt(n);
        if (b < 0) {
            throw new IllegalArgumentException("the TPE gamma function returned " + b + " for " + n
                    + " trials; it must return a count >= 0");
        }
        return Math.min(b, n);
    }

    /** The weights of {@code n} observations, oldest first, checked. */
    double[] weightsOf(int n) {
        if (n == 0) {
            return new double[0];
        }
        double[] w = weights.apply(n);
        if (w == null || w.length < n) {
            throw new IllegalArgumentException("the TPE weights function returned " + (w == null ? "null" : w.length
                    + " weights") + " for " + n + " observations; it must return at least " + n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("the TPE weights function returned weight " + w[i] + " (index " + i
                        + ") for " + n + " observations; weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the TPE weights function returned only zeros for " + n
                    + " observations; at least one weight must be positive");
        }
        return w;
    }
}
