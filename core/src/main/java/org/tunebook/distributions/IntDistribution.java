package org.tunebook.distributions;

/**
 * An integer parameter in {@code [low, high]}, with a {@code step} (default 1) or on a log scale
 * (then the step must be 1). With a step, {@code high} is lowered to the last grid point.
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive
 * @param log whether values are spread evenly on a log scale ({@code low} must then be at least 1)
 * @param step grid spacing from {@code low}
 */
public record IntDistribution(int low, int high, boolean log, int step) implements Distribution {

    /** Validates the bounds and adjusts {@code high} onto the step grid. */
    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException("int range has low > high (low=" + low + ", high=" + high
                    + "); swap the bounds");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("int range step must be positive, got step=" + step);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("int range [" + low + ", " + high
                    + "] cannot be both log-scaled and stepped (step=" + step + "); choose one");
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("log-scaled int range needs low >= 1, got low=" + low
                    + "; use a positive lower bound or a linear scale");
        }
        high = (int) (low + ((long) high - low) / step * step);
    }

    /** A linear range with step 1. */
    public IntDistribution(int low, int high) {
        this(low, high, false, 1);
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not a number, so it cannot belong to " + this);
        }
        double v = n.doubleValue();
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("value " + external + " is not an integer, so it cannot belong to " + this);
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        return (int) Math.round(internal);
    }

    @Override
    public boolean contains(double value) {
        if (Double.isNaN(value) || value < low || value > high || value != Math.rint(value)) {
            return false;
        }
        return ((long) value - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public boolean isCompatibleWith(Distribution other) {
        return other instanceof IntDistribution i && i.log == log;
    }

    /** Rounds a raw value onto this distribution's grid and clamps it into the range. */
    public int snap(double value) {
        double onGrid = low + Math.rint((value - low) / step) * step;
        return (int) Math.min(high, Math.max(low, onGrid));
    }

    @Override
    public String toString() {
        return "int [" + low + ", " + high + "]" + (log ? " log" : "") + (step != 1 ? " step " + step : "");
    }
}
