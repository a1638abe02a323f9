package org.tunebook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook bench overhead}: tunebook's cost per trial with a trivial objective, side by side with
 * Optuna's when a Python with Optuna is at hand.
 */
@Command(name = "overhead",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the framework's overhead per trial: an objective asking for 5 floats, 1 int and 1"
                + " categorical and doing nothing else, a RandomSampler, in-memory storage, one worker.",
            "The JVM is warmed up first; each trial count is run --repeats times and the median is reported.",
            "If the Python interpreter can import optuna, " + OptunaBaseline.SCRIPT + " runs the same benchmark"
                + " with Optuna and both are printed with their ratio. The script is found with --script, or as"
                + " $TUNEBOOK_HOME/" + OptunaBaseline.SCRIPT + ", or under the folder of the tunebook jar or the"
                + " working directory or any folder above them."})
final class OverheadCommand implements Callable<Integer> {

    static final String DEFAULT_PYTHON = "/usr/bin/python3";

    @Spec
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "N", split = ",", splitSynopsisLabel = ",", defaultValue = "1000,10000",
            description = "Trial counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> trials;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "Runs per trial count; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50000",
            description = "Trials run before measuring, to warm up the JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "Python with Optuna to compare with; fails if it cannot import optuna."
                    + " Without this option " + DEFAULT_PYTHON + " is tried and skipped if unusable.")
    String python;

    @Option(names = "--no-python", description = "Measure tunebook only.")
    boolean noPython;

    @Option(names = "--script", paramLabel = "FILE", description = "The Optuna benchmark script (default: found, see above).")
    Path script;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        OptunaBaseline optuna = noPython ? null : optunaBaseline(out);

        out.printf(Locale.ROOT, "tunebook overhead: 5 floats, 1 int, 1 categorical; RandomSampler(seed=%d);"
                + " in-memory storage; 1 job; Java %s%n", seed, System.getProperty("java.version"));
        OverheadBenchmark bench = new OverheadBenchmark(seed);
        if (warmup > 0) {
            long nanos = bench.warmUp(warmup);
            out.printf(Locale.ROOT, "JVM warm-up: %d trials in %.2f s%n", warmup, nanos / 1e9);
            out.flush();
        }
        List<OverheadBenchmark.Result> results = new ArrayList<>();
        for (int n : trials) {
            OverheadBenchmark.Result r = bench.measure(n, repeats);
            results.add(r);
            out.printf(Locale.ROOT, "tunebook %6d trials: %.4f ms/trial (median of %d: %s)%n", n, r.median(), repeats,
                    join(r.msPerTrial()));
            out.flush();
        }
        if (optuna == null) {
            return 0;
        }
        out.println("running " + optuna.script() + " with " + pythonToUse() + " (same objective, trial counts"
                + " and repeats)...");
        out.flush();
        OptunaBaseline.Figures figures = optuna.run(trials, repeats, seed);
        printComparison(out, results, figures);
        return 0;
    }

    private void validate() {
        if (trials.isEmpty() || trials.stream().anyMatch(n -> n == null || n < 1)) {
            throw new ParameterException(spec.commandLine(), "--trials needs positive counts, got " + trials);
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        if (noPython && (python != null || script != null)) {
            throw new ParameterException(spec.commandLine(), "--no-python cannot be combined with --python or --script");
        }
    }

    private String pythonToUse() {
        return python != null ? python : DEFAULT_PYTHON;
    }

    /**
     * The Optuna side, or null to skip it. Asked for explicitly (with --python or --script), any missing piece
     * is an error; otherwise it is skipped with a note.
     */
    private OptunaBaseline optunaBaseline(PrintWriter out) {
        boolean asked = python != null || script != null;
        String why = OptunaBaseline.whyUnusable(pythonToUse());
        Path found = null;
        if (why == null) {
            try {
                found = OptunaBaseline.locateScript(script);
            } catch (CliException e) {
                why = e.getMessage();
            }
        }
        if (why == null) {
            return new OptunaBaseline(pythonToUse(), found);
        }
        if (asked) {
            throw new CliException("cannot run the Optuna comparison: " + why + ". Install Debian's python3-optuna"
                    + " (apt-get install python3-optuna), point --python at a Python with optuna, or pass --no-python.");
        }
        out.println("note: Optuna comparison skipped: " + why + " (install python3-optuna, or pass --no-python"
                + " to silence this note)");
        return null;
    }

    private static void printComparison(PrintWriter out, List<OverheadBenchmark.Result> results,
            OptunaBaseline.Figures figures) {
        out.println();
        String theirLabel = "Optuna " + figures.optunaVersion() + " ms/trial";
        out.printf(Locale.ROOT, "%8s  %17s  %" + theirLabel.length() + "s  %s%n", "trials", "tunebook ms/trial",
                theirLabel, "ratio Optuna/tunebook");
        for (OverheadBenchmark.Result r : results) {
            Double theirs = figures.msPerTrial().get(r.trials());
            if (theirs == null) {
                throw new CliException("the Optuna script gave no figure for " + r.trials() + " trials");
            }
            out.printf(Locale.ROOT, "%8d  %17.4f  %" + theirLabel.length() + ".4f  %.1fx%n", r.trials(), r.median(),
                    theirs, theirs / r.median());
        }
        out.flush();
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return s.toString();
    }
}
