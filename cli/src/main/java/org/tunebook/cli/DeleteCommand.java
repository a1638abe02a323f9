package org.tunebook.cli;

import java.io.Console;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.tunebook.Study;
import org.tunebook.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunebook delete}: deletes a study and its trials, after asking. */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deletes a study and all its trials from a storage. Asks for confirmation on the terminal; without a"
                + " terminal (in scripts, or with input or output redirected) it deletes only with --yes.",
            "Exit code 1 when nothing was deleted: unknown study, declined, or no terminal and no --yes."})
final class DeleteCommand implements Callable<Integer> {

    /** Asks a yes/no question on the terminal and returns the answer, or null when there is no terminal. */
    interface Prompt {
        String ask(String question);
    }

    /** The terminal, or a stand-in for tests. */
    static Supplier<Prompt> terminal = DeleteCommand::console;

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOption study;

    @Mixin
    StorageOption storage;

    @Option(names = {"--yes", "-y"}, description = "Delete without asking.")
    boolean yes;

    @Override
    public Integer call() {
        Study s = Stores.load(study.name, storage.url);
        Storage opened = s.storage();
        try {
            int trials = s.trials().size();
            String what = "study '" + s.name() + "' (" + trials + " trial" + (trials == 1 ? "" : "s") + ") from "
                    + Stores.display(storage.url);
            if (!yes) {
                Prompt prompt = terminal.get();
                if (prompt == null) {
                    throw new CliException("not deleting " + what + " without confirmation: there is no terminal to"
                            + " ask on; pass --yes to delete it");
                }
                String answer = prompt.ask("Delete " + what + "? [y/N] ");
                String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
                if (!a.equals("y") && !a.equals("yes")) {
                    throw new CliException("not deleted: " + what + " is unchanged");
                }
            }
            opened.deleteStudy(s.id());
            spec.commandLine().getOut().println("deleted " + what);
            spec.commandLine().getOut().flush();
        } finally {
            Stores.close(opened);
        }
        return 0;
    }

    private static Prompt console() {
        Console console = System.console();
        return console == null ? null : question -> console.readLine("%s", question);
    }
}
