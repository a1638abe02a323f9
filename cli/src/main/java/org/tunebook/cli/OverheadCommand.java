package org.tunebook.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.SamplerBenchmarks;
import org.tunebook.bench.SamplerOverhead;
import org.tunebook.samplers.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook bench overhead}: tunebook's cost per trial with a trivial objective, over whole studies or at
 * one trial of a large study, side by side with Optuna's when a Python with Optuna is at hand.
 */
@Command(name = "overhead",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the cost per trial of the framework and its sampler, over whole studies (--trials) or at one"
                + " trial of a large study (--at): an objective asking for 5 floats, 1 int and 1 categorical and"
                + " doing nothing else, in-memory storage, one worker.",
            "--trials 1000,10000 times whole studies, from creating the study to its last trial, per trial."
                + " --at 1000 times the --measured trials after trial 1000 of a study: what a trial costs once a"
                + " study is that large (model-based samplers slow down as studies grow). Without either: whole"
                + " studies of 1000 and 10000 trials for the random sampler alone, else --at 1000.",
            "The JVM is warmed up first with random sampling; each figure is the median of --repeats studies.",
            "If the Python interpreter can import optuna, Optuna runs the same benchmark with the same samplers"
                + " (the script optuna_overhead.py travels in the tunebook jar) and both are printed with their"
                + " ratio."})
final class OverheadCommand implements Callable<Integer> {

    /** The measurement at one trial of a large study, when --at is not given. */
    static final int DEFAULT_AT = 1000;
    static final List<Integer> DEFAULT_TRIALS = List.of(1000, 10000);

    @Spec
    CommandSpec spec;

    @Mixin
    OptunaOptions optuna;

    @Option(names = "--sampler", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", defaultValue = "random",
            description = "Samplers to measure: random, qmc, tpe, tpe-multivariate, gp, … (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = "--trials", paramLabel = "N", split = ",", splitSynopsisLabel = ",",
            description = "Whole studies of these trial counts (default for the random sampler: 1000,10000).")
    List<Integer> trials;

    @Option(names = "--at", paramLabel = "N",
            description = "Time the trials after trial N of a study (default for other samplers: " + DEFAULT_AT + ").")
    Integer at;

