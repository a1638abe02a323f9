package org.tunebook.cli;

import java.util.Arrays;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * Measures tunebook's own cost per trial: a study with a {@link RandomSampler} in a fresh in-memory storage
 * runs an objective that does almost nothing but ask for 5 floats, 1 int and 1 categorical, on one worker.
 * The same objective is in {@code bench/optuna_overhead.py}, for Optuna.
 */
final class OverheadBenchmark {

    /** The trivial objective; its Python twin is {@code objective} in bench/optuna_overhead.py. */
    static final Objective OBJECTIVE = trial -> {
        double x0 = trial.suggestFloat("x0", -10, 10);
        double x1 = trial.suggestFloat("x1", -10, 10);
        double x2 = trial.suggestFloat("x2", -10, 10);
        double x3 = trial.suggestFloat("x3", -10, 10);
        double x4 = trial.suggestFloat("x4", -10, 10);
        int n = trial.suggestInt("n", 1, 10);
        String c = trial.suggestCategorical("c", "a", "b", "c");
        return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + n + (c.equals("a") ? 0 : 1);
    };

    /** The figures for one trial count: milliseconds per trial of each repeat, and their median. */
    record Result(int trials, double[] msPerTrial) {

        double median() {
            double[] sorted = msPerTrial.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    private final long seed;

    OverheadBenchmark(long seed) {
        this.seed = seed;
    }

    /** Runs {@code trials} trials in studies of at most 10,000, so that the JIT compiles the hot paths. */
    long warmUp(int trials) {
        long start = System.nanoTime();
        for (int left = trials; left > 0; left -= 10_000) {
            runStudy(Math.min(left, 10_000));
        }
        return System.nanoTime() - start;
    }

    /**
     * Times {@code repeats} fresh studies of {@code trials} trials each. There is no {@code System.gc()}
     * between them: after one, G1 shrinks the heap, and the young collections that follow while the study's
     * trials are alive cost more than the trials themselves.
     */
    Result measure(int trials, int repeats) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            ms[r] = runStudy(trials) / 1e6 / trials;
        }
        return new Result(trials, ms);
    }

    /** The wall time, in nanoseconds, of creating a study and running {@code trials} trials in it. */
    long runStudy(int trials) {
        long start = System.nanoTime();
        Study study = Tune.study()
                .name("overhead")
                .storage(new InMemoryStorage())
                .sampler(new RandomSampler(seed))
                .create();
        study.optimize(OBJECTIVE, Run.trials(trials));
        long elapsed = System.nanoTime() - start;
        int complete = study.trials(TrialState.COMPLETE).size();
        if (complete != trials) {
            throw new IllegalStateException("only " + complete + " of " + trials + " benchmark trials completed: "
                    + study.trials().get(0));
        }
        return elapsed;
    }
}
