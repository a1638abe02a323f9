package org.tunebook.importance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.Distribution;

/**
 * What an {@link ImportanceEvaluator} looks at: the parameters with their distributions, the trials (each has
 * every parameter) and the target value of each trial, all finite.
 *
 * @param space the parameters to score, each with a distribution covering every trial's value and
 *     having more than one possible value
 * @param trials the trials, each having every parameter of {@code space}
 * @param targets the value to explain for each trial, in the order of {@code trials}
 * @param direction whether low or high targets are the good ones (used by evaluators that compare the best
 *     trials with the rest)
 */
public record ImportanceInput(Map<String, Distribution> space, List<FrozenTrial> trials, double[] targets,
        Direction direction) {

    /** Checks that the parts fit together and copies them. */
    public ImportanceInput {
        if (space == null || trials == null || targets == null || direction == null) {
            throw new IllegalArgumentException("importance input needs a space, trials, targets and a direction");
        }
        if (trials.size() != targets.length) {
            throw new IllegalArgumentException(trials.size() + " trials but " + targets.length + " targets");
        }
        space = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
        trials = List.copyOf(trials);
        targets = targets.clone();
    }

    /** The target values (a copy). */
    @Override
    public double[] targets() {
        return targets.clone();
    }

    /** The names of the parameters, in the order of {@link #space()}. */
    public List<String> params() {
        return List.copyOf(space.keySet());
    }
}
