package org.tunebook.plots;

import java.util.Arrays;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * An empirical distribution function: the completed trials' finite target values in increasing order, and
 * for each the fraction of those trials whose value is at most it.
 */
record EdfData(double[] values, double[] fractions) {

    static EdfData of(List<FrozenTrial> trials, Target target) {
        double[] values = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(target::of)
                .filter(Double::isFinite).sorted().toArray();
        double[] fractions = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int last = i;
            while (last + 1 < values.length && values[last + 1] == values[i]) {
                last++;
            }
            fractions[i] = (last + 1) / (double) values.length;
        }
        return new EdfData(values, fractions);
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    /** The step curve's corners: starting at 0 before the first value. */
    double[][] steps() {
        double[] x = new double[values.length + 1];
        double[] y = new double[values.length + 1];
        if (values.length == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        x[0] = values[0];
        y[0] = 0;
        System.arraycopy(values, 0, x, 1, values.length);
        System.arraycopy(fractions, 0, y, 1, values.length);
        return new double[][] {Arrays.copyOf(x, x.length), y};
    }
}
