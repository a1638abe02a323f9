package org.tunebook.samplers;

import java.util.SplittableRandom;

/**
 * TPE's proposal step: fit the "good" and "bad" Parzen estimators, draw candidates from the good one and
 * return the candidate with the largest log density ratio {@code log l(x) - log g(x)} (the first, on ties).
 * Values are in model space (see {@link ParzenSpace}).
 */
final class TpeCandidates {

    private TpeCandidates() {
    }

    /** The best candidate for one parameter. */
    static double univariate(TpeConfig config, ParzenSpace space, TpeHistory.Sides sides, SplittableRandom rng) {
        if (space.isCategorical()) {
            CategoricalParzen good = categorical(config, space, sides.below(), sides.belowWeights());
            CategoricalParzen bad = categorical(config, space, sides.above(), sides.aboveWeights());
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < config.eiCandidates(); c++) {
                int choice = good.sample(rng);
                double score = good.logProbability(choice) - bad.logProbability(choice);
                if (score > bestScore || best < 0) {
                    bestScore = score;
                    best = choice;
                }
            }
            return best;
        }
        NumericParzen good = numeric(config, space, sides.below(), sides.belowWeights());
        NumericParzen bad = numeric(config, space, sides.above(), sides.aboveWeights());
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] seen = new double[config.eiCandidates()];
        double[] seenScore = new double[config.eiCandidates()];
        int distinct = 0;
        for (int c = 0; c < config.eiCandidates(); c++) {
            double x = space.roundModel(good.sample(rng));
            double score = Double.NaN;
            if (space.q > 0) { // discrete values repeat: score each once
                for (int k = 0; k < distinct; k++) {
                    if (seen[k] == x) {
                        score = seenScore[k];
                        break;
                    }
                }
            }
            if (Double.isNaN(score)) {
                score = good.logDensity(x) - bad.logDensity(x);
                seen[distinct] = x;
                seenScore[distinct++] = score;
            }
            if (score > bestScore || Double.isNaN(best)) {
                bestScore = score;
                best = x;
            }
        }
        return best;
    }

    /** The univariate estimator of one side's observations (sorted ascending, model space). */
    static NumericParzen numeric(TpeConfig config, ParzenSpace space, double[][] values, double[] weights) {
        return NumericParzen.univariate(space, values[0], weights, config.priorWeight(), config.endpoints(),
                config.magicClip(), config.normalizedKernels());
    }

    /** The estimator of one side's observed choice indices. */
    static CategoricalParzen categorical(TpeConfig config, ParzenSpace space, double[][] values,
            double[] weights) {
        int[] observed = new int[weights.length];
        for (int i = 0; i < observed.length; i++) {
            observed[i] = (int) values[0][i];
        }
        return CategoricalParzen.of(space.choices, observed, weights, observed.length, config.priorWeight());
    }

    /** The joint estimator of one side's observations ({@code values[dimension][observation]}, model space). */
    static MultivariateParzen joint(TpeConfig config, ParzenSpace[] spaces, double[][] values, double[] weights) {
        return MultivariateParzen.of(spaces, values, weights, config.priorWeight(), config.magicClip(),
                config.normalizedKernels());
    }

    /** The best joint candidate for a group of parameters. */
    static double[] multivariate(TpeConfig config, ParzenSpace[] spaces, TpeHistory.Sides sides,
            SplittableRandom rng) {
        MultivariateParzen good = joint(config, spaces, sides.below(), sides.belowWeights());
        MultivariateParzen bad = joint(config, spaces, sides.above(), sides.aboveWeights());
        double[] scratch = new double[Math.max(good.components(), bad.components())];
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < config.eiCandidates(); c++) {
            double[] x = good.sample(rng);
            for (int j = 0; j < spaces.length; j++) {
                x[j] = spaces[j].roundModel(x[j]);
            }
            double score = good.logDensity(x, scratch) - bad.logDensity(x, scratch);
            if (score > bestScore || best == null) {
                bestScore = score;
                best = x;
            }
        }
        return best;
    }
}
