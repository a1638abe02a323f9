package org.tunebook.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tunebook.TrialsTable;

/** {@code %tune export NAME --csv FILE}: writes the trials table to a CSV file. */
final class ExportCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("export", "write the trials to a CSV file")
            .positional("NAME", "the study")
            .requiredOption("csv", "FILE", "the file to write (replaced if it exists)");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        NotebookStudy nb = session.study(args.positional(0));
        Path file = Path.of(args.option("csv").orElseThrow()).toAbsolutePath();
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new MagicException("cannot write " + file + ": the folder " + folder + " does not exist");
        }
        TrialsTable table = nb.study().trialsTable();
        table.writeCsv(file);
        display.show(Output.text("wrote " + Format.count(table.size(), "trial") + " of '" + nb.name() + "' to "
                + file));
    }
}
