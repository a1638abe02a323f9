package org.tunebook.bench;

import java.util.function.ToDoubleFunction;
import org.tunebook.Objective;
import org.tunebook.Trial;

/**
 * A test function for comparing samplers: an objective to minimize, which asks the trial for its
 * parameters, and the function's known minimum.
 *
 * @param name a short name, also used by the Python twin in {@code optuna_quality.py} (a resource next to these classes)
 * @param description dimensions and ranges, for reports
 * @param evaluate asks the trial for its parameters and returns the value
 * @param minimum the global minimum
 */
public record BenchmarkFunction(String name, String description, ToDoubleFunction<Trial> evaluate, double minimum) {

    /** The function as an objective. */
    public Objective objective() {
        return evaluate::applyAsDouble;
    }

    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
