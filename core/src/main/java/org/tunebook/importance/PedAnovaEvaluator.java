package org.tunebook.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * PED-ANOVA importance (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter
 * Importance in Arbitrary Subspaces", IJCAI 2023), with Optuna's {@code PedAnovaImportanceEvaluator}
 * semantics: a parameter is important when the best trials (the top {@code baselineQuantile} of the target)
 * are distributed differently over it than all trials are. For each parameter, both distributions are
 * estimated on a grid of at most 50 cells (log space for log-scaled parameters, one cell per choice for
 * categorical ones) and compared by the Pearson divergence.
 *
 * <p>No forest and no randomness: the same trials always give the same importances. With
 * {@code evaluateOnLocal} false, the best trials are compared with a uniform spread over the search space
 * instead of with where the trials were.
 */
public final class PedAnovaEvaluator implements ImportanceEvaluator {

    private static final int STEPS = 50;
    private static final int MIN_TOP_TRIALS = 2;
    private static final double PRIOR_WEIGHT = 1.0;

    private final double baselineQuantile;
    private final boolean evaluateOnLocal;

    /** The best 10% against all trials, as in Optuna. */
    public PedAnovaEvaluator() {
        this(0.1, true);
    }

    /**
     * The best {@code baselineQuantile} of the trials (at least two) against all trials, or against a uniform
     * spread over the search space if {@code evaluateOnLocal} is false.
     *
     * @throws IllegalArgumentException if the quantile is not in (0, 1]
     */
    public PedAnovaEvaluator(double baselineQuantile, boolean evaluateOnLocal) {
        if (!(baselineQuantile > 0 && baselineQuantile <= 1)) {
            throw new IllegalArgumentException("the baseline quantile must be in (0, 1], got " + baselineQuantile);
        }
        this.baselineQuantile = baselineQuantile;
        this.evaluateOnLocal = evaluateOnLocal;
    }

    @Override
    public Map<String, Double> evaluate(ImportanceInput input) {
        List<FrozenTrial> trials = input.trials();
        Map<String, Double> importances = new LinkedHashMap<>();
        if (trials.size() <= MIN_TOP_TRIALS) {
            input.params().forEach(p -> importances.put(p, 1.0));
            return importances;
        }
        List<FrozenTrial> top = top(trials, input.targets(), input.direction());
        for (Map.Entry<String, Distribution> e : input.space().entrySet()) {
            importances.put(e.getKey(), divergence(e.getKey(), e.getValue(), top, trials));
        }
        return importances;
    }

    /** The trials whose loss is at most the baseline quantile's (inverted CDF), and at least two of them. */
    List<FrozenTrial> top(List<FrozenTrial> trials, double[] targets, Direction direction) {
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        double[] loss = new double[targets.length];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = sign * targets[i];
        }
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        int quantileIndex = Math.max(0, (int) Math.ceil(baselineQuantile * loss.length) - 1);
        double cutoff = Math.max(sorted[MIN_TOP_TRIALS - 1], sorted[quantileIndex]);
        List<FrozenTrial> top = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            if (loss[i] <= cutoff) {
                top.add(trials.get(i));
            }
        }
        return top;
    }

    private double divergence(String name, Distribution d, List<FrozenTrial> top, List<FrozenTrial> all) {
        GridDensity pTop = density(name, d, top);
        GridDensity pLocal = evaluateOnLocal ? density(name, d, all) : null;
        int n = pTop.size();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double t = pTop.at(k) + 1e-12;
            double l = (pLocal == null ? 1.0 / n : pLocal.at(k)) + 1e-12;
            double ratio = t / l - 1;
            sum += l * ratio * ratio;
        }
        return sum;
    }

    private static GridDensity density(String name, Distribution d, List<FrozenTrial> trials) {
        if (d instanceof CategoricalDistribution c) {
            int[] counts = new int[c.choices().size()];
            for (FrozenTrial t : trials) {
                counts[(int) c.toInternal(t.params().get(name))]++;
            }
            return GridDensity.categorical(counts, PRIOR_WEIGHT);
        }
        Grid grid = Grid.of(d);
        int[] counts = new int[grid.cells];
        for (FrozenTrial t : trials) {
            counts[grid.cell(Features.encode(d, t.params().get(name)))]++;
        }
        return GridDensity.ordered(counts, PRIOR_WEIGHT);
    }

    /** Evenly spaced grid points over a numeric range (in log space for log ranges); a value counts at its nearest. */
    record Grid(double first, double spacing, int cells) {

        static Grid of(Distribution d) {
            int cells = STEPS;
            double low;
            double high;
            if (d instanceof IntDistribution i) {
                low = i.log() ? Math.log(i.low()) : i.low();
                high = i.log() ? Math.log(i.high()) : i.high();
                int count = i.log() ? (int) Math.ceil(Math.log(i.high() - i.low() + 1.0) / Math.log(2)) + 1
                        : (i.high() - i.low()) / i.step() + 1;
                cells = Math.min(count, STEPS);
            } else {
                FloatDistribution f = (FloatDistribution) d;
                low = f.log() ? Math.log(f.low()) : f.low();
                high = f.log() ? Math.log(f.high()) : f.high();
                if (f.step() != null) {
                    cells = (int) Math.min(Math.round((f.high() - f.low()) / f.step()) + 1, STEPS);
                }
            }
            cells = Math.max(cells, 2);
            return new Grid(low, (high - low) / (cells - 1), cells);
        }

        /** The first grid point at or above {@code v} minus half a spacing: the nearest point, lower on ties. */
        int cell(double v) {
            if (!(spacing > 0)) {
                return 0;
            }
            int k = (int) Math.ceil((v - spacing / 2 - first) / spacing - 1e-9);
            return Math.max(0, Math.min(cells - 1, k));
        }
    }

    @Override
    public String toString() {
        return "PedAnovaEvaluator(baselineQuantile=" + baselineQuantile + ", evaluateOnLocal=" + evaluateOnLocal + ")";
    }
}
