package org.tunebook.samplers;

/**
 * Multivariate TPE over groups of a conditional space, with the constant liar: the sampler contract. The
 * liar models whichever trials are running, so seeded runs with workers differ.
 */
class TpeGroupLiarTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return TpeSampler.builder().seed(seed).multivariate(true).group(true).constantLiar(true).build();
    }

    @Override
    protected boolean reproducibleWithWorkers() {
        return false;
    }
}
