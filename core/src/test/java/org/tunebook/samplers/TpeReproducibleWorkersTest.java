package org.tunebook.samplers;

/** Univariate TPE that models exactly trials {@code 0 .. n-4}: the whole contract, four workers included. */
class TpeReproducibleWorkersTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return TpeSampler.builder().seed(seed).reproducibleWorkers(4).build();
    }
}
