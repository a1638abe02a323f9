package org.tunebook.plots;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;

/** The value a plot shows for each trial, its axis name and which way is better. */
record Target(ToDoubleFunction<FrozenTrial> value, String name, Direction direction) {

    /** The options' custom target, or the chosen objective of a study with these directions. */
    static Target of(List<Direction> directions, PlotOptions options) {
        if (options.customTarget() != null) {
            return new Target(options.customTarget(), options.targetName(), Direction.MINIMIZE);
        }
        int k = options.objective();
        if (k >= directions.size()) {
            throw new IllegalArgumentException("the study has " + directions.size() + " objective(s), numbered from 0;"
                    + " there is no objective " + k);
        }
        String name = directions.size() == 1 ? "Objective value" : "Objective " + k;
        return new Target(t -> t.values()[k], name, directions.get(k));
    }

    /**
     * The target of a trial, or NaN when the trial has none: no objective values, or a custom target that
     * cannot be computed for it (such as the duration of a running trial).
     */
    double of(FrozenTrial trial) {
        try {
            return value.applyAsDouble(trial);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    boolean isBetter(double a, double b) {
        return direction.isBetter(a, b);
    }
}
