package org.tunebook.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.tunebook.samplers.CmaEsSampler;
import org.tunebook.samplers.GpSampler;
import org.tunebook.samplers.NsgaIISampler;
import org.tunebook.samplers.QmcSampler;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.samplers.Sampler;
import org.tunebook.samplers.TpeSampler;

/**
 * The samplers the benchmarks compare, by name, and a plain command-line entry point for running the
 * benchmarks from a build (the {@code tunebook bench} command is the user-facing one):
 * <pre>
 * java -cp core/target/classes:... org.tunebook.bench.SamplerBenchmarks quality [trials=100,200] [seeds=10]
 *     [samplers=random,tpe] [functions=branin,mixed]
 * java -cp ... org.tunebook.bench.SamplerBenchmarks overhead [at=1000] [measured=100] [repeats=5] [samplers=tpe]
 * java -cp ... org.tunebook.bench.SamplerBenchmarks pareto [trials=100,300] [seeds=10] [dimensions=30]
 *     [samplers=random,nsga2,tpe]
 * </pre>
 */
public final class SamplerBenchmarks {

    private SamplerBenchmarks() {
    }

    /** Every benchmarked sampler, by name, as a function of the seed. */
    public static Map<String, LongFunction<Sampler>> samplers() {
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("qmc", QmcSampler::new);
        samplers.put("tpe", TpeSampler::new);
        samplers.put("tpe-multivariate", seed -> TpeSampler.builder().seed(seed).multivariate(true).build());
        samplers.put("gp", GpSampler::new);
        samplers.put("cmaes", CmaEsSampler::new);
        return samplers;
    }

    /** The samplers compared on multi-objective problems ({@link ParetoBenchmark}), by name. */
    public static Map<String, LongFunction<Sampler>> multiObjectiveSamplers() {
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("nsga2", NsgaIISampler::new);
        samplers.put("tpe", TpeSampler::new);
        return samplers;
    }

    /** Runs {@code quality}, {@code overhead} or {@code pareto} with {@code key=value} options and prints a table. */
    public static void main(String[] args) {
        if (args.length == 0 || !List.of("quality", "overhead", "pareto").contains(args[0])) {
            System.err.println("usage: SamplerBenchmarks quality|overhead|pareto [key=value ...]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("options are key=value, got '" + a + "'");
            }
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (args[0].equals("pareto")) {
            pareto(options);
            return;
        }
        Map<String, LongFunction<Sampler>> samplers = pick(samplers(), options.get("samplers"));
        if (args[0].equals("quality")) {
            int[] budgets = Arrays.stream(options.getOrDefault("trials", "100,200").split(",")).mapToInt(Integer::parseInt)
                    .toArray();
            long[] seeds = QualityBenchmark.seeds(Integer.parseInt(options.getOrDefault("seeds", "10")));
            List<BenchmarkFunction> functions = new ArrayList<>();
            String names = options.get("functions");
            if (names == null) {
                functions.addAll(BenchmarkFunctions.suite());
            } else {
                for (String n : names.split(",")) {
                    BenchmarkFunction f = BenchmarkFunctions.byName().get(n);
                    if (f == null) {
                        throw new IllegalArgumentException("unknown function '" + n + "'; known: "
                                + BenchmarkFunctions.byName().keySet());
                    }
                    functions.add(f);
                }
            }
            List<QualityBenchmark.Result> results = QualityBenchmark.run(samplers, functions, budgets, seeds,
                    System.err::println);
            System.out.print(QualityBenchmark.table(results));
        } else {
            int at = Integer.parseInt(options.getOrDefault("at", "1000"));
            int measured = Integer.parseInt(options.getOrDefault("measured", "100"));
            int repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
            samplers.forEach((name, factory) -> System.out.println(SamplerOverhead.measure(name, factory, at, measured,
                    repeats)));
        }
    }

    private static void pareto(Map<String, String> options) {
        int[] budgets = Arrays.stream(options.getOrDefault("trials", "100,300").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        long[] seeds = QualityBenchmark.seeds(Integer.parseInt(options.getOrDefault("seeds", "10")));
        ParetoBenchmark.Problem problem = ParetoBenchmark.zdt1(Integer.parseInt(options.getOrDefault("dimensions",
                "30")));
        List<ParetoBenchmark.Result> results = ParetoBenchmark.run(pick(multiObjectiveSamplers(),
                options.get("samplers")), problem, budgets, seeds, System.err::println);
        System.out.print(ParetoBenchmark.table(results));
    }

    private static Map<String, LongFunction<Sampler>> pick(Map<String, LongFunction<Sampler>> all, String names) {
        if (names == null) {
            return all;
        }
        Map<String, LongFunction<Sampler>> picked = new LinkedHashMap<>();
        for (String n : names.split(",")) {
            LongFunction<Sampler> f = all.get(n);
            if (f == null) {
                throw new IllegalArgumentException("unknown sampler '" + n + "'; known: " + all.keySet());
            }
            picked.put(n, f);
        }
        return picked;
    }
}
