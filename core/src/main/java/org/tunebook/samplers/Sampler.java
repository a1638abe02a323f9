package org.tunebook.samplers;

import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Proposes parameter values for trials. A sampler answers in two ways, as Optuna's do:
 * <ul>
 *   <li><em>relative</em> sampling: at a trial's first suggestion, the sampler may name a search space
 *   ({@link #inferRelativeSearchSpace}) and sample all of it jointly ({@link #sampleRelative}), which is how
 *   multivariate TPE, Gaussian processes and CMA-ES model correlations;</li>
 *   <li><em>independent</em> sampling: every parameter the relative step did not cover is drawn on its own
 *   ({@link #sampleIndependent}), which also covers conditional and loop-built spaces.</li>
 * </ul>
 * Values are exchanged in their internal form (see {@link Distribution}). A sampler is shared by all worker
 * threads of a study and must be thread-safe. For reproducibility, a seeded sampler should derive its
 * randomness from the seed and the trial number rather than from a shared random stream, so that the
 * values of trial {@code n} do not depend on which thread ran first.
 */
public interface Sampler {

    /** The parameters to sample jointly for this trial; empty (the default) for independent-only samplers. */
    default Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        return Map.of();
    }

    /** Internal values for (some of) the relative search space. */
    default Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        return Map.of();
    }

    /** The internal value of one parameter, sampled on its own. */
    double sampleIndependent(Study study, Trial trial, String name, Distribution distribution);

    /**
     * Called before a new trial is created (not for enqueued trials, which have their parameters). Returns
     * system attributes to store with the new trial; throws {@link SearchSpaceExhaustedException} when the
     * sampler has nothing left to propose, which ends the run without creating a trial.
     */
    default Map<String, Object> beforeTrial(Study study) {
        return Map.of();
    }

    /**
     * Called when a trial's result is known but not yet stored (for COMPLETE and PRUNED trials): the trial is
     * still running, so the sampler may record system attributes with it, such as the values of a
     * constraints function. An exception fails that trial, with the exception's message as its reason.
     *
     * @param values the objective values (for a pruned trial, its last reported value, or none)
     */
    default void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
    }

    /** Called after a trial has finished and been stored. */
    default void afterTrial(Study study, FrozenTrial trial) {
    }
}
