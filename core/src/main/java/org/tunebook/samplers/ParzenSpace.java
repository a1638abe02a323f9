package org.tunebook.samplers;

import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * One parameter as a Parzen estimator models it. Numeric parameters live in a <em>model space</em>: the
 * value itself, or its logarithm for log-scaled ones. Kernels are truncated to {@code [low, high]}; for a
 * discrete numeric parameter (an int, a stepped float) each value owns a cell of width {@code q} and the
 * bounds extend half a cell past the end values, so every value gets the same share, as in Optuna.
 * Categorical parameters are modelled by choice index.
 */
final class ParzenSpace {

    final Distribution distribution;
    /** Lower kernel bound in model space (numeric parameters). */
    final double low;
    /** Upper kernel bound in model space (numeric parameters). */
    final double high;
    /** Cell width of a discrete numeric parameter in model space; 0 for continuous ones. */
    final double q;
    /** The number of choices of a categorical parameter; 0 for numeric ones. */
    final int choices;

    private ParzenSpace(Distribution distribution, double low, double high, double q, int choices) {
        this.distribution = distribution;
        this.low = low;
        this.high = high;
        this.q = q;
        this.choices = choices;
    }

    static ParzenSpace of(Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.log()) {
                return new ParzenSpace(d, Math.log(f.low()), Math.log(f.high()), 0, 0);
            }
            if (f.step() != null) {
                double step = f.step();
                return new ParzenSpace(d, f.low() - 0.5 * step, f.high() + 0.5 * step, step, 0);
            }
            return new ParzenSpace(d, f.low(), f.high(), 0, 0);
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                return new ParzenSpace(d, Math.log(i.low() - 0.5), Math.log(i.high() + 0.5), 0, 0);
            }
            return new ParzenSpace(d, i.low() - 0.5 * i.step(), i.high() + 0.5 * i.step(), i.step(), 0);
        }
        return new ParzenSpace(d, 0, 0, 0, ((CategoricalDistribution) d).choices().size());
    }

    boolean isCategorical() {
        return choices > 0;
    }

    /** The model-space value of a stored (internal) value of a parameter defined by {@code d}. */
    static double toModel(Distribution d, double internal) {
        boolean log = d instanceof FloatDistribution f ? f.log() : d instanceof IntDistribution i && i.log();
        return log ? Math.log(internal) : internal;
    }

    /** The model-space value of an internal value of this parameter. */
    double toModel(double internal) {
        return toModel(distribution, internal);
    }

    /**
     * The internal value a model-space draw stands for: rounded onto the parameter's grid and kept inside its
     * range (the index, for a categorical parameter). Stepped floats come out on the decimal grid.
     */
    double toInternal(double model) {
        if (distribution instanceof FloatDistribution f) {
            double v = f.log() ? Math.exp(model) : model;
            return f.step() != null ? f.snap(v) : Math.min(f.high(), Math.max(f.low(), v));
        }
        if (distribution instanceof IntDistribution i) {
            return i.log() ? Math.min(i.high(), Math.max(i.low(), Math.rint(Math.exp(model)))) : i.snap(model);
        }
        return Math.min(choices - 1, Math.max(0, Math.rint(model)));
    }

    /**
     * The model-space point at which a candidate drawn at {@code model} is scored: the draw itself for
     * continuous parameters, its grid value for discrete ones (without the decimal rounding of
     * {@link #toInternal}, which only matters for the value handed out).
     */
    double roundModel(double model) {
        if (distribution instanceof FloatDistribution f) {
            if (f.step() == null) {
                return Math.min(high, Math.max(low, model));
            }
            double k = Math.rint((model - f.low()) / q);
            return Math.min(f.high(), Math.max(f.low(), f.low() + k * q));
        }
        if (distribution instanceof IntDistribution i) {
            if (i.log()) {
                return Math.log(Math.min(i.high(), Math.max(i.low(), Math.rint(Math.exp(model)))));
            }
            return i.snap(model);
        }
        return model;
    }

    @Override
    public String toString() {
        return "ParzenSpace(" + distribution + ")";
    }
}
