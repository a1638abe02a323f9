package org.tunebook.samplers;

import java.util.random.RandomGenerator;

/**
 * How {@link NsgaIISampler} makes a child from parents, for the numeric parameters the parents share.
 * Coordinates are normalized: each parameter is mapped onto {@code [0, 1]} over its range (in log space for
 * log-scaled ones, with half a step beyond each end for integers and stepped floats), so a crossover needs no
 * knowledge of ranges or scales. Categorical parameters are always crossed uniformly, each taken from the
 * first or the last parent.
 *
 * <pre>{@code
 * NsgaIISampler nsga = NsgaIISampler.builder().crossover(Crossover.sbx()).seed(42).build();
 * }</pre>
 *
 * A child may leave {@code [0, 1]}: for continuous parameters the sampler then asks for another child (up to
 * 100 times, then clamps), for discrete ones it clamps, as Optuna does. Implementations must be thread-safe
 * (the built-in ones hold only their settings) and draw their randomness from the generator they are given.
 */
public interface Crossover {

    /** How many parents a child is made from (at least 1; at most the sampler's population size). */
    int parents();

    /**
     * A child.
     *
     * @param parents {@link #parents()} rows, one per parent, of the same length: the normalized coordinates
     *     of the numeric parameters, in the same order in every row
     * @param objectives the study's number of objectives (some crossovers pick defaults by it)
     * @param rng the random stream of this child
     * @return the child's normalized coordinates, as many as a parent has
     */
    double[] cross(double[][] parents, int objectives, RandomGenerator rng);

    /**
     * Uniform crossover (Syswerda 1989), Optuna's default: each parameter from one of two parents, the second
     * one with probability {@code swappingProb}.
     *
     * @throws IllegalArgumentException if {@code swappingProb} is not in {@code [0, 1]}
     */
    static Crossover uniform(double swappingProb) {
        return new Crossovers.Uniform(Crossovers.probability("uniform crossover swappingProb", swappingProb));
    }

    /**
     * Blend crossover BLX-alpha (Eshelman and Schaffer 1992): each parameter uniform over the parents' interval
     * widened by {@code alpha} times its length on both sides; Optuna's default alpha is 0.5.
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    static Crossover blxAlpha(double alpha) {
        return new Crossovers.BlxAlpha(Crossovers.nonNegative("BLX-alpha crossover alpha", alpha));
    }

    /**
     * Simulated binary crossover SBX (Deb and Agrawal 1995) with its distribution index {@code eta}: larger
     * values keep children closer to their parents. Bounded: children stay inside the ranges.
     *
     * @throws IllegalArgumentException if {@code eta} is negative or not finite
     */
    static Crossover sbx(double eta) {
        return new Crossovers.Sbx(Crossovers.nonNegative("SBX crossover eta", eta));
    }

    /** SBX with Optuna's default index: 20 with several objectives, 2 with one. */
    static Crossover sbx() {
        return new Crossovers.Sbx(Double.NaN);
    }

    /**
     * Simplex crossover SPX (Tsutsui, Yamamura and Higuchi 1999) of three parents: a child drawn from their
     * simplex expanded by {@code epsilon} around its centre.
     *
     * @throws IllegalArgumentException if {@code epsilon} is negative or not finite
     */
    static Crossover spx(double epsilon) {
        return new Crossovers.Spx(Crossovers.nonNegative("SPX crossover epsilon", epsilon));
    }

    /** SPX with Optuna's default expansion {@code sqrt(n + 2)} for {@code n} parameters. */
    static Crossover spx() {
        return new Crossovers.Spx(Double.NaN);
    }
}
