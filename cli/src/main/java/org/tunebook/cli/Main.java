package org.tunebook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.NoSuchStudyException;
import org.tunebook.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tunebook} command: the entry point of the command-line tool.
 *
 * <pre>
 * tunebook studies --storage URL [--json]
 * tunebook trials --study NAME --storage URL [--state S] [--sort COLUMN] [--reverse] [--top N] [--csv | --json]
 * tunebook best --study NAME --storage URL [--json]
 * tunebook export --study NAME --storage URL [--csv FILE] [--json FILE]
 * tunebook copy --study NAME --from URL --to URL [--to-name NAME]
 * tunebook delete --study NAME --storage URL [--yes]
 * tunebook quickstart [--trials N] [--jobs K] [--seed S]
 * tunebook plot KIND --study NAME --storage URL --out FILE.png|FILE.svg [--params A,B] [--width W] [--height H]
 * tunebook bench quality [--samplers tpe,gp,...] [--functions branin,...] [--trials 100,200] [--seeds 10] [--no-optuna]
 * tunebook bench pareto [--samplers random,nsga2,tpe] [--dimensions 30] [--trials 100,300] [--seeds 10] [--no-optuna]
 * tunebook bench overhead [--sampler random,tpe,...] [--trials 1000,10000 | --at 1000] [--repeats 5] [--no-optuna]
 * tunebook bench pruning [--trials 100] [--epochs 50] [--seeds 10] [--no-optuna]
 * tunebook bench storage [--trials 1000] [--repeats 3] [--storage sqlite|postgresql|both] [--no-optuna]
 * tunebook --help | --version
 * </pre>
 *
 * <p>The bench commands compare with Python Optuna when {@code /usr/bin/python3} (or {@code --python PATH}) can
 * import it.
 *
 * <p>Exit codes: 0 on success, 1 when a command fails (with one line on stderr: unknown study, unreadable
 * database, bad storage URL, …), 2 for a usage error (unknown command or option, bad value).
 */
@Command(name = "tunebook",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Hyperparameter tuning for Java: look into stored studies, run example studies and benchmarks.",
        subcommands = {StudiesCommand.class, TrialsCommand.class, BestCommand.class, ExportCommand.class,
            CopyCommand.class, DeleteCommand.class, PlotCommand.class, QuickstartCommand.class, BenchCommand.class},
        footer = {"", "Run 'tunebook COMMAND --help' for the options of a command."})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code, without exiting. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The configured picocli command line. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError) {
                commandLine.getErr().println("tunebook: " + e.getMessage() + " (see '"
                        + commandLine.getCommandSpec().qualifiedName() + " --help')");
                commandLine.getErr().flush();
                return 2;
            }
            if (isUserError(e)) {
                commandLine.getErr().println("tunebook: " + Stores.display(String.valueOf(e.getMessage())));
            } else {
                commandLine.getErr().println("tunebook: unexpected error: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }

    /**
     * Whether an exception is one the user can act on from its message alone: a {@link CliException}, or one of
     * core's storage errors, whose messages are written for users.
     */
    private static boolean isUserError(Exception e) {
        return e instanceof CliException || e instanceof NoSuchStudyException || e instanceof StorageException
                || e instanceof DuplicateStudyException;
    }

    /** Without a command there is nothing to do: that is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
