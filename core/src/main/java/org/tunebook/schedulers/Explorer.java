package org.tunebook.schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * PBT's explore step, with Ray Tune's rules: each mutated hyperparameter is resampled with the resample
 * probability, and otherwise a number is multiplied by one of the perturbation factors (an integer is then
 * truncated, as Ray does) and a categorical value moves to a neighbouring choice. Unlike Ray, a perturbed number is
 * kept inside its range (and on its step grid), because a tunebook parameter's range is part of its suggestion.
 */
final class Explorer {

    /** A mutated hyperparameter: its name and, optionally, the distribution to resample from. */
    record Mutation(String name, Distribution resampleFrom) {
    }

    /** A new configuration and what was done to each mutated hyperparameter ("resample", "* 1.2", "shift left"). */
    record Result(Map<String, Object> params, Map<String, String> operations) {
    }

    private final List<Mutation> mutations;
    private final double resampleProbability;
    private final double[] perturbationFactors;
    private final UnaryOperator<Map<String, Object>> custom;

    Explorer(List<Mutation> mutations, double resampleProbability, double[] perturbationFactors,
            UnaryOperator<Map<String, Object>> custom) {
        this.mutations = List.copyOf(mutations);
        this.resampleProbability = resampleProbability;
        this.perturbationFactors = perturbationFactors.clone();
        this.custom = custom;
    }

    /**
     * Explores from {@code params}, the configuration of the trial being copied, whose parameters were drawn from
     * {@code distributions}.
     *
     * @throws IllegalStateException if a mutated hyperparameter is not among the parameters
     */
    Result explore(Map<String, Object> params, Map<String, Distribution> distributions, SplittableRandom random) {
        Map<String, Object> next = new LinkedHashMap<>(params);
        Map<String, String> operations = new LinkedHashMap<>();
        for (Mutation m : mutations) {
            Distribution own = distributions.get(m.name());
            if (own == null) {
                throw new IllegalStateException("hyperparameter '" + m.name() + "' is to be mutated but the trial never"
                        + " suggested it; the trials suggested " + params.keySet());
            }
            Object value = params.get(m.name());
            Distribution resample = m.resampleFrom() != null ? m.resampleFrom() : own;
            if (own instanceof CategoricalDistribution c) {
                exploreChoice(m.name(), value, c, resample, random, next, operations);
            } else {
                exploreNumber(m.name(), (Number) value, own, resample, random, next, operations);
            }
        }
        if (custom != null) {
            Map<String, Object> changed = custom.apply(new LinkedHashMap<>(next));
            if (changed == null) {
                throw new IllegalStateException("the custom explore function returned null instead of a configuration");
            }
            next = new LinkedHashMap<>(changed);
        }
        return new Result(next, operations);
    }

    private void exploreChoice(String name, Object value, CategoricalDistribution own, Distribution resample,
            SplittableRandom random, Map<String, Object> next, Map<String, String> operations) {
        int index = own.indexOf(value);
        if (random.nextDouble() < resampleProbability || index < 0) {
            next.put(name, draw(resample, random));
            operations.put(name, "resample");
            return;
        }
        int shift = random.nextBoolean() ? -1 : 1;
        int moved = Math.min(Math.max(index + shift, 0), own.choices().size() - 1);
        next.put(name, own.choices().get(moved));
        operations.put(name, "shift " + (shift < 0 ? "left" : "right") + (moved == index ? " (noop)" : ""));
    }

    private void exploreNumber(String name, Number value, Distribution own, Distribution resample,
            SplittableRandom random, Map<String, Object> next, Map<String, String> operations) {
        if (random.nextDouble() < resampleProbability) {
            next.put(name, draw(resample, random));
            operations.put(name, "resample");
            return;
        }
        double factor = perturbationFactors[random.nextInt(perturbationFactors.length)];
        double perturbed = value.doubleValue() * factor;
        if (own instanceof IntDistribution i) {
            next.put(name, i.snap((long) perturbed));
        } else {
            next.put(name, ((FloatDistribution) own).snap(perturbed));
        }
        operations.put(name, "* " + factor);
    }

    /** A uniform draw (log-uniform on a log scale, on the grid when stepped), as an external value. */
    static Object draw(Distribution d, SplittableRandom random) {
        if (d instanceof CategoricalDistribution c) {
            return c.choices().get(random.nextInt(c.choices().size()));
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                return i.snap(Math.exp(Math.log(i.low() - 0.5) + random.nextDouble()
                        * (Math.log(i.high() + 0.5) - Math.log(i.low() - 0.5))));
            }
            long points = ((long) i.high() - i.low()) / i.step() + 1;
            return (int) (i.low() + random.nextLong(points) * i.step());
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.log()) {
            return f.snap(Math.exp(Math.log(f.low()) + random.nextDouble() * (Math.log(f.high()) - Math.log(f.low()))));
        }
        return f.snap(f.low() + random.nextDouble() * (f.high() - f.low()));
    }
}
