package org.tunebook.plots;

import java.time.Instant;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/** Studies for the plot tests, made by running real objectives. */
final class Studies {

    private Studies() {
    }

    /**
     * A simulated network training, minimizing validation loss over 12 epochs: lr (log) matters most, then
     * layers and the activation; dropout barely. Large learning rates with many layers diverge (FAIL), and a
     * median pruner stops poor runs (PRUNED).
     */
    static Study training(int trials) {
        Study study = Tune.study().name("training").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).sampler(new RandomSampler(7))
                .pruner(new MedianPruner(5, 3)).create();
        study.optimize(trial -> {
            double lr = trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
            int layers = trial.suggestInt("layers", 1, 5);
            double dropout = trial.suggestFloat("dropout", 0.0, 0.5);
            String act = trial.suggestCategorical("activation", "relu", "tanh", "gelu");
            if (lr > 0.04 && layers >= 4) {
                throw new IllegalStateException("loss diverged");
            }
            double floor = 0.15 * Math.pow(Math.log10(lr) + 2.5, 2) + 0.04 * Math.abs(layers - 3)
                    + (act.equals("tanh") ? 0.12 : act.equals("gelu") ? -0.03 : 0) + 0.02 * dropout + 0.1;
            double loss = 0;
            for (int epoch = 0; epoch < 12; epoch++) {
                loss = floor + 1.2 / (1 + epoch * (0.3 + 40 * Math.min(lr, 0.02)));
                trial.report(loss, epoch);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
                pause();
            }
            return loss;
        }, Run.trials(trials).jobs(2));
        return study;
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two objectives that trade off against each other (minimize both). */
    static Study twoObjectives(int trials) {
        Study study = Tune.study().name("tradeoff").storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(new RandomSampler(3)).create();
        study.optimize(Objective.multi(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x + 0.2 * y, (1 - x) * (1 - x) + 0.2 * y};
        }), trials);
        return study;
    }

    /** Three objectives: minimize, maximize, minimize. */
    static Study threeObjectives(int trials) {
        Study study = Tune.study().name("three").storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE)
                .sampler(new RandomSampler(5)).create();
        study.optimize(Objective.multi(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            return new double[] {a, a * b + 0.5 * b, (1 - a) + (1 - b)};
        }), trials);
        return study;
    }

    /** A single-objective study of trials added by hand: x and value, all COMPLETE. */
    static Study ofValues(double... values) {
        Study study = Tune.study().name("values").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).create();
        FloatDistribution d = new FloatDistribution(0, 10);
        for (int i = 0; i < values.length; i++) {
            study.addTrial(FrozenTrial.builder().value(values[i]).param("x", (double) i, d).build());
        }
        return study;
    }

    /** A study whose trials all failed. */
    static Study onlyFailed(int n) {
        Study study = Tune.study().name("broken").storage(new InMemoryStorage()).create();
        study.optimize(t -> {
            t.suggestFloat("x", 0, 1);
            throw new IllegalStateException("broken objective");
        }, n);
        return study;
    }

    /** An empty single-objective study. */
    static Study empty() {
        return Tune.study().name("empty").storage(new InMemoryStorage()).create();
    }

    /** COMPLETE trials with x; only the even ones also have y. */
    static Study partialParams(int n) {
        Study study = Tune.study().name("partial").storage(new InMemoryStorage()).sampler(new RandomSampler(9)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return t.number() % 2 == 0 ? x + t.suggestFloat("y", 0, 1) : x;
        }, n);
        return study;
    }

    /** The trials of a study as a list in one state. */
    static List<FrozenTrial> trials(Study study, TrialState state) {
        return study.trials(state);
    }

    static Instant at(long seconds) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seconds);
    }

    /** One completed trial with a log-scaled and a categorical parameter. */
    static Study oneLogTrial() {
        Study study = Tune.study().name("one").storage(new InMemoryStorage()).create();
        study.addTrial(FrozenTrial.builder().value(0.5)
                .param("lr", 0.001, new FloatDistribution(1e-5, 1e-1, true, null))
                .param("act", "relu", new org.tunebook.distributions.CategoricalDistribution(List.of("relu", "tanh")))
                .intermediateValue(0, 0.9).intermediateValue(1, 0.5)
                .started(at(0)).completed(at(3)).build());
        return study;
    }

    /** Completed trials that all have the same value, and one with an infinite value. */
    static Study flatAndInfinite() {
        Study study = Tune.study().name("flat").storage(new InMemoryStorage()).create();
        FloatDistribution d = new FloatDistribution(0, 1);
        for (int i = 0; i < 4; i++) {
            study.addTrial(FrozenTrial.builder().value(2.0).param("x", i / 4.0, d).param("y", 1 - i / 4.0, d).build());
        }
        study.addTrial(FrozenTrial.builder().value(Double.POSITIVE_INFINITY).param("x", 0.9, d).param("y", 0.1, d).build());
        return study;
    }
}
