package org.tunebook.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The points of a rank plot: completed trials placed by two parameters (or by one parameter and the
 * target), each with its rank among them as a fraction: 0 for the best trial, 1 for the worst, ties
 * sharing the better rank.
 */
record RankData(ParamAxis x, ParamAxis y, double[] xs, double[] ys, double[] ranks) {

    /** {@code yParam} null puts the target on the y axis. */
    static RankData of(List<FrozenTrial> all, String xParam, String yParam, Target target) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (FrozenTrial t : all) {
            if (t.state() == TrialState.COMPLETE && t.params().containsKey(xParam)
                    && (yParam == null || t.params().containsKey(yParam)) && Double.isFinite(target.of(t))) {
                trials.add(t);
            }
        }
        if (trials.isEmpty()) {
            return new RankData(null, null, new double[0], new double[0], new double[0]);
        }
        ParamAxis x = ParamAxis.of(xParam, trials);
        ParamAxis y = yParam == null ? null : ParamAxis.of(yParam, trials);
        int n = trials.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            FrozenTrial t = trials.get(i);
            xs[i] = x.position(t);
            values[i] = target.of(t);
            ys[i] = y == null ? values[i] : y.position(t);
        }
        return new RankData(x, y, xs, ys, ranks(values, target));
    }

    /** Each value's rank from best (0) to worst (1); equal values share the better rank. */
    static double[] ranks(double[] values, Target target) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> better = (a, b) -> target.isBetter(values[a], values[b]) ? -1
                : target.isBetter(values[b], values[a]) ? 1 : 0;
        Arrays.sort(order, better);
        double[] ranks = new double[n];
        int rank = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && values[order[k]] != values[order[k - 1]]) {
                rank = k;
            }
            ranks[order[k]] = n == 1 ? 0 : (double) rank / (n - 1);
        }
        return ranks;
    }

    boolean isEmpty() {
        return xs.length == 0;
    }
}
