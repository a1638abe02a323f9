package org.tunebook.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs {@code bench/optuna_overhead.py} with a Python interpreter that has Optuna, and reads its JSON.
 *
 * <p>The script is looked for, in this order: the path given with {@code --script}; {@code
 * $TUNEBOOK_HOME/bench/optuna_overhead.py}; {@code bench/optuna_overhead.py} in the folder of the tunebook
 * jar (or classes folder) and in each folder above it, which finds it in a source checkout from {@code
 * cli/target/tunebook-cli.jar}; the same in the working directory and each folder above it.
 */
final class OptunaBaseline {

    static final String SCRIPT = "bench/optuna_overhead.py";

    private static final Pattern RESULT = Pattern.compile(
            "\"trials\"\\s*:\\s*(\\d+)\\s*,\\s*\"ms_per_trial\"\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern VERSION = Pattern.compile("\"optuna_version\"\\s*:\\s*\"([^\"]*)\"");

    /** What a run of the script measured. */
    record Figures(String optunaVersion, Map<Integer, Double> msPerTrial) {
    }

    private final String python;
    private final Path script;

    OptunaBaseline(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    Path script() {
        return script;
    }

    /**
     * Why {@code python} cannot run Optuna, or null if it can ({@code python -c 'import optuna'} succeeds).
     */
    static String whyUnusable(String python) {
        return whyCannotImport(python, "optuna");
    }

    /**
     * Why {@code python} cannot import a module, or null if it can ({@code python -c 'import MODULE'} succeeds).
     */
    static String whyCannotImport(String python, String module) {
        if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
            return python + " does not exist or is not executable";
        }
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
            return null;
        } catch (IOException e) {
            return python + " cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + python;
        }
    }

    /** The folders searched, in order, for {@link #SCRIPT}; see the class comment. */
    static List<Path> searchRoots() {
        List<Path> roots = new ArrayList<>();
        String home = System.getenv("TUNEBOOK_HOME");
        if (home != null && !home.isBlank()) {
            roots.add(Path.of(home).toAbsolutePath());
        }
        Path codeSource = codeSource();
        for (Path p = codeSource; p != null; p = p.getParent()) {
            roots.add(p);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            roots.add(p);
        }
        return roots.stream().distinct().collect(Collectors.toList());
    }

    private static Path codeSource() {
        try {
            Path p = Path.of(OptunaBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The script: {@code explicit} if given (it must exist), else the first found under the search roots. */
    static Path locateScript(Path explicit) {
        return locateScript(explicit, SCRIPT);
    }

    /**
     * A benchmark script: {@code explicit} if given (it must exist), else {@code relative} (such as {@code
     * bench/optuna_storage.py}) under the first search root that has it.
     */
    static Path locateScript(Path explicit, String relative) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new CliException("--script " + explicit + ": no such file");
            }
            return explicit.toAbsolutePath();
        }
        List<Path> roots = searchRoots();
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new CliException("cannot find " + relative + " in " + roots.stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + "; pass --script FILE or set TUNEBOOK_HOME to the tunebook"
                + " source folder");
    }

    /** Runs the script and returns its figures. */
    Figures run(List<Integer> trials, int repeats, long seed) throws IOException, InterruptedException {
        List<String> command = List.of(python, script.toString(),
                "--trials", trials.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--repeats", String.valueOf(repeats), "--seed", String.valueOf(seed));
        Path errors = Files.createTempFile("tunebook-optuna-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new CliException(String.join(" ", command) + " failed with exit code " + code + ":\n"
                        + tail(Files.readString(errors, StandardCharsets.UTF_8)));
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Reads the script's JSON: the Optuna version and the median ms/trial for each trial count. */
    static Figures parse(String json) {
        Map<Integer, Double> results = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(json);
        while (m.find()) {
            results.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        }
        if (results.isEmpty()) {
            throw new CliException("the Optuna script printed no results; its output was:\n" + tail(json));
        }
        Matcher v = VERSION.matcher(json);
        return new Figures(v.find() ? v.group(1) : "?", results);
    }

    static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "…" + t.substring(t.length() - 2000);
    }
}
