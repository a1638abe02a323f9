package org.tunebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tunebook.bench.OptunaScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook bench storage}: tunebook's cost per trial in SQLite and PostgreSQL storages and its time to
 * load a large SQLite study, side by side with Optuna's when a Python with Optuna is at hand.
 */
@Command(name = "storage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the storage's overhead per trial: the objective of 'bench overhead' (5 floats, 1 int,"
                + " 1 categorical, nothing else), a RandomSampler and one worker, in a new SQLite file and/or a new"
                + " PostgreSQL database per study (made on the server of --pg-url and dropped afterwards). Opening"
                + " the storage is not timed; creating the study and running its trials is. Each backend is warmed"
                + " up first; the median of --repeats studies is reported.",
            "Also times loading a --load-trials study from a SQLite file with a new storage object (Tune.load and"
                + " study.trials()): the first load in this JVM, then the median of --repeats more.",
            "If the Python interpreter can import optuna (and psycopg2 for PostgreSQL), Optuna measures the same"
                + " with its RDBStorage (fewer trials per study, --python-trials: Optuna takes tens of milliseconds"
                + " per trial in a database) and loads the same file; both are printed with their ratio. The script,"
                + " " + OptunaStorageBaseline.SCRIPT + ", travels in the tunebook jar."})
final class StorageBenchCommand implements Callable<Integer> {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/tunebook?user=tunebook&password=tunebook";

    /** The goals the README states. */
    static final double GOAL_SQLITE_MS = 0.5;
    static final double GOAL_POSTGRESQL_MS = 2;
    static final double GOAL_LOAD_SECONDS = 0.5;

    /** Python has no JIT to warm up: its warm-up (imports, first queries) needs a few trials only. */
    static final int PYTHON_WARMUP = 20;

    enum Backends {
        sqlite, postgresql, both
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1000",
            description = "Trials per measured study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3",
            description = "Studies per backend, and warm loads; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--storage", paramLabel = "KIND", defaultValue = "sqlite",
            description = "Backends to measure: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Backends backends;

    @Option(names = "--pg-url", paramLabel = "URL", defaultValue = DEFAULT_PG_URL,
            description = "A PostgreSQL database whose user may create databases (default: ${DEFAULT-VALUE}).")
    String pgUrl;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500",
            description = "Trials run on each backend before measuring, to warm up the JVM (default: ${DEFAULT-VALUE});"
                    + " Optuna runs at most " + PYTHON_WARMUP + ".")
    int warmup;

    @Option(names = "--load-trials", paramLabel = "N", defaultValue = "10000",
            description = "Trials of the study whose loading is timed; 0 skips it (default: ${DEFAULT-VALUE}).")
    int loadTrials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the SQLite files (default: the system's temporary folder); a new folder is"
                    + " made in it and removed at the end.")
    Path dir;

    @Option(names = "--python-trials", paramLabel = "N", defaultValue = "200",
            description = "Trials per Optuna study (default: ${DEFAULT-VALUE}).")
    int pythonTrials;

    @Mixin
    OptunaOptions optuna;

    private record Measured(String backend, double[] msPerTrial) {
        double median() {
            return StorageBenchmark.median(msPerTrial);
        }
    }

    private record Loaded(int trials, double firstSeconds, double[] warmSeconds) {
        double warm() {
            return StorageBenchmark.median(warmSeconds);
        }
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        List<String> kinds = backends == Backends.both ? List.of("sqlite", "postgresql") : List.of(backends.name());
        ServerDatabases servers = kinds.contains("postgresql") ? new ServerDatabases(pgUrl) : null;
        if (servers != null) {
            servers.check(); // fail now rather than after the SQLite measurements
        }
        boolean postgres = kinds.contains("postgresql");
        OptunaScripts scripts = postgres ? optuna.resolve(out, "python3-optuna and python3-psycopg2", "optuna", "psycopg2")
                : optuna.resolve(out, "python3-optuna", "optuna");

