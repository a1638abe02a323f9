package org.tunebook;

/**
 * An objective of a multi-objective study: returns one value per direction of the study. Pass it
 * where an {@link Objective} is expected, e.g. {@code Objective.multi(t -> new double[] {acc, latency})}.
 */
@FunctionalInterface
public interface MultiObjective extends Objective {

    @Override
    double[] evaluateAll(Trial trial) throws Exception;

    /** Not available: a multi-objective function has no single value. */
    @Override
    default double evaluate(Trial trial) {
        throw new UnsupportedOperationException("a multi-objective function returns several values; call evaluateAll");
    }
}
