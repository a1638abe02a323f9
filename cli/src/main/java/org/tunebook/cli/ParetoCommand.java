package org.tunebook.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.ParetoBenchmark;
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
 * {@code tunebook bench pareto}: the hypervolume of the Pareto fronts multi-objective samplers find on ZDT1, over
 * seeds, side by side with Optuna's samplers when a Python with Optuna is at hand.
 */
@Command(name = "pareto",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares multi-objective samplers on ZDT1 (two objectives, minimized): for each sampler and seed (0 to"
                + " N-1 for --seeds N), one study (in memory, one worker) runs the largest budget, and the hypervolume"
                + " (reference point (1.1, 1.1)) of the complete trials among the first B trials is kept for each"
                + " budget B. Prints the median and interquartile range over the seeds; higher is better, the true"
                + " front gives 0.8767.",
            "If the Python interpreter can import optuna, Optuna's samplers run the same problem, budgets and seeds at"
                + " the same time (optuna_quality.py --pareto, in the tunebook jar), and the table shows both with"
                + " the gap ratio: (0.8767 - Optuna's median) / (0.8767 - tunebook's median), above 1 when tunebook's"
                + " front is closer to the true one. Nothing is timed."})
final class ParetoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptunaOptions optuna;

    @Option(names = "--samplers", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            description = "Samplers to compare (default: all: random, nsga2, tpe).")
    List<String> samplers;

    @Option(names = "--dimensions", paramLabel = "D", defaultValue = "30",
            description = "Dimensions of ZDT1, at least 2 (default: ${DEFAULT-VALUE}).")
    int dimensions;

    @Option(names = "--trials", paramLabel = "N", split = ",", splitSynopsisLabel = ",", defaultValue = "100,300",
            description = "Budgets: the hypervolume after this many trials (default: ${DEFAULT-VALUE}).")
    List<Integer> trials;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
            description = "Seeds per sampler, 0 .. N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        validate();
        Map<String, LongFunction<Sampler>> all = SamplerBenchmarks.multiObjectiveSamplers();
        Map<String, LongFunction<Sampler>> chosen = Names.pick(all,
                samplers == null ? List.copyOf(all.keySet()) : samplers, "sampler", "samplers");
        ParetoBenchmark.Problem problem = ParetoBenchmark.zdt1(dimensions);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptunaScripts scripts = optuna.resolve(out, "python3-optuna", "optuna", "numpy");

        int[] budgets = trials.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        String budgetList = Arrays.stream(budgets).mapToObj(String::valueOf).collect(Collectors.joining(","));
        out.printf(Locale.ROOT, "Pareto fronts: %s on ZDT1 (%s); budgets %s; seeds 0-%d; median and interquartile"
                + " range of the hypervolume (higher is better, at most %.4f)%n", String.join(", ", chosen.keySet()),
                problem.description(), budgetList.replace(",", ", "), seeds - 1, problem.best());
        List<String> args = List.of("--pareto", "--samplers", String.join(",", chosen.keySet()), "--dimensions",
                String.valueOf(dimensions), "--trials", budgetList, "--seeds", String.valueOf(seeds));
        OptunaMedians theirs = OptunaMedians.start(scripts, args);
        if (theirs != null) {
            out.println("running optuna_quality.py --pareto with " + scripts.python() + " at the same time (same"
                    + " problem, samplers, budgets and seeds)...");
        }
        out.flush();
        List<ParetoBenchmark.Result> ours = ParetoBenchmark.run(chosen, problem, budgets,
                QualityBenchmark.seeds(seeds), line -> {
                    err.println("tunebook: " + line);
                    err.flush();
                });
        printTable(out, ours, problem, List.copyOf(chosen.keySet()), theirs == null ? OptunaMedians.Results.NONE
                : theirs.await(r -> r.get("sampler").getAsString() + "|" + r.get("trials").getAsInt()));
        return 0;
    }

    private static void printTable(PrintWriter out, List<ParetoBenchmark.Result> ours, ParetoBenchmark.Problem problem,
            List<String> samplerOrder, OptunaMedians.Results theirs) {
        String version = theirs.version();
        List<String> headers = new ArrayList<>(List.of("problem", "trials", "sampler", "tunebook median HV [IQR]"));
        if (version != null) {
            headers.addAll(List.of("Optuna " + version + " median HV [IQR]", "gap ratio Optuna/tunebook", "p"));
        }
        TextTable table = new TextTable(headers);
        List<ParetoBenchmark.Result> sorted = new ArrayList<>(ours);
        sorted.sort((a, b) -> a.trials() != b.trials() ? Integer.compare(a.trials(), b.trials())
                : Integer.compare(samplerOrder.indexOf(a.sampler()), samplerOrder.indexOf(b.sampler())));
        for (ParetoBenchmark.Result r : sorted) {
            List<String> row = new ArrayList<>(List.of(r.problem(), String.valueOf(r.trials()), r.sampler(),
                    QualityCommand.cell(r.median(), r.q1(), r.q3())));
            if (version != null) {
                OptunaMedians.Stats t = theirs.get(r.sampler() + "|" + r.trials());
                row.add(t == null ? "-" : QualityCommand.cell(t.median(), t.q1(), t.q3()));
                // the hypervolume is maximized: negated, the gap to the true front's is a gap to a minimum
                row.add(t == null ? "-" : QualityCommand.gapRatio(-t.median(), -r.median(), -problem.best()));
                row.add(t == null ? "-" : Significance.pValue(r.hypervolumes(), t.values()));
            }
            table.add(row);
        }
        out.println();
        table.print(out);
        if (version != null) {
            out.printf(Locale.ROOT, "gap ratio: (%.4f - Optuna's median) / (%.4f - tunebook's median); above 1,"
                    + " tunebook's front is closer to the true one.%n", problem.best(), problem.best());
            out.println(Significance.NOTE);
        }
        theirs.unavailable().forEach((name, why) -> out.println("note: no Optuna figures for " + name + ": " + why));
        out.flush();
    }

    private void validate() {
        if (trials.isEmpty() || trials.stream().anyMatch(n -> n == null || n < 1)) {
            throw new ParameterException(spec.commandLine(), "--trials needs positive budgets, got " + trials);
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
        if (dimensions < 2) {
            throw new ParameterException(spec.commandLine(), "--dimensions must be at least 2 (ZDT1 has x0 and at"
                    + " least one more), got " + dimensions);
        }
    }
}
