package org.tunebook.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.tunebook.bench.OptunaScripts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Optuna side of every {@code tunebook bench} command: the {@code --python} and {@code --no-optuna}
 * options, the decision whether Optuna runs, and running its bundled script with errors a user can act on.
 *
 * <p>Asked for with {@code --python}, an interpreter that cannot import what the benchmark needs is an error;
 * otherwise {@link OptunaScripts#DEFAULT_PYTHON} is tried and, if it cannot, the benchmark runs tunebook alone
 * and prints one line saying why Optuna's figures are missing.
 */
final class OptunaOptions {

    /** The interpreter tried without {@code --python}; tests point it at a missing one to see the note. */
    static volatile String defaultPython = OptunaScripts.DEFAULT_PYTHON;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "Python with Optuna to compare with; the command fails if it cannot import optuna. Without"
                    + " this option " + OptunaScripts.DEFAULT_PYTHON + " is tried, and Optuna is left out, with a note,"
                    + " if it cannot.")
    String python;

    @Option(names = {"--no-optuna", "--no-python"}, description = "Measure tunebook alone, without Optuna's figures.")
    boolean off;

    /**
     * The scripts to run, or null when Optuna is left out: with {@code --no-optuna}, or when the default Python
     * cannot import {@code modules} (then a note on {@code out} says why).
     *
     * @param packages the Debian packages that provide the modules, for the messages
     * @throws CliException if {@code --python} names an interpreter that cannot import the modules
     */
    OptunaScripts resolve(PrintWriter out, String packages, String... modules) {
        if (off && python != null) {
            throw new ParameterException(spec.commandLine(), "--no-optuna cannot be combined with --python");
        }
        if (off) {
            return null;
        }
        OptunaScripts scripts = new OptunaScripts(python != null ? python : defaultPython);
        String why = scripts.whyUnusable(modules);
        if (why == null) {
            return scripts;
        }
        if (python != null) {
            throw new CliException("cannot run the Optuna comparison: " + why + ". Install Debian's " + packages
                    + ", point --python at a Python that has them, or pass --no-optuna.");
        }
        out.println("note: no Optuna figures: " + why + " (install Debian's " + packages + " for them, or pass"
                + " --no-optuna to silence this note)");
        out.flush();
        return null;
    }

    /** Runs a bundled script; a failure becomes a {@link CliException} with its error output, passwords hidden. */
    static String run(OptunaScripts scripts, String script, List<String> args, String stdin) {
        try {
            return scripts.run(script, args, stdin);
        } catch (IOException e) {
            throw new CliException(Stores.display(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while " + script + " was running", e);
        }
    }

    /** The JSON object a script printed; anything else is a {@link CliException} quoting it. */
    static JsonObject json(String script, String output) {
        try {
            return JsonParser.parseString(output.strip()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new CliException(script + " did not print the expected JSON (" + e.getMessage() + "); it printed:\n"
                    + OptunaScripts.tail(output), e);
        }
    }
}
