package org.tunebook.distributions;

import java.math.BigDecimal;

/**
 * A floating-point parameter in {@code [low, high]}, optionally on a log scale or on a grid of
 * {@code step} (not both). With a step, {@code high} is lowered to the last grid point, as Optuna does.
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive
 * @param log whether values are spread evenly on a log scale ({@code low} must then be positive)
 * @param step grid spacing from {@code low}, or {@code null} for a continuous range
 */
public record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {

    /** Validates the bounds and, for stepped ranges, adjusts {@code high} onto the grid. */
    public FloatDistribution {
        if (Double.isNaN(low) || Double.isNaN(high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("float range [" + low + ", " + high + "] must have finite bounds");
        }
        if (low > high) {
            throw new IllegalArgumentException("float range has low > high (low=" + low + ", high=" + high
                    + "); swap the bounds");
        }
        if (log && step != null) {
            throw new IllegalArgumentException("float range [" + low + ", " + high
                    + "] cannot be both log-scaled and stepped (step=" + step + "); choose one");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("log-scaled float range needs low > 0, got low=" + low
                    + "; use a positive lower bound or a linear scale");
        }
        if (step != null) {
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("float range step must be positive and finite, got step=" + step);
            }
            high = adjustHigh(low, high, step);
        }
    }

    /** A continuous, linear range. */
    public FloatDistribution(double low, double high) {
        this(low, high, false, null);
    }

    /** Snaps {@code high} down to the last point of the grid {@code low + k * step}, using decimal arithmetic. */
    private static double adjustHigh(double low, double high, double step) {
        BigDecimal lo = BigDecimal.valueOf(low);
        BigDecimal st = BigDecimal.valueOf(step);
        BigDecimal steps = BigDecimal.valueOf(high).subtract(lo).divideToIntegralValue(st);
        return lo.add(steps.multiply(st)).doubleValue();
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not a number, so it cannot belong to " + this);
        }
        return n.doubleValue();
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean contains(double value) {
        if (Double.isNaN(value) || value < low || value > high) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (value - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-8;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public boolean isCompatibleWith(Distribution other) {
        return other instanceof FloatDistribution f && f.log == log;
    }

    /**
     * Rounds a raw value onto this distribution's step grid and clamps it into the range. Grid points are
     * computed in decimal, so {@code 0.1 * 3} comes out as {@code 0.3}, the value {@link #high()} and a grid
     * enumerated from a space have, not {@code 0.30000000000000004}.
     */
    public double snap(double value) {
        double clamped = Math.min(high, Math.max(low, value));
        if (step == null || Double.isNaN(clamped)) {
            return clamped;
        }
        double k = Math.rint((clamped - low) / step);
        if (Double.isInfinite(k)) {
            return clamped;   // value - low overflows: no grid arithmetic at this scale, keep the clamped value
        }
        double onGrid = BigDecimal.valueOf(low).add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(step))).doubleValue();
        return Math.min(high, Math.max(low, onGrid));
    }

    @Override
    public String toString() {
        return "float [" + low + ", " + high + "]" + (log ? " log" : "") + (step != null ? " step " + step : "");
    }
}
