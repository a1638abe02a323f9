package org.tunebook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongFunction;
import org.tunebook.Objective;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.Tune;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * What a sampler costs per trial once a study is large: a study (in memory) is filled to {@code atTrial}
 * trials, then the next {@code measured} trials are timed, with ask and tell on the calling thread. The
 * objective ({@link #OBJECTIVE}) asks for 5 floats, 1 int and 1 categorical and does no work, so the time is
 * the framework's and the sampler's. Wall time and the thread's CPU time are both kept: on a busy machine
 * the first includes waiting for a core.
 */
public final class SamplerOverhead {

    private SamplerOverhead() {
    }

    /**
     * Milliseconds per trial of each repeat.
     *
     * @param sampler the sampler's name
     * @param atTrial trials in the study before timing starts
     * @param measured trials timed
     * @param wallMs wall milliseconds per trial, one per repeat
     * @param cpuMs CPU milliseconds per trial of the measuring thread, one per repeat
     */
    public record Result(String sampler, int atTrial, int measured, double[] wallMs, double[] cpuMs) {

        /** The median wall time per trial. */
        public double medianWallMs() {
            return Stats.median(wallMs);
        }

        /** The median CPU time per trial. */
        public double medianCpuMs() {
            return Stats.median(cpuMs);
        }

        @Override
        public String toString() {
            return String.format("%s at trial %d: %.4f ms/trial wall, %.4f ms/trial CPU (median of %d)", sampler,
                    atTrial, medianWallMs(), medianCpuMs(), wallMs.length);
        }
    }

    /**
     * The trivial objective of the overhead benchmarks: it asks for 5 floats ({@code x0..x4} in [-10, 10]), 1 int
     * ({@code n} in [1, 10]) and 1 categorical ({@code c} in a, b, c) and does no work. Its Python twin is {@code
     * objective} in {@code optuna_common.py}, next to this class.
     */
    public static final Objective OBJECTIVE = SamplerOverhead::objective;

    private static double objective(Trial trial) {
        double x0 = trial.suggestFloat("x0", -10, 10);
        double x1 = trial.suggestFloat("x1", -10, 10);
        double x2 = trial.suggestFloat("x2", -10, 10);
        double x3 = trial.suggestFloat("x3", -10, 10);
        double x4 = trial.suggestFloat("x4", -10, 10);
        int n = trial.suggestInt("n", 1, 10);
        String c = trial.suggestCategorical("c", "a", "b", "c");
        return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + n + (c.equals("a") ? 0 : 1);
    }

    /**
     * Times {@code repeats} studies (seeds 0 .. repeats-1), after one untimed study that warms the JIT up.
     */
    public static Result measure(String name, LongFunction<Sampler> sampler, int atTrial, int measured, int repeats) {
        if (atTrial < 0 || measured < 1 || repeats < 1) {
            throw new IllegalArgumentException("overhead needs atTrial >= 0, measured >= 1 and repeats >= 1, got "
                    + atTrial + ", " + measured + ", " + repeats);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        runOnce(sampler.apply(-1), atTrial, measured, threads);
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[] ms = runOnce(sampler.apply(r), atTrial, measured, threads);
            wall[r] = ms[0];
            cpu[r] = ms[1];
        }
        return new Result(name, atTrial, measured, wall, cpu);
    }

    private static double[] runOnce(Sampler sampler, int atTrial, int measured, ThreadMXBean threads) {
        Study study = Tune.study().storage(new InMemoryStorage()).sampler(sampler).create();
        for (int i = 0; i < atTrial; i++) {
            Trial t = study.ask();
            study.tell(t, objective(t));
        }
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < measured; i++) {
            Trial t = study.ask();
            study.tell(t, objective(t));
        }
        long cpu1 = threads.getCurrentThreadCpuTime();
        long wall1 = System.nanoTime();
        return new double[] {(wall1 - wall0) / 1e6 / measured, (cpu1 - cpu0) / 1e6 / measured};
    }
}
