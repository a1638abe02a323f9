package org.tunebook.cli;

import java.util.concurrent.Callable;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tunebook copy}: copies a study, with its trials and attributes, to another storage or name. */
@Command(name = "copy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Copies a study with all its trials (numbers, states, values, times, parameters, intermediate values,"
                + " attributes) and its attributes to another storage, or under another name. A SQLite target file"
                + " is created if missing; a study of the target name must not exist there."})
final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--study", paramLabel = "NAME", required = true, description = "The study to copy.")
    String name;

    @Option(names = "--from", paramLabel = "URL", required = true, description = "The storage it is in. "
            + StorageOption.DESCRIPTION)
    String from;

    @Option(names = "--to", paramLabel = "URL", required = true, description = "The storage to copy it to.")
    String to;

    @Option(names = "--to-name", paramLabel = "NAME", description = "The copy's name (default: the same name).")
    String toName;

    @Override
    public Integer call() {
        if (toName != null && toName.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--to-name must not be empty");
        }
        String target = toName != null ? toName : name;
        Storage source = Stores.open(from, true);
        Storage destination = null;
        try {
            destination = Stores.open(to, false);
            Study copy;
            try {
                copy = Tune.copy(name, source, destination, target);
            } catch (DuplicateStudyException e) {
                throw new CliException("a study named '" + target + "' already exists in " + Stores.display(to)
                        + "; give the copy another name with --to-name NAME, or delete that study first", e);
            }
            spec.commandLine().getOut().println("copied study '" + name + "' (" + copy.trials().size() + " trials) from "
                    + Stores.display(from) + " to " + Stores.display(to)
                    + (target.equals(name) ? "" : " as '" + target + "'"));
            spec.commandLine().getOut().flush();
        } finally {
            if (destination != null && destination != source) {
                Stores.close(destination);
            }
            Stores.close(source);
        }
        return 0;
    }
}
