package org.tunebook.samplers;

/**
 * CMA-ES with Optuna's defaults: the sampler contract. With several workers, which trial takes which
 * candidate of a generation depends on which finished first, as in Optuna, so seeded runs with workers are
 * not compared here; {@code CmaEsSynchronousTest} checks the mode that repeats them.
 */
class CmaEsSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return CmaEsSampler.builder().seed(seed).warnIndependentSampling(false).build();
    }

    @Override
    protected boolean reproducibleWithWorkers() {
        return false;
    }
}
