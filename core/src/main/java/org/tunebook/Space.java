package org.tunebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * A search space declared up front, for grid search, Ray Tune–style objectives that receive a whole
 * configuration, and the notebook's {@code %%tune space} cells.
 *
 * <pre>{@code
 * Space space = Space.builder()
 *     .intRange("n_estimators", 50, 300)
 *     .logFloat("lr", 1e-5, 1e-1)
 *     .choice("activation", "relu", "tanh")
 *     .build();
 * study.optimize(space, p -> score(p.getInt("n_estimators"), p.getDouble("lr")), Run.trials(50));
 * }</pre>
 */
public final class Space {

    /** Grids larger than this are refused rather than enumerated. */
    static final int MAX_GRID_VALUES_PER_PARAMETER = 1_000_000;

    private final Map<String, Distribution> distributions;

    private Space(Map<String, Distribution> distributions) {
        this.distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** A builder for a space. */
    public static Builder builder() {
        return new Builder();
    }

    /** The parameters and their distributions, in declaration order. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /** The number of parameters. */
    public int size() {
        return distributions.size();
    }

    /**
     * Every value of every parameter, for grid search.
     *
     * @throws IllegalArgumentException if a parameter is a continuous float range
     */
    public Map<String, List<Object>> gridValues() {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        distributions.forEach((name, d) -> grid.put(name, valuesOf(name, d)));
        return grid;
    }

    private static List<Object> valuesOf(String name, Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return c.choices();
        }
        List<Object> values = new ArrayList<>();
        if (d instanceof IntDistribution i) {
            checkGridSize(name, ((long) i.high() - i.low()) / i.step() + 1);
            for (long v = i.low(); v <= i.high(); v += i.step()) {
                values.add((int) v);
            }
            return values;
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.step() == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is a continuous " + f
                    + ", which has no grid; give it a step, or list its values with choice(...)");
        }
        BigDecimal low = BigDecimal.valueOf(f.low());
        BigDecimal step = BigDecimal.valueOf(f.step());
        long points = Math.round((f.high() - f.low()) / f.step()) + 1;
        checkGridSize(name, points);
        for (long k = 0; k < points; k++) {
            values.add(low.add(step.multiply(BigDecimal.valueOf(k))).doubleValue());
        }
        return values;
    }

    private static void checkGridSize(String name, long points) {
        if (points > MAX_GRID_VALUES_PER_PARAMETER) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + points
                    + " grid values, too many for grid search; use a coarser step or random search");
        }
    }

    /** Suggests every parameter of this space in a trial and returns the configuration. */
    public Params sample(Trial trial) {
        Map<String, Object> values = new LinkedHashMap<>();
        distributions.forEach((name, d) -> values.put(name, trial.suggest(name, d)));
        return new Params(values);
    }

    /** An objective that samples this space and evaluates the configuration. */
    Objective objective(SpaceObjective objective) {
        if (objective == null) {
            throw new IllegalArgumentException("optimize needs an objective for the space");
        }
        return trial -> objective.evaluate(sample(trial));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Space{");
        distributions.forEach((name, d) -> s.append("\n  ").append(name).append(": ").append(d));
        return s.append(distributions.isEmpty() ? "}" : "\n}").toString();
    }

    /** Builds a {@link Space}; each method validates its range at once. */
    public static final class Builder {
        private final Map<String, Distribution> distributions = new LinkedHashMap<>();

        private Builder() {
        }

        /** A float range, linear. */
        public Builder floatRange(String name, double low, double high) {
            return add(name, new FloatDistribution(low, high, false, null));
        }

        /** A float range on a grid of {@code step}. */
        public Builder floatRange(String name, double low, double high, double step) {
            return add(name, new FloatDistribution(low, high, false, step));
        }

        /** A float range on a log scale. */
        public Builder logFloat(String name, double low, double high) {
            return add(name, new FloatDistribution(low, high, true, null));
        }

        /** An int range. */
        public Builder intRange(String name, int low, int high) {
            return add(name, new IntDistribution(low, high, false, 1));
        }

        /** An int range with a step. */
        public Builder intRange(String name, int low, int high, int step) {
            return add(name, new IntDistribution(low, high, false, step));
        }

        /** An int range on a log scale. */
        public Builder logInt(String name, int low, int high) {
            return add(name, new IntDistribution(low, high, true, 1));
        }

        /** A categorical parameter. */
        public Builder choice(String name, Object... choices) {
            return add(name, new CategoricalDistribution(choices == null ? List.of() : Arrays.asList(choices)));
        }

        /** A categorical parameter. */
        public Builder choice(String name, List<?> choices) {
            return add(name, new CategoricalDistribution(choices));
        }

        /** A parameter with any distribution. */
        public Builder add(String name, Distribution distribution) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a parameter needs a non-empty name");
            }
            if (distributions.containsKey(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is declared twice in the space");
            }
            distributions.put(name, distribution);
            return this;
        }

        /** The space. */
        public Space build() {
            return new Space(distributions);
        }
    }
}
