package org.tunebook.plots;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/** The learning curves: each trial's reported values by step, grouped by the trial's state. */
record IntermediateData(Map<TrialState, List<Curve>> byState) {

    /** One trial's curve. */
    record Curve(int number, double[] steps, double[] values) {
    }

    static IntermediateData of(List<FrozenTrial> trials) {
        Map<TrialState, List<Curve>> byState = new EnumMap<>(TrialState.class);
        for (FrozenTrial t : trials) {
            SortedMap<Integer, Double> reported = t.intermediateValues();
            List<Double> steps = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            reported.forEach((step, value) -> {
                if (Double.isFinite(value)) {
                    steps.add(step.doubleValue());
                    values.add(value);
                }
            });
            if (steps.isEmpty()) {
                continue;
            }
            byState.computeIfAbsent(t.state(), s -> new ArrayList<>()).add(new Curve(t.number(),
                    steps.stream().mapToDouble(Double::doubleValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new IntermediateData(byState);
    }

    boolean isEmpty() {
        return byState.isEmpty();
    }

    /** All curves of one state joined into one series, a NaN between two trials so the lines do not connect. */
    static double[][] joined(List<Curve> curves) {
        int n = curves.stream().mapToInt(c -> c.steps.length + 1).sum() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (Curve c : curves) {
            if (k > 0) {
                x[k] = Double.NaN;
                y[k] = Double.NaN;
                k++;
            }
            System.arraycopy(c.steps, 0, x, k, c.steps.length);
            System.arraycopy(c.values, 0, y, k, c.values.length);
            k += c.steps.length;
        }
        return new double[][] {x, y};
    }
}
