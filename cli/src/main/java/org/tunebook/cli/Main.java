package org.tunebook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tunebook} command: the entry point of the command-line tool.
 *
 * <pre>
 * tunebook quickstart [--trials N] [--jobs K] [--seed S]
 * tunebook bench overhead [--trials 1000,10000] [--repeats 5] [--python /usr/bin/python3] [--no-python]
 * tunebook --help | --version
 * </pre>
 *
 * <p>Exit codes: 0 on success, 1 when a command fails, 2 for a usage error (unknown command or option, bad
 * value).
 */
@Command(name = "tunebook",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Hyperparameter tuning for Java: run example studies and benchmarks.",
        subcommands = {QuickstartCommand.class, BenchCommand.class},
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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException) {
                commandLine.getErr().println("tunebook: " + e.getMessage());
            } else {
                commandLine.getErr().println("tunebook: unexpected error: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }

    /** Without a command there is nothing to do: that is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
