package org.tunebook.importance;

import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * The trials' parameters as a numeric matrix for the forest: internal values, log-scaled parameters in log
 * space, categorical ones as the index of the choice. Each column has bounds that give every possible value
 * an equal share: discrete values (ints, stepped floats, choices) own the interval of half a step around
 * them.
 */
final class Features {

    /** {@code columns[f][i]}: feature {@code f} of trial {@code i}. */
    final double[][] columns;
    /** {@code bounds[f] = {low, high}}. */
    final double[][] bounds;

    private Features(double[][] columns, double[][] bounds) {
        this.columns = columns;
        this.bounds = bounds;
    }

    static Features of(ImportanceInput input) {
        List<String> params = input.params();
        List<FrozenTrial> trials = input.trials();
        double[][] columns = new double[params.size()][trials.size()];
        double[][] bounds = new double[params.size()][];
        for (int f = 0; f < params.size(); f++) {
            String name = params.get(f);
            Distribution d = input.space().get(name);
            bounds[f] = bounds(d);
            for (int i = 0; i < trials.size(); i++) {
                columns[f][i] = encode(d, trials.get(i).params().get(name));
            }
        }
        return new Features(columns, bounds);
    }

    int count() {
        return columns.length;
    }

    int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** A parameter's value on the forest's axis. */
    static double encode(Distribution d, Object external) {
        double internal = d.toInternal(external);
        return isLog(d) ? Math.log(internal) : internal;
    }

    /** The interval of the forest's axis that the distribution's values cover. */
    static double[] bounds(Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.log()) {
                return new double[] {Math.log(f.low()), Math.log(f.high())};
            }
            double half = f.step() == null ? 0 : f.step() / 2;
            return new double[] {f.low() - half, f.high() + half};
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                return new double[] {Math.log(i.low() - 0.5), Math.log(i.high() + 0.5)};
            }
            return new double[] {i.low() - i.step() / 2.0, i.high() + i.step() / 2.0};
        }
        return new double[] {-0.5, ((CategoricalDistribution) d).choices().size() - 0.5};
    }

    private static boolean isLog(Distribution d) {
        return d instanceof FloatDistribution f && f.log() || d instanceof IntDistribution i && i.log();
    }
}