        Path base = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(base)) {
            throw new CliException("--dir " + base + ": no such directory");
        }
        Path work = Files.createTempDirectory(base, "tunebook-bench-");
        try {
            out.printf(Locale.ROOT, "tunebook storage benchmark: 5 floats, 1 int, 1 categorical; RandomSampler(seed=%d);"
                    + " 1 job; Java %s; SQLite files in %s%n", seed, System.getProperty("java.version"), work);
            out.flush();
            StorageBenchmark bench = new StorageBenchmark(seed);
            Loaded loaded = null;
            Path loadFile = work.resolve("load.db");
            if (loadTrials > 0) {
                loaded = measureLoad(out, bench, loadFile);
            }
            List<Measured> measured = new ArrayList<>();
            for (String kind : kinds) {
                StorageBenchmark.Place place = kind.equals("sqlite") ? StorageBenchmark.sqliteFiles(work) : servers;
                if (warmup > 0) {
                    long start = System.nanoTime();
                    bench.msPerTrial(place, warmup);
                    out.printf(Locale.ROOT, "warm-up: %d trials on %s in %.2f s%n", warmup, label(kind),
                            (System.nanoTime() - start) / 1e9);
                    out.flush();
                }
                Measured m = new Measured(kind, bench.msPerTrial(place, trials, repeats));
                measured.add(m);
                out.printf(Locale.ROOT, "tunebook %-10s %6d trials: %.4f ms/trial (median of %d: %s)%n", kind, trials,
                        m.median(), repeats, join(m.msPerTrial(), "%.4f"));
                out.flush();
            }
            OptunaStorageBaseline.Figures figures = null;
            if (scripts != null) {
                out.printf(Locale.ROOT, "running %s with %s: %d trials per study (not %d: Optuna takes tens of"
                        + " milliseconds per trial in a database), %d repeats%s...%n", OptunaStorageBaseline.SCRIPT,
                        scripts.python(),
                        pythonTrials, trials, repeats, loaded == null ? "" : ", and loading the same "
                        + loaded.trials() + "-trial file");
                out.flush();
                figures = OptunaStorageBaseline.run(scripts, new OptunaStorageBaseline.Request(kinds, pythonTrials, repeats,
                        Math.min(warmup, PYTHON_WARMUP), seed, pgUrl, work, loaded == null ? null : loadFile, repeats));
                printComparison(out, measured, loaded, figures);
            }
            printGoals(out, measured, loaded);
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    private Loaded measureLoad(PrintWriter out, StorageBenchmark bench, Path file) {
        long start = System.nanoTime();
        String url = bench.writeLoadStudy(file, loadTrials);
        out.printf(Locale.ROOT, "load: wrote a %d-trial study to a new SQLite file (schema %s, which Optuna 3.1 reads)"
                + " in %.2f s%n", loadTrials, StorageBenchmark.LOAD_SCHEMA, (System.nanoTime() - start) / 1e9);
        out.flush();
        double first = bench.loadSeconds(url, loadTrials);
        double[] warm = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            warm[r] = bench.loadSeconds(url, loadTrials);
        }
        Loaded loaded = new Loaded(loadTrials, first, warm);
        out.printf(Locale.ROOT, "tunebook load %d trials (Tune.load + study.trials(), new storage object): first in"
                + " this JVM %.3f s; warm %.3f s (median of %d: %s)%n", loadTrials, first, loaded.warm(), repeats,
                join(warm, "%.3f"));
        out.flush();
        return loaded;
    }

    private void printComparison(PrintWriter out, List<Measured> measured, Loaded loaded,
            OptunaStorageBaseline.Figures figures) {
        out.println();
        TextTable table = new TextTable(List.of("", "tunebook", "Optuna " + figures.optunaVersion(),
                "ratio Optuna/tunebook"));
        for (Measured m : measured) {
            OptunaStorageBaseline.Backend theirs = figures.backends().get(m.backend());
            if (theirs == null) {
                throw new CliException("the Optuna script gave no figure for " + m.backend());
            }
            table.add(List.of(label(m.backend()) + " ms/trial",
                    String.format(Locale.ROOT, "%.4f (%d trials)", m.median(), trials),
                    String.format(Locale.ROOT, "%.2f (%d trials)", theirs.msPerTrial(), theirs.trials()),
                    String.format(Locale.ROOT, "%.0fx", theirs.msPerTrial() / m.median())));
        }
        if (loaded != null && figures.load() != null) {
            OptunaStorageBaseline.Load theirs = figures.load();
            table.add(List.of("load " + loaded.trials() + " trials, first (s)",
                    String.format(Locale.ROOT, "%.3f", loaded.firstSeconds()),
                    String.format(Locale.ROOT, "%.3f", theirs.firstSeconds()),
                    String.format(Locale.ROOT, "%.1fx", theirs.firstSeconds() / loaded.firstSeconds())));
            table.add(List.of("load " + loaded.trials() + " trials, warm (s)",
                    String.format(Locale.ROOT, "%.3f", loaded.warm()),
                    String.format(Locale.ROOT, "%.3f", theirs.warmSeconds()),
                    String.format(Locale.ROOT, "%.1fx", theirs.warmSeconds() / loaded.warm())));
        }
        table.print(out);
        out.println("(Optuna's studies have fewer trials; its cost per trial grows with the trials already in a"
                + " study, so its figures are, if anything, flattered.)");
        out.flush();
    }

    private void printGoals(PrintWriter out, List<Measured> measured, Loaded loaded) {
        out.println();
        for (Measured m : measured) {
            double goal = m.backend().equals("sqlite") ? GOAL_SQLITE_MS : GOAL_POSTGRESQL_MS;
            out.printf(Locale.ROOT, "goal: %s under %s ms/trial: %s (%.4f)%n", label(m.backend()), number(goal),
                    m.median() < goal ? "met" : "missed", m.median());
        }
        if (loaded != null) {
            boolean met = loaded.firstSeconds() < GOAL_LOAD_SECONDS && loaded.warm() < GOAL_LOAD_SECONDS;
            out.printf(Locale.ROOT, "goal: loading %d trials under %s s: %s (first %.3f s, warm %.3f s)%s%n",
                    loaded.trials(), number(GOAL_LOAD_SECONDS), met ? "met" : "missed", loaded.firstSeconds(),
                    loaded.warm(), loaded.trials() == 10_000 ? "" : " (the goal is for 10000 trials)");
        }
        out.flush();
    }

    private static String label(String backend) {
        return backend.equals("sqlite") ? "SQLite" : "PostgreSQL";
    }

    private static String number(double d) {
        return Formats.number(d);
    }

    private void validate() {
        if (trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        if (loadTrials < 0) {
            throw new ParameterException(spec.commandLine(), "--load-trials must be >= 0, got " + loadTrials);
        }
        if (pythonTrials < 1) {
            throw new ParameterException(spec.commandLine(), "--python-trials must be at least 1, got " + pythonTrials);
        }
    }

    private static String join(double[] values, String format) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, v));
        }
        return s.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
