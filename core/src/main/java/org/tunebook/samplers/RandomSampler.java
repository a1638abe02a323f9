package org.tunebook.samplers;

import java.util.SplittableRandom;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * Samples every parameter uniformly and independently (uniformly in log space for log-scaled ones). With a
 * seed, trial {@code n} gets the same values in every run, with any number of worker threads.
 */
public final class RandomSampler implements Sampler {

    private final long seed;

    /** A sampler with a fresh random seed. */
    public RandomSampler() {
        this(Seeds.fresh());
    }

    /** A reproducible sampler. */
    public RandomSampler(long seed) {
        this.seed = seed;
    }

    /** The seed this sampler derives its random streams from. */
    public long seed() {
        return seed;
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        return sample(distribution, Seeds.forParam(seed, trial.number(), name));
    }

    /** One uniform draw from a distribution, in internal form. */
    static double sample(Distribution distribution, SplittableRandom rng) {
        if (distribution instanceof FloatDistribution f) {
            if (f.isSingle()) {
                return f.low();
            }
            if (f.log()) {
                double logLow = Math.log(f.low());
                double logHigh = Math.log(f.high());
                return Math.min(f.high(), Math.max(f.low(), Math.exp(logLow + rng.nextDouble() * (logHigh - logLow))));
            }
            if (f.step() != null) {
                double steps = (f.high() - f.low()) / f.step();
                if (steps < 0x1p53) {
                    return f.snap(f.low() + rng.nextLong(Math.round(steps) + 1) * f.step());
                }
                // more grid points than a double counts exactly: draw continuously and round onto the grid
                return f.snap(uniform(f.low(), f.high(), rng));
            }
            return uniform(f.low(), f.high(), rng);
        }
        if (distribution instanceof IntDistribution i) {
            if (i.log()) {
                double logLow = Math.log(i.low() - 0.5);
                double logHigh = Math.log(i.high() + 0.5);
                return i.snap(Math.exp(logLow + rng.nextDouble() * (logHigh - logLow)));
            }
            long points = ((long) i.high() - i.low()) / i.step() + 1;
            return i.low() + rng.nextLong(points) * i.step();
        }
        CategoricalDistribution c = (CategoricalDistribution) distribution;
        return rng.nextInt(c.choices().size());
    }

    /** A uniform draw in {@code [low, high]}, also when {@code high - low} overflows a double. */
    private static double uniform(double low, double high, SplittableRandom rng) {
        double u = rng.nextDouble();
        double width = high - low;
        double value = Double.isInfinite(width) ? low * (1 - u) + high * u : low + u * width;
        return Math.min(high, Math.max(low, value));
    }

    @Override
    public String toString() {
        return "RandomSampler(seed=" + seed + ")";
    }
}
