package org.tunebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A short description of a stored study, as listed by {@link Tune#studies(String)}.
 *
 * @param name the study's name
 * @param directions one per objective
 * @param trials the number of trials in all
 * @param countsByState trials per state
 * @param bestValue the best value, for single-objective studies with a completed trial
 * @param started when the first trial started, or null
 * @param userAttrs the study's user attributes
 */
public record StudySummary(String name, List<Direction> directions, int trials, Map<TrialState, Integer> countsByState,
        OptionalDouble bestValue, Instant started, Map<String, Object> userAttrs) {
}
