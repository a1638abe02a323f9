package org.tunebook;

/**
 * An objective over a declared {@link Space}: it receives the sampled configuration, Ray Tune style,
 * instead of asking a trial for each parameter.
 */
@FunctionalInterface
public interface SpaceObjective {

    /** Evaluates one configuration. */
    double evaluate(Params params) throws Exception;
}
