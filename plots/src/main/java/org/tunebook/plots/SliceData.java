package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The points of one slice: for each COMPLETE trial that has the parameter and a finite target, the
 * parameter's position on its axis, the target and the trial number.
 */
record SliceData(ParamAxis axis, double[] x, double[] y, int[] numbers) {

    /** The slice of {@code param}; its axis is null when no trial has the parameter. */
    static SliceData of(List<FrozenTrial> trials, String param, Target target) {
        List<FrozenTrial> having = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.params().containsKey(param) && Double.isFinite(target.of(t))) {
                having.add(t);
            }
        }
        if (having.isEmpty()) {
            return new SliceData(null, new double[0], new double[0], new int[0]);
        }
        ParamAxis axis = ParamAxis.of(param, having);
        double[] x = new double[having.size()];
        double[] y = new double[having.size()];
        int[] numbers = new int[having.size()];
        for (int i = 0; i < having.size(); i++) {
            x[i] = axis.position(having.get(i));
            y[i] = target.of(having.get(i));
            numbers[i] = having.get(i).number();
        }
        return new SliceData(axis, x, y, numbers);
    }

    boolean isEmpty() {
        return x.length == 0;
    }
}
