package org.tunebook.samplers;

/**
 * Univariate TPE with Optuna's defaults: the sampler contract. With several workers, which trials a trial
 * can model depends on which others have finished by then, as in Optuna, so seeded runs with workers are
 * not checked for equality here; {@link TpeReproducibleWorkersTest} checks the mode that guarantees it.
 */
class TpeSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return new TpeSampler(seed);
    }

    @Override
    protected boolean reproducibleWithWorkers() {
        return false;
    }
}
