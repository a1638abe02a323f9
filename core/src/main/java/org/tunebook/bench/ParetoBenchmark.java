package org.tunebook.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.tunebook.Pareto;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.MultiObjective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * How good the Pareto fronts multi-objective samplers find are: for each sampler and seed, one study (in
 * memory, one worker) runs the largest budget, and the hypervolume of the front of the first {@code b}
 * trials is recorded for each budget {@code b}; results give the median and interquartile range over seeds.
 * The Python twin is {@code optuna_quality.py --pareto} (a resource next to these classes). Nothing here is
 * timed.
 *
 * <pre>{@code
 * List<ParetoBenchmark.Result> r = ParetoBenchmark.run(Map.of("nsga2", NsgaIISampler::new),
 *         ParetoBenchmark.zdt1(30), new int[] {300}, QualityBenchmark.seeds(10), System.err::println);
 * System.out.print(ParetoBenchmark.table(r));
 * }</pre>
 */
public final class ParetoBenchmark {

    private ParetoBenchmark() {
    }

    /**
     * A test problem: two or more objectives to minimize and the reference point of its hypervolume.
     *
     * @param name a short name, also used by the Python twin
     * @param description dimensions and ranges, for reports
     * @param objective asks the trial for its parameters and returns the objective values
     * @param reference the reference point
     * @param best the hypervolume of the true Pareto front
     */
    public record Problem(String name, String description, MultiObjective objective, double[] reference,
            double best) {

        /** The study's directions: every objective minimized. */
        public Direction[] directions() {
            Direction[] d = new Direction[reference.length];
            Arrays.fill(d, Direction.MINIMIZE);
            return d;
        }
    }

    /**
     * ZDT1 (Zitzler, Deb and Thiele 2000) in {@code d} dimensions, {@code x0 .. x(d-1)} in {@code [0, 1]}:
     * {@code f1 = x0}, {@code f2 = g (1 - sqrt(f1 / g))} with {@code g = 1 + 9 * mean(x1 .. x(d-1))}. The front is
     * {@code f2 = 1 - sqrt(f1)} (where {@code g = 1}); with the reference point (1.1, 1.1) its hypervolume is
     * {@code 0.21 + 2/3 = 0.8767}.
     *
     * @throws IllegalArgumentException if {@code d < 2}
     */
    public static Problem zdt1(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("ZDT1 needs at least 2 dimensions, got " + d);
        }
        return new Problem("zdt1_" + d, d + "-D, x in [0, 1]", t -> {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            double sum = 0;
            for (int i = 1; i < d; i++) {
                sum += x[i];
            }
            double g = 1 + 9 * sum / (d - 1);
            return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
        }, new double[] {1.1, 1.1}, 0.21 + 2.0 / 3);
    }

    /**
     * The hypervolumes one sampler reached on one problem within {@code trials} trials, one per seed.
     *
     * @param sampler the sampler's name
     * @param problem the problem's name
     * @param trials the budget
     * @param hypervolumes the hypervolume of each seed's front, in seed order
     */
    public record Result(String sampler, String problem, int trials, double[] hypervolumes) {

        /** The median hypervolume over seeds. */
        public double median() {
            return Stats.median(hypervolumes);
        }

        /** The first quartile. */
        public double q1() {
            return Stats.percentile(hypervolumes, 25);
        }

        /** The third quartile. */
        public double q3() {
            return Stats.percentile(hypervolumes, 75);
        }

        @Override
        public String toString() {
            return sampler + " on " + problem + " (" + trials + " trials): median hypervolume " + median() + ", IQR ["
                    + q1() + ", " + q3() + "] over " + hypervolumes.length + " seeds";
        }
    }

    /** Runs every sampler on the problem with every seed; {@code progress} hears one line per sampler (may be null). */
    public static List<Result> run(Map<String, LongFunction<Sampler>> samplers, Problem problem, int[] budgets,
            long[] seeds, Consumer<String> progress) {
        int[] sorted = budgets.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0 || sorted[0] < 1) {
            throw new IllegalArgumentException("budgets must be positive trial counts, got " + Arrays.toString(budgets));
        }
        List<Result> results = new ArrayList<>();
        samplers.forEach((name, factory) -> {
            double[][] hv = new double[sorted.length][seeds.length];
            for (int s = 0; s < seeds.length; s++) {
                double[] curve = hypervolumes(factory.apply(seeds[s]), problem, sorted);
                for (int b = 0; b < sorted.length; b++) {
                    hv[b][s] = curve[b];
                }
            }
            for (int b = 0; b < sorted.length; b++) {
                results.add(new Result(name, problem.name(), sorted[b], hv[b]));
            }
            if (progress != null) {
                progress.accept(results.get(results.size() - 1).toString());
            }
        });
        return results;
    }

    /** The hypervolume of the first {@code budgets[i]} trials of one run, for ascending budgets. */
    static double[] hypervolumes(Sampler sampler, Problem problem, int[] budgets) {
        Study study = Tune.study().storage(new InMemoryStorage()).directions(problem.directions()).sampler(sampler)
                .create();
        study.optimize(problem.objective(), Run.trials(budgets[budgets.length - 1]));
        List<FrozenTrial> trials = study.trials();
        double[] hv = new double[budgets.length];
        for (int b = 0; b < budgets.length; b++) {
            List<double[]> points = new ArrayList<>();
            for (FrozenTrial t : trials.subList(0, Math.min(budgets[b], trials.size()))) {
                if (t.state() == TrialState.COMPLETE) {
                    points.add(t.values());
                }
            }
            hv[b] = Pareto.hypervolume(points, problem.reference());
        }
        return hv;
    }

    /** The results as a text table: median and interquartile range of the hypervolume per sampler and budget. */
    public static String table(List<Result> results) {
        StringBuilder s = new StringBuilder(String.format("%-12s %-18s %7s %12s %24s%n", "problem", "sampler",
                "trials", "median HV", "IQR"));
        results.stream().sorted((a, b) -> a.problem().equals(b.problem())
                ? a.trials() != b.trials() ? Integer.compare(a.trials(), b.trials()) : a.sampler().compareTo(b.sampler())
                : a.problem().compareTo(b.problem()))
                .forEach(r -> s.append(String.format("%-12s %-18s %7d %12.4f %24s%n", r.problem(), r.sampler(),
                        r.trials(), r.median(), String.format("[%.4f, %.4f]", r.q1(), r.q3()))));
        return s.toString();
    }
}
