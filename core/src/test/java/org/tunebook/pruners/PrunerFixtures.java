package org.tunebook.pruners;

import java.util.ArrayList;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/** Hand-made studies for the pruners' tests. */
final class PrunerFixtures {

    private PrunerFixtures() {
    }

    /** A fresh in-memory study. */
    static Study study(Direction direction, Pruner pruner) {
        return Tune.study().storage(new InMemoryStorage()).direction(direction).pruner(pruner).create();
    }

    /** Adds a COMPLETE trial that reported {@code curve[step]} at steps 0, 1, …; its value is the last one. */
    static FrozenTrial addCompleted(Study study, double... curve) {
        FrozenTrial.Builder b = FrozenTrial.builder().value(curve[curve.length - 1]);
        for (int step = 0; step < curve.length; step++) {
            b.intermediateValue(step, curve[step]);
        }
        return study.addTrial(b.build());
    }

    /**
     * Runs a new trial that reports {@code curve[step]} at steps 0, 1, … and asks whether to prune after each
     * report; returns the answers. The trial goes on whatever the answers and ends as {@code end}.
     */
    static List<Boolean> decisions(Study study, TrialState end, double... curve) {
        Trial t = study.ask();
        List<Boolean> answers = new ArrayList<>();
        for (int step = 0; step < curve.length; step++) {
            t.report(curve[step], step);
            answers.add(t.shouldPrune());
        }
        if (end == TrialState.COMPLETE) {
            study.tell(t, curve[curve.length - 1]);
        } else {
            study.tell(t, end);
        }
        return answers;
    }

    /** The first step at which the trial is pruned (it stops there), or -1 if it completes. */
    static int prunedAt(Study study, double... curve) {
        Trial t = study.ask();
        for (int step = 0; step < curve.length; step++) {
            t.report(curve[step], step);
            if (t.shouldPrune()) {
                study.tell(t, TrialState.PRUNED);
                return step;
            }
        }
        study.tell(t, curve[curve.length - 1]);
        return -1;
    }

    /** A constant curve of {@code steps} steps. */
    static double[] constant(double value, int steps) {
        double[] curve = new double[steps];
        java.util.Arrays.fill(curve, value);
        return curve;
    }
}
