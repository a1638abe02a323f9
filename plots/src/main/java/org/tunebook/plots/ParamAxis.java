package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * How one parameter is laid along an axis: numbers as they are (on a log axis for log-scaled parameters),
 * categorical choices at positions 0, 1, 2, … labeled with the choices. The numeric range is the range of
 * the values the trials took.
 */
final class ParamAxis {

    private final String name;
    private final boolean log;
    private final List<String> choices;
    private final CategoricalDistribution categorical;
    private final double low;
    private final double high;

    private ParamAxis(String name, boolean log, CategoricalDistribution categorical, double low, double high) {
        this.name = name;
        this.log = log;
        this.categorical = categorical;
        this.low = low;
        this.high = high;
        this.choices = new ArrayList<>();
        if (categorical != null) {
            categorical.choices().forEach(c -> choices.add(String.valueOf(c)));
        }
    }

    /**
     * The axis of {@code name} over the trials that have it.
     *
     * @throws IllegalArgumentException if no trial has the parameter
     */
    static ParamAxis of(String name, List<FrozenTrial> trials) {
        Distribution first = null;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (FrozenTrial t : trials) {
            Distribution d = t.distributions().get(name);
            if (d == null) {
                continue;
            }
            if (first == null) {
                first = d;
            }
            if (!(d instanceof CategoricalDistribution)) {
                double v = d.toInternal(t.params().get(name));
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no trial has the parameter '" + name + "'");
        }
        if (first instanceof CategoricalDistribution c) {
            return new ParamAxis(name, false, c, 0, c.choices().size() - 1);
        }
        boolean log = first instanceof FloatDistribution f && f.log() || first instanceof IntDistribution i && i.log();
        return new ParamAxis(name, log, null, low, high);
    }

    String name() {
        return name;
    }

    boolean isLog() {
        return log;
    }

    boolean isCategorical() {
        return categorical != null;
    }

    /** The choices' labels of a categorical parameter (empty for numeric ones). */
    List<String> choices() {
        return choices;
    }

    /** The smallest position a trial took (0 for categorical parameters). */
    double low() {
        return low;
    }

    /** The largest position a trial took (the last index for categorical parameters). */
    double high() {
        return high;
    }

    /** Where a trial's value lies on the axis, or NaN if the trial lacks the parameter. */
    double position(FrozenTrial trial) {
        if (!trial.params().containsKey(name)) {
            return Double.NaN;
        }
        Object value = trial.params().get(name);
        if (categorical != null) {
            int i = categorical.indexOf(value);
            return i < 0 ? Double.NaN : i;
        }
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A position scaled to [0, 1] over the axis' range, in log space for log axes (0.5 for a single value). */
    double normalize(double position) {
        double a = log ? Math.log(low) : low;
        double b = log ? Math.log(high) : high;
        double v = log ? Math.log(position) : position;
        return b > a ? (v - a) / (b - a) : 0.5;
    }

    /** The position at {@code u} in [0, 1] of the axis' range: the inverse of {@link #normalize}. */
    double denormalize(double u) {
        if (log) {
            return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
        }
        return low + u * (high - low);
    }

    /** Makes the chart's x (or y) axis show this parameter: title, log scale or choice labels. */
    void applyTo(XYChart chart, boolean xAxis) {
        if (xAxis) {
            chart.setXAxisTitle(name);
            if (categorical != null) {
                Charts.nameXTicks(chart, choices);
            } else if (log) {
                chart.getStyler().setXAxisLogarithmic(true);
                chart.getStyler().setXAxisLogarithmicDecadeOnly(decades() >= 2);
            }
        } else {
            chart.setYAxisTitle(name);
            if (categorical != null) {
                Charts.nameYTicks(chart, choices);
            } else if (log) {
                chart.getStyler().setYAxisLogarithmic(true);
                chart.getStyler().setYAxisLogarithmicDecadeOnly(decades() >= 2);
            }
        }
    }

    /** How many powers of ten the values span. */
    private double decades() {
        return low > 0 ? Math.log10(high / low) : 0;
    }

    /** A compact label for a position: a choice, or a number with few digits. */
    String label(double position) {
        if (categorical != null) {
            int i = (int) Math.rint(position);
            return i >= 0 && i < choices.size() ? choices.get(i) : "";
        }
        return Numbers.format(position);
    }

    @Override
    public String toString() {
        return name + (log ? " (log)" : "") + (categorical != null ? " " + choices : " [" + low + ", " + high + "]");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamAxis a && a.name.equals(name) && a.log == log && Objects.equals(a.categorical, categorical)
                && a.low == low && a.high == high;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, log, categorical, low, high);
    }
}
