package org.tunebook.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.tunebook.bench.BenchmarkFunction;
import org.tunebook.bench.BenchmarkFunctions;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.QualityBenchmark;
import org.tunebook.bench.SamplerBenchmarks;
import org.tunebook.samplers.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook bench quality}: how good the values are that each sampler finds on standard test functions,
 * over seeds, side by side with Optuna's samplers on the same functions and budgets when a Python with Optuna
 * is at hand.
 */
@Command(name = "quality",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares the best values samplers find on standard test functions (all minimized): for each sampler,"
                + " function and seed (0 to N-1 for --seeds N), one study (in memory, one worker) runs the largest"
                + " budget, and the best value after each budget is kept. Prints the median and interquartile range"
                + " over the seeds.",
            "If the Python interpreter can import optuna, Optuna's samplers run the same functions, budgets and seeds"
                + " at the same time (the script optuna_quality.py travels in the tunebook jar), and the table shows"
                + " both with the gap ratio: (Optuna's median - minimum) / (tunebook's median - minimum), above 1"
                + " when tunebook's median is closer to the function's minimum. Nothing is timed."})
final class QualityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptunaOptions optuna;

    @Option(names = "--samplers", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            description = "Samplers to compare (default: all: random, qmc, tpe, tpe-multivariate, gp, …).")
    List<String> samplers;

    @Option(names = "--functions", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            description = "Test functions (default: the suite: branin, hartmann6, rosenbrock10, ackley10,"
                    + " styblinski_tang10, mixed; also sphere5, rosenbrock5).")
    List<String> functions;

    @Option(names = "--trials", paramLabel = "N", split = ",", splitSynopsisLabel = ",", defaultValue = "100,200",
            description = "Budgets: the best value after this many trials (default: ${DEFAULT-VALUE}).")
    List<Integer> trials;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
            description = "Seeds per sampler and function, 0 .. N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        validate();
        Map<String, LongFunction<Sampler>> allSamplers = SamplerBenchmarks.samplers();
        Map<String, LongFunction<Sampler>> chosen = Names.pick(allSamplers,
                samplers == null ? List.copyOf(allSamplers.keySet()) : samplers, "sampler", "samplers");
        Map<String, BenchmarkFunction> known = knownFunctions();
        Map<String, BenchmarkFunction> fns = Names.pick(known, functions == null
                ? BenchmarkFunctions.suite().stream().map(BenchmarkFunction::name).toList() : functions,
                "function", "functions");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptunaScripts scripts = optuna.resolve(out, "python3-optuna", "optuna", "numpy");

        int[] budgets = trials.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        out.printf(Locale.ROOT, "sampler quality: %s on %s; budgets %s; seeds 0-%d; median and interquartile range of"
                + " the best value (minimized)%n", String.join(", ", chosen.keySet()), String.join(", ", fns.keySet()),
                trials.stream().map(String::valueOf).collect(Collectors.joining(", ")), seeds - 1);
        OptunaMedians theirs = OptunaMedians.start(scripts, optunaArgs(chosen.keySet(), fns.keySet(), budgets));
        if (theirs != null) {
            out.println("running optuna_quality.py with " + scripts.python() + " at the same time (same functions,"
                    + " samplers, budgets and seeds)...");
        }
        out.flush();
        List<QualityBenchmark.Result> ours = QualityBenchmark.run(chosen, List.copyOf(fns.values()), budgets,
                QualityBenchmark.seeds(seeds), line -> {
                    err.println("tunebook: " + line);
                    err.flush();
                });
        printTable(out, ours, fns, chosen, theirs == null ? OptunaMedians.Results.NONE : theirs.await(r ->
                key(r.get("sampler").getAsString(), r.get("function").getAsString(), r.get("trials").getAsInt())));
        return 0;
    }

    private List<String> optunaArgs(Iterable<String> samplerNames, Iterable<String> functionNames, int[] budgets) {
        return List.of("--samplers", String.join(",", samplerNames), "--functions", String.join(",", functionNames),
                "--trials", Arrays.stream(budgets).mapToObj(String::valueOf).collect(Collectors.joining(",")),
                "--seeds", String.valueOf(seeds));
    }

    private static void printTable(PrintWriter out, List<QualityBenchmark.Result> ours,
            Map<String, BenchmarkFunction> fns, Map<String, LongFunction<Sampler>> chosen, OptunaMedians.Results theirs) {
        String version = theirs.version();
        List<String> headers = new ArrayList<>(List.of("function", "trials", "sampler", "tunebook median [IQR]"));
        if (version != null) {
            headers.addAll(List.of("Optuna " + version + " median [IQR]", "gap ratio Optuna/tunebook", "p"));
        }
        TextTable table = new TextTable(headers);
        List<String> fnOrder = List.copyOf(fns.keySet());
        List<String> samplerOrder = List.copyOf(chosen.keySet());
        List<QualityBenchmark.Result> sorted = new ArrayList<>(ours);
        sorted.sort((a, b) -> a.function().equals(b.function())
                ? a.trials() != b.trials() ? Integer.compare(a.trials(), b.trials())
                        : Integer.compare(samplerOrder.indexOf(a.sampler()), samplerOrder.indexOf(b.sampler()))
                : Integer.compare(fnOrder.indexOf(a.function()), fnOrder.indexOf(b.function())));
        for (QualityBenchmark.Result r : sorted) {
            List<String> row = new ArrayList<>(List.of(r.function(), String.valueOf(r.trials()), r.sampler(),
                    cell(r.median(), r.q1(), r.q3())));
            if (version != null) {
                OptunaMedians.Stats t = theirs.get(key(r.sampler(), r.function(), r.trials()));
                row.add(t == null ? "-" : cell(t.median(), t.q1(), t.q3()));
                row.add(t == null ? "-" : gapRatio(t.median(), r.median(), fns.get(r.function()).minimum()));
                row.add(t == null ? "-" : Significance.pValue(r.bestValues(), t.values()));
            }
            table.add(row);
        }
        out.println();
        table.print(out);
        if (version != null) {
            out.println("gap ratio: (Optuna's median - minimum) / (tunebook's median - minimum); above 1, tunebook's"
                    + " median is closer to the function's minimum.");
            out.println(Significance.NOTE);
        }
        theirs.unavailable().forEach((name, why) -> out.println("note: no Optuna figures for " + name + ": " + why));
        out.flush();
    }

    private static String key(String sampler, String function, int trials) {
        return sampler + "|" + function + "|" + trials;
    }

    /** "0.4149 [0.4078, 0.5576]". */
    static String cell(double median, double q1, double q3) {
        return sig4(median) + " [" + sig4(q1) + ", " + sig4(q3) + "]";
    }

    /**
     * How much farther from the minimum Optuna's median is than tunebook's, with 3 significant digits; {@code inf}
     * when tunebook's median is the minimum and Optuna's is not, 1 when both are.
     */
    static String gapRatio(double theirs, double ours, double minimum) {
        double theirGap = Math.max(0, theirs - minimum);
        double ourGap = Math.max(0, ours - minimum);
        if (ourGap == 0) {
            return theirGap == 0 ? "1.00" : "inf";
        }
        double ratio = theirGap / ourGap;
        return ratio >= 100 ? String.format(Locale.ROOT, "%.0f", ratio) : String.format(Locale.ROOT, "%.3g", ratio);
    }

    /** A number with 4 significant digits and no trailing zeros: 0.3979, 5287, 9.631e+04, 15. */
    static String sig4(double v) {
        if (!Double.isFinite(v)) {
            return Formats.number(v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }

    /** The functions by name: the suite first, in its order, then the others by name. */
    static Map<String, BenchmarkFunction> knownFunctions() {
        Map<String, BenchmarkFunction> known = new LinkedHashMap<>();
        BenchmarkFunctions.suite().forEach(f -> known.put(f.name(), f));
        new TreeMap<>(BenchmarkFunctions.byName()).forEach(known::putIfAbsent);
        return known;
    }

    private void validate() {
        if (trials.isEmpty() || trials.stream().anyMatch(n -> n == null || n < 1)) {
            throw new ParameterException(spec.commandLine(), "--trials needs positive budgets, got " + trials);
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
    }
}
