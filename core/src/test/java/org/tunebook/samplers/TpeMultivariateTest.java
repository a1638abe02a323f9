package org.tunebook.samplers;

/** Multivariate TPE, reproducible with up to four workers: the whole contract. */
class TpeMultivariateTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return TpeSampler.builder().seed(seed).multivariate(true).warnIndependentSampling(false)
                .reproducibleWorkers(4).build();
    }
}
