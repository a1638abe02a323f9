package org.tunebook.cli;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.bench.SamplerOverhead;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * Measures tunebook's cost per trial over whole studies: a study with a seeded sampler in a fresh in-memory
 * storage runs {@link SamplerOverhead#OBJECTIVE}, which does almost nothing but ask for 5 floats, 1 int and 1
 * categorical, on one worker. Its Python twin is {@code optuna_overhead.py}'s whole-study measurement.
 */
final class OverheadBenchmark {

    /** The figures for one trial count: milliseconds per trial of each repeat, and their median. */
    record Result(int trials, double[] msPerTrial) {

        double median() {
            double[] sorted = msPerTrial.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    private final LongFunction<Sampler> sampler;
    private final long seed;

    OverheadBenchmark(LongFunction<Sampler> sampler, long seed) {
        this.sampler = sampler;
        this.seed = seed;
    }

    /**
     * Runs at least {@code trials} trials and for at least {@code minNanos} with a random sampler, in studies of
     * at most 10,000, so that the JIT compiles the framework's hot paths (a model-based sampler would make a
     * warm-up of that size take far too long). The time floor matters: the optimizing compiler works through its
     * queue on a background thread, and on a 2-core machine the trial path ran at 0.02 to 0.03 ms/trial, ten
     * times its compiled cost, for the first 3 to 15 seconds, however many trials ran meanwhile.
     *
     * @return the trials run and the nanoseconds they took
     */
    static long[] warmUp(int trials, long minNanos, long seed) {
        long start = System.nanoTime();
        OverheadBenchmark random = new OverheadBenchmark(RandomSampler::new, seed);
        long done = 0;
        while (done < trials || (trials > 0 && System.nanoTime() - start < minNanos)) {
            int n = (int) Math.min(trials - done > 0 ? trials - done : 1000, 10_000);
            random.runStudy(n);
            done += n;
        }
        return new long[] {done, System.nanoTime() - start};
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
                .sampler(sampler.apply(seed))
                .create();
        study.optimize(SamplerOverhead.OBJECTIVE, Run.trials(trials));
        long elapsed = System.nanoTime() - start;
        int complete = study.trials(TrialState.COMPLETE).size();
        if (complete != trials) {
            throw new IllegalStateException("only " + complete + " of " + trials + " benchmark trials completed: "
                    + study.trials().get(0));
        }
        return elapsed;
    }
}
