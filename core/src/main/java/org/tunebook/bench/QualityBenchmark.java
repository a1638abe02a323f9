package org.tunebook.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * How good the values a sampler finds are: for each sampler, function and seed, one study (in memory, one
 * worker) runs the largest budget, and the best value after each budget is recorded; results give the
 * median and interquartile range over seeds. Nothing here is timed.
 *
 * <pre>{@code
 * List<QualityBenchmark.Result> r = QualityBenchmark.run(Map.of("tpe", TpeSampler::new, "random", RandomSampler::new),
 *         BenchmarkFunctions.suite(), new int[] {100, 200}, QualityBenchmark.seeds(10), System.err::println);
 * System.out.print(QualityBenchmark.table(r));
 * }</pre>
 */
public final class QualityBenchmark {

    private QualityBenchmark() {
    }

    /**
     * The best values one sampler found on one function within {@code trials} trials, one per seed.
     *
     * @param sampler the sampler's name
     * @param function the function's name
     * @param trials the budget
     * @param bestValues the best value of each seed's run, in seed order
     */
    public record Result(String sampler, String function, int trials, double[] bestValues) {

        /** The median best value over seeds. */
        public double median() {
            return Stats.median(bestValues);
        }

        /** The first quartile. */
        public double q1() {
            return Stats.percentile(bestValues, 25);
        }

        /** The third quartile. */
        public double q3() {
            return Stats.percentile(bestValues, 75);
        }

        @Override
        public String toString() {
            return sampler + " on " + function + " (" + trials + " trials): median " + median() + ", IQR [" + q1()
                    + ", " + q3() + "] over " + bestValues.length + " seeds";
        }
    }

    /** Seeds 0 .. n-1. */
    public static long[] seeds(int n) {
        long[] seeds = new long[n];
        Arrays.setAll(seeds, i -> i);
        return seeds;
    }

    /**
     * Runs every sampler on every function with every seed; {@code progress} hears one line per finished
     * sampler and function (may be null).
     */
    public static List<Result> run(Map<String, LongFunction<Sampler>> samplers, List<BenchmarkFunction> functions,
            int[] budgets, long[] seeds, Consumer<String> progress) {
        int[] sortedBudgets = budgets.clone();
        Arrays.sort(sortedBudgets);
        if (sortedBudgets.length == 0 || sortedBudgets[0] < 1) {
            throw new IllegalArgumentException("budgets must be positive trial counts, got " + Arrays.toString(budgets));
        }
        int maxTrials = sortedBudgets[sortedBudgets.length - 1];
        List<Result> results = new ArrayList<>();
        samplers.forEach((name, factory) -> {
            for (BenchmarkFunction f : functions) {
                double[][] best = new double[sortedBudgets.length][seeds.length];
                for (int s = 0; s < seeds.length; s++) {
                    double[] curve = bestSoFar(factory.apply(seeds[s]), f, maxTrials);
                    for (int b = 0; b < sortedBudgets.length; b++) {
                        best[b][s] = curve[sortedBudgets[b] - 1];
                    }
                }
                for (int b = 0; b < sortedBudgets.length; b++) {
                    results.add(new Result(name, f.name(), sortedBudgets[b], best[b]));
                }
                if (progress != null) {
                    progress.accept(results.get(results.size() - 1).toString());
                }
            }
        });
        return results;
    }

    /** The best value after each trial of one run (NaN before the first complete trial). */
    static double[] bestSoFar(Sampler sampler, BenchmarkFunction f, int trials) {
        Study study = Tune.study().storage(new InMemoryStorage()).sampler(sampler).create();
        study.optimize(f.objective(), Run.trials(trials));
        double[] curve = new double[trials];
        double best = Double.NaN;
        List<FrozenTrial> all = study.trials();
        for (int i = 0; i < trials; i++) {
            FrozenTrial t = i < all.size() ? all.get(i) : null;
            if (t != null && t.state() == TrialState.COMPLETE && !(t.value() >= best)) {
                best = t.value();
            }
            curve[i] = best;
        }
        return curve;
    }

    /** The results as a text table: median and interquartile range per sampler, function and budget. */
    public static String table(List<Result> results) {
        StringBuilder s = new StringBuilder(String.format("%-18s %-18s %7s %14s %30s%n", "function", "sampler", "trials",
                "median best", "IQR"));
        results.stream().sorted((a, b) -> a.function().equals(b.function())
                ? a.trials() != b.trials() ? Integer.compare(a.trials(), b.trials()) : a.sampler().compareTo(b.sampler())
                : a.function().compareTo(b.function()))
                .forEach(r -> s.append(String.format("%-18s %-18s %7d %14.6g %30s%n", r.function(), r.sampler(),
                        r.trials(), r.median(), String.format("[%.6g, %.6g]", r.q1(), r.q3()))));
        return s.toString();
    }
}
