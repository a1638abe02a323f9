package org.tunebook.samplers;

import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * Maps a number {@code u} in {@code [0, 1)} onto a distribution so that a uniform {@code u} gives the
 * random sampler's distribution: uniform over the range (in log space for log parameters), every grid
 * value and every choice equally likely. Quasi-random points keep their even spread through it.
 */
final class UnitMapping {

    private UnitMapping() {
    }

    /** The internal value at {@code u}. */
    static double at(Distribution distribution, double u) {
        u = Math.min(Math.max(u, 0), Math.nextDown(1.0));
        if (distribution instanceof FloatDistribution f) {
            if (f.isSingle()) {
                return f.low();
            }
            if (f.log()) {
                double logLow = Math.log(f.low());
                return clamp(Math.exp(logLow + u * (Math.log(f.high()) - logLow)), f.low(), f.high());
            }
            if (f.step() != null) {
                long points = Math.round((f.high() - f.low()) / f.step()) + 1;
                return f.snap(f.low() + Math.floor(u * points) * f.step());
            }
            double width = f.high() - f.low();
            double v = Double.isInfinite(width) ? f.low() * (1 - u) + f.high() * u : f.low() + u * width;
            return clamp(v, f.low(), f.high());
        }
        if (distribution instanceof IntDistribution i) {
            if (i.log()) {
                double logLow = Math.log(i.low() - 0.5);
                return i.snap(Math.exp(logLow + u * (Math.log(i.high() + 0.5) - logLow)));
            }
            long points = ((long) i.high() - i.low()) / i.step() + 1;
            return i.low() + (long) Math.floor(u * points) * (long) i.step();
        }
        return Math.floor(u * ((CategoricalDistribution) distribution).choices().size());
    }

    private static double clamp(double v, double low, double high) {
        return Math.min(high, Math.max(low, v));
    }
}
