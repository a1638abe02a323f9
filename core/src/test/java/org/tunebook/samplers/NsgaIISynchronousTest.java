package org.tunebook.samplers;

/**
 * NSGA-II with synchronous generations on one objective, populations of 8: the whole sampler contract, four
 * workers included.
 */
class NsgaIISynchronousTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return NsgaIISampler.builder().seed(seed).populationSize(8).synchronousGenerations(true).build();
    }
}
