package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "export.db");
        SampleStudies.write(url);
    }

    @Test
    void writesCsvAndJsonFiles() throws Exception {
        String expectedCsv = SampleStudies.read("rf", url, s -> s.trialsTable().toCsv());
        Path csv = dir.resolve("rf.csv");
        Path json = dir.resolve("rf.json");
        Files.writeString(csv, "old content that must be replaced");

        CliRun run = CliRun.of("export", "--study", "rf", "--storage", url, "--csv", csv.toString(), "--json",
                json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("exported 8 trials of study 'rf' to " + csv + " and " + json + "\n");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(expectedCsv);
        JsonObject o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(o.get("study").getAsString()).isEqualTo("rf");
        assertThat(o.get("directions").toString()).isEqualTo("[\"maximize\"]");
        assertThat(o.get("columns").getAsJsonArray().get(2).getAsString()).isEqualTo("value");
        JsonArray trials = o.getAsJsonArray("trials");
        assertThat(trials).hasSize(8);
        for (int i = 0; i < SampleStudies.RF_VALUES.length; i++) {
            assertThat(trials.get(i).getAsJsonObject().get("value").getAsDouble()).isEqualTo(SampleStudies.RF_VALUES[i]);
        }
        // the same objects as `trials --json` prints
        JsonArray printed = JsonParser.parseString(CliRun.of("trials", "--study", "rf", "--storage", url, "--json").out())
                .getAsJsonArray();
        assertThat(trials).isEqualTo(printed);
    }

    @Test
    void aMultiObjectiveStudyHasAColumnPerObjective() throws Exception {
        Path csv = dir.resolve("pareto.csv");

        CliRun run = CliRun.of("export", "--study", "pareto", "--storage", url, "--csv", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = Files.readString(csv).split("\r\n");
        assertThat(lines[0]).startsWith("number,state,values_0,values_1,datetime_start,");
        assertThat(lines[2]).startsWith("1,COMPLETE,2.0,3.0,");
        assertThat(lines).hasSize(6);
    }

    @Test
    void aFileThatCannotBeWrittenIsAClearError() {
        Path missing = dir.resolve("no/such/dir/out.csv");

        CliRun run = CliRun.of("export", "--study", "rf", "--storage", url, "--csv", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: cannot write " + missing + ": directory " + missing.getParent()
                + " does not exist\n");

        CliRun directory = CliRun.of("export", "--study", "rf", "--storage", url, "--json", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).contains("it is a directory");
    }

    @Test
    void needsAFile() {
        CliRun run = CliRun.of("export", "--study", "rf", "--storage", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --csv FILE, --json FILE or both");
    }
}
