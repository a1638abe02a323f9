package org.tunebook.samplers;

import org.tunebook.Direction;

/**
 * NSGA-II with two conflicting objectives and a population of 10, so that the contract's 60 trials run six
 * generations: the sampler contract. With several workers, a trial's generation depends on which others have
 * finished by then, as in Optuna, so seeded runs with workers are not checked for equality here;
 * {@link NsgaIISynchronousTest} checks the mode that guarantees it.
 */
class NsgaIISamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return NsgaIISampler.builder().seed(seed).populationSize(10).build();
    }

    @Override
    protected Direction[] directions() {
        return new Direction[] {Direction.MINIMIZE, Direction.MINIMIZE};
    }

    @Override
    protected boolean reproducibleWithWorkers() {
        return false;
    }
}
