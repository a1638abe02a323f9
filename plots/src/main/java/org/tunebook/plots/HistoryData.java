package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The points of an optimization history: for each COMPLETE trial with a finite target, its number, its
 * value and the best value of all completed trials up to and including it.
 */
record HistoryData(int[] numbers, double[] values, double[] best) {

    static HistoryData of(List<FrozenTrial> trials, Target target) {
        List<FrozenTrial> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Integer> numbers = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        double sofar = Double.NaN;
        for (FrozenTrial t : sorted) {
            if (t.state() != TrialState.COMPLETE) {
                continue;
            }
            double v = target.of(t);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (Double.isNaN(sofar) || target.isBetter(v, sofar)) {
                sofar = v;
            }
            numbers.add(t.number());
            values.add(v);
            best.add(sofar);
        }
        return new HistoryData(numbers.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(),
                best.stream().mapToDouble(Double::doubleValue).toArray());
    }

    boolean isEmpty() {
        return numbers.length == 0;
    }

    double[] x() {
        double[] x = new double[numbers.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = numbers[i];
        }
        return x;
    }

    /** Whether values spread over three or more orders of magnitude, all positive: a log axis reads better. */
    static boolean wantsLogAxis(List<HistoryData> histories) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (HistoryData h : histories) {
            for (double v : h.values) {
                if (v <= 0) {
                    return false;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max > 0 && max / min >= 1000;
    }
}
