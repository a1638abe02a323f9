package org.tunebook;

/**
 * The function to optimize: it asks the trial for hyperparameters, evaluates them and returns the
 * score. Throw {@link TrialPrunedException} to stop a trial that a pruner judged unpromising; any other
 * exception (or a NaN result) marks the trial failed, with the exception as its reason.
 *
 * <p>For several objectives wrap a function returning an array: {@code Objective.multi(t -> new double[] {acc, ms})}.
 */
@FunctionalInterface
public interface Objective {

    /** Evaluates one trial. */
    double evaluate(Trial trial) throws Exception;

    /** All objective values of one trial; one value unless this is a {@link MultiObjective}. */
    default double[] evaluateAll(Trial trial) throws Exception {
        return new double[] {evaluate(trial)};
    }

    /** Adapts a function returning one value per objective, for multi-objective studies. */
    static Objective multi(MultiObjective objective) {
        return objective;
    }
}
