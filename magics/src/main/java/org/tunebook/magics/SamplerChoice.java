package org.tunebook.magics;

import org.tunebook.Space;
import org.tunebook.samplers.Sampler;

/**
 * The sampler a notebook study uses. Most samplers are made once, when the study is created, so that a seeded
 * sampler goes on with its sequence from run to run; grid search by name is made for each run, from the run's
 * space.
 */
final class SamplerChoice {

    private final String name;
    private final Long seed;
    private final Sampler instance;
    private final Strategies strategies;

    private SamplerChoice(String name, Long seed, Sampler instance, Strategies strategies) {
        this.name = name;
        this.seed = seed;
        this.instance = instance;
        this.strategies = strategies;
    }

    /** A sampler made in code. */
    static SamplerChoice of(String variable, Sampler sampler) {
        return new SamplerChoice(variable, null, sampler, null);
    }

    /** A sampler by name; made now, except grid search. */
    static SamplerChoice named(String name, Long seed, Strategies strategies) {
        Sampler made = name.equals("grid") ? null : strategies.createSampler(name, seed, null);
        return new SamplerChoice(name, seed, made, strategies);
    }

    /** Whether a run needs a space to make the sampler (grid search by name). */
    boolean needsSpace() {
        return instance == null;
    }

    /** The sampler for a run over {@code space} (null when the run has no declared space). */
    Sampler forRun(Space space) {
        return instance != null ? instance : strategies.createSampler(name, seed, space);
    }

    /** The sampler to give the study object before any run (a random one stands in for grid search). */
    Sampler initial() {
        return instance != null ? instance : strategies.createSampler("random", seed, null);
    }

    @Override
    public String toString() {
        if (instance != null && strategies == null) {
            return instance.toString();
        }
        return name + (seed == null ? "" : " (seed " + seed + ")");
    }
}
