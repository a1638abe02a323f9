package org.tunebook.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tunebook.Study;
import org.tunebook.TrialsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tunebook export}: writes a study's trials table to CSV and/or JSON files. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a study's trials table (the columns of 'tunebook trials') to files, replacing them.",
            "CSV: RFC 4180, UTF-8, times in ISO-8601 UTC, as pandas.read_csv reads it.",
            "JSON: {\"study\", \"directions\", \"user_attrs\", \"columns\", \"trials\": [one object per trial,"
                + " keyed by column]}."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOption study;

    @Mixin
    StorageOption storage;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write CSV to FILE.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE.")
    Path json;

    @Override
    public Integer call() {
        if (csv == null && json == null) {
            throw new ParameterException(spec.commandLine(), "give --csv FILE, --json FILE or both");
        }
        if (csv != null && csv.equals(json)) {
            throw new ParameterException(spec.commandLine(), "--csv and --json name the same file " + csv);
        }
        Study s = Stores.load(study.name, storage.url);
        TrialsTable table;
        JsonObject document;
        try {
            table = s.trialsTable();
            document = json == null ? null : document(s, table);
        } finally {
            Stores.close(s.storage());
        }
        List<String> written = new ArrayList<>();
        if (csv != null) {
            write(csv, table.toCsv());
            written.add(csv.toString());
        }
        if (json != null) {
            write(json, JsonOutput.text(document) + "\n");
            written.add(json.toString());
        }
        spec.commandLine().getOut().println("exported " + table.size() + " trial" + (table.size() == 1 ? "" : "s")
                + " of study '" + s.name() + "' to " + String.join(" and ", written));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static JsonObject document(Study s, TrialsTable table) {
        JsonObject o = new JsonObject();
        o.addProperty("study", s.name());
        o.add("directions", JsonOutput.of(s.directions()));
        o.add("user_attrs", JsonOutput.of(s.userAttrs()));
        o.add("columns", JsonOutput.of(table.columns()));
        JsonArray trials = new JsonArray();
        table.rows().forEach(r -> trials.add(JsonOutput.row(table.columns(), r)));
        o.add("trials", trials);
        return o;
    }

    /** Writes a text file (UTF-8), replacing it, with an error message that says what went wrong. */
    static void write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CliException("cannot write " + file + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CliException("cannot write " + file + ": it is a directory");
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new CliException("cannot write " + file + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot write " + file + ": no such file or directory", e);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