    @Option(names = "--measured", paramLabel = "M", defaultValue = "100",
            description = "With --at: trials timed per study (default: ${DEFAULT-VALUE}).")
    int measured;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "Studies per figure; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50000",
            description = "Random-sampling trials run before measuring, to warm up the JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "20",
            description = "With --warmup above 0, warm up for at least this long too: the JIT compiles in the"
                    + " background, and on a busy machine that takes seconds (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Sampler seed of the whole studies (default: ${DEFAULT-VALUE}); with --at, repeat r uses seed r.")
    long seed;

    /** One row of the table: tunebook's figures for a sampler and a trial count (or trial index). */
    private record Measured(String sampler, int trials, double wallMs, double cpuMs) {
    }

    @Override
    public Integer call() {
        validate();
        Map<String, LongFunction<Sampler>> chosen = Names.pick(SamplerBenchmarks.samplers(), samplers, "sampler",
                "samplers");
        boolean atMode = at != null || (trials == null && !samplers.equals(List.of("random")));
        int atTrial = at != null ? at : DEFAULT_AT;
        List<Integer> counts = trials != null ? trials : DEFAULT_TRIALS;
        PrintWriter out = spec.commandLine().getOut();
        OptunaScripts scripts = optuna.resolve(out, "python3-optuna", "optuna");

        out.printf(Locale.ROOT, "tunebook overhead: 5 floats, 1 int, 1 categorical; %s; in-memory storage; 1 job;"
                + " Java %s%n", String.join(", ", chosen.keySet()), System.getProperty("java.version"));
        if (warmup > 0) {
            long[] done = OverheadBenchmark.warmUp(warmup, Math.round(warmupSeconds * 1e9), seed);
            out.printf(Locale.ROOT, "JVM warm-up: %d trials in %.2f s%n", done[0], done[1] / 1e9);
            out.flush();
        }
        List<Measured> results = atMode ? measureAt(out, chosen, atTrial) : measureStudies(out, chosen, counts);
        Map<String, Double> theirs = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        String version = null;
        if (scripts != null) {
            out.println("running optuna_overhead.py with " + scripts.python() + " (same objective, samplers, "
                    + (atMode ? "trial index" : "trial counts") + " and repeats)...");
            out.flush();
            JsonObject json = OptunaOptions.json("optuna_overhead.py",
                    OptunaOptions.run(scripts, "optuna_overhead.py", optunaArgs(chosen.keySet(), atMode, atTrial, counts), null));
            version = json.get("optuna_version").getAsString();
            for (JsonElement e : json.getAsJsonArray("results")) {
                JsonObject r = e.getAsJsonObject();
                int n = r.get(atMode ? "at_trial" : "trials").getAsInt();
                theirs.put(r.get("sampler").getAsString() + "@" + n, r.get("ms_per_trial").getAsDouble());
            }
            json.getAsJsonObject("unavailable").entrySet()
                    .forEach(e -> unavailable.put(e.getKey(), e.getValue().getAsString()));
        }
        printTable(out, results, atMode, version, theirs);
        unavailable.forEach((name, why) -> out.println("note: no Optuna figure for " + name + ": " + why));
        out.flush();
        return 0;
    }

    private List<Measured> measureStudies(PrintWriter out, Map<String, LongFunction<Sampler>> chosen,
            List<Integer> counts) {
        List<Measured> results = new ArrayList<>();
        chosen.forEach((name, factory) -> {
            OverheadBenchmark bench = new OverheadBenchmark(factory, seed);
            for (int n : counts) {
                OverheadBenchmark.Result r = bench.measure(n, repeats);
                results.add(new Measured(name, n, r.median(), Double.NaN));
                out.printf(Locale.ROOT, "tunebook %s %d trials: %.4f ms/trial (median of %d: %s)%n", name, n,
                        r.median(), repeats, join(r.msPerTrial()));
                out.flush();
            }
        });
        return results;
    }

    private List<Measured> measureAt(PrintWriter out, Map<String, LongFunction<Sampler>> chosen, int atTrial) {
        List<Measured> results = new ArrayList<>();
        chosen.forEach((name, factory) -> {
            SamplerOverhead.Result r = SamplerOverhead.measure(name, factory, atTrial, measured, repeats);
            results.add(new Measured(name, atTrial, r.medianWallMs(), r.medianCpuMs()));
            out.printf(Locale.ROOT, "tunebook %s at trial %d: %.4f ms/trial wall, %.4f CPU (median of %d: %s)%n", name,
                    atTrial, r.medianWallMs(), r.medianCpuMs(), repeats, join(r.wallMs()));
            out.flush();
        });
        return results;
    }

    private List<String> optunaArgs(Collection<String> names, boolean atMode, int atTrial, List<Integer> counts) {
        List<String> args = new ArrayList<>(List.of("--sampler", String.join(",", names), "--repeats",
                String.valueOf(repeats)));
        if (atMode) {
            args.addAll(List.of("--at", String.valueOf(atTrial), "--measured", String.valueOf(measured)));
        } else {
            args.addAll(List.of("--trials", counts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--seed", String.valueOf(seed)));
        }
        return args;
    }

    private static void printTable(PrintWriter out, List<Measured> results, boolean atMode, String version,
            Map<String, Double> theirs) {
        out.println();
        List<String> headers = new ArrayList<>(List.of("sampler", atMode ? "at trial" : "trials",
                "tunebook ms/trial"));
        if (atMode) {
            headers.add("tunebook CPU ms/trial");
        }
        if (version != null) {
            headers.addAll(List.of("Optuna " + version + " ms/trial", "ratio Optuna/tunebook"));
        }
        TextTable table = new TextTable(headers);
        for (Measured m : results) {
            List<String> row = new ArrayList<>(List.of(m.sampler(), String.valueOf(m.trials()), ms(m.wallMs())));
            if (atMode) {
                row.add(ms(m.cpuMs()));
            }
            if (version != null) {
                Double o = theirs.get(m.sampler() + "@" + m.trials());
                row.add(o == null ? "-" : ms(o));
                row.add(o == null ? "-" : String.format(Locale.ROOT, "%.1fx", o / m.wallMs()));
            }
            table.add(row);
        }
        table.print(out);
    }

    private void validate() {
        if (trials != null && (trials.isEmpty() || trials.stream().anyMatch(n -> n == null || n < 1))) {
            throw new ParameterException(spec.commandLine(), "--trials needs positive counts, got " + trials);
        }
        if (at != null && trials != null) {
            throw new ParameterException(spec.commandLine(), "--trials (whole studies) and --at (one point of a"
                    + " study) are two different measurements; give one");
        }
        if (at != null && at < 0) {
            throw new ParameterException(spec.commandLine(), "--at must be >= 0, got " + at);
        }
        if (measured < 1) {
            throw new ParameterException(spec.commandLine(), "--measured must be at least 1, got " + measured);
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        if (!(warmupSeconds >= 0) || warmupSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--warmup-seconds must be between 0 and 3600, got "
                    + warmupSeconds);
        }
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return s.toString();
    }
}
