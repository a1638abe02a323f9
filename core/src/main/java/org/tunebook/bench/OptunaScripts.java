package org.tunebook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Python Optuna twins of the benchmarks with an interpreter that has Optuna, such as Debian's {@code
 * /usr/bin/python3} with {@code python3-optuna}. The scripts travel inside tunebook's jar, next to this class;
 * each run writes them all into a new temporary folder (they import their shared {@code optuna_common.py}
 * from there), runs one, and removes the folder.
 *
 * <pre>{@code
 * OptunaScripts optuna = new OptunaScripts(OptunaScripts.DEFAULT_PYTHON);
 * String why = optuna.whyUnusable("optuna");        // null when the interpreter can import optuna
 * String json = optuna.run("optuna_overhead.py", List.of("--trials", "1000"), null);
 * }</pre>
 *
 * <p>The scripts: {@code optuna_overhead.py} (overhead per trial), {@code optuna_storage.py} (storage overhead
 * and loading), {@code optuna_quality.py} (samplers on {@link BenchmarkFunctions}), {@code optuna_pruning.py}
 * (pruners on {@link LearningCurves}); each one's docstring says what it measures and prints.
 */
public final class OptunaScripts {

    /** Debian's interpreter, which sees the {@code python3-optuna} package (a {@code python3} earlier on PATH may not). */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    /** Every bundled script; they are written out together because they import {@code optuna_common}. */
    static final List<String> FILES = List.of("optuna_common.py", "optuna_overhead.py", "optuna_storage.py",
            "optuna_quality.py", "optuna_pruning.py");

    private final String python;

    /** Scripts to run with {@code python}, a path or a command name on PATH. */
    public OptunaScripts(String python) {
        if (python == null || python.isBlank()) {
            throw new IllegalArgumentException("a Python interpreter is needed, such as " + DEFAULT_PYTHON);
        }
        this.python = python;
    }

    /** The interpreter. */
    public String python() {
        return python;
    }

    /**
     * Why the interpreter cannot import the modules (for example {@code "optuna"}, {@code "psycopg2"}), or null
     * if it can: {@code python -c 'import M'} succeeds for each.
     */
    public String whyUnusable(String... modules) {
        if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
            return python + " does not exist or is not executable";
        }
        for (String module : modules) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return python + " -c 'import " + module + "' did not finish within 2 minutes";
                }
                if (p.exitValue() != 0) {
                    String lastLine = output.isEmpty() ? "exit code " + p.exitValue()
                            : output.substring(output.lastIndexOf('\n') + 1);
                    return python + " cannot import " + module + " (" + lastLine + ")";
                }
            } catch (IOException e) {
                return python + " cannot be started (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while checking " + python;
            }
        }
        return null;
    }

    /**
     * Runs a bundled script and returns what it printed on standard output.
     *
     * @param script one of the bundled scripts, e.g. {@code optuna_quality.py}
     * @param args its arguments
     * @param stdin text for its standard input, or null for none
     * @throws IOException if the script cannot be started or exits with an error; the message ends with the
     *     last lines of its standard error
     * @throws IllegalArgumentException if no such script is bundled
     */
    public String run(String script, List<String> args, String stdin) throws IOException, InterruptedException {
        if (!FILES.contains(script)) {
            throw new IllegalArgumentException("no bundled script '" + script + "'; the scripts are " + FILES);
        }
        Path dir = Files.createTempDirectory("tunebook-optuna-");
        try {
            for (String file : FILES) {
                Files.write(dir.resolve(file), resource(file));
            }
            List<String> command = new ArrayList<>(List.of(python, "-B", dir.resolve(script).toString()));
            command.addAll(args);
            Path in = Files.writeString(dir.resolve("stdin.txt"), stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            Path errors = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectError(errors.toFile()).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = p.waitFor();
                if (code != 0) {
                    throw new IOException(python + " " + script + " " + String.join(" ", args) + " failed with exit code "
                            + code + ":\n" + tail(Files.readString(errors, StandardCharsets.UTF_8)));
                }
                return out;
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** The text of a bundled script. */
    static byte[] resource(String file) {
        try (InputStream in = OptunaScripts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from tunebook's jar (org/tunebook/bench/" + file + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of a long text (a traceback's last lines matter most), at most 2000 characters. */
    public static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "…" + t.substring(t.length() - 2000);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
