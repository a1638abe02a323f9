package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudiesCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "studies.db");
        SampleStudies.write(url);
    }

    @Test
    void listsEveryStudyWithCountsAndBestValue() {
        CliRun run = CliRun.of("studies", "--storage", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).matches("name +directions +trials +complete +pruned +fail +running +waiting +best +started");
        assertThat(run.out())
                .containsPattern("(?m)^rf +maximize +8 +5 +1 +1 +1 +0 +0\\.9 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$")
                .containsPattern("(?m)^pareto +minimize,maximize +5 +4 +0 +1 +0 +0 +- +\\d{4}-")
                .containsPattern("(?m)^empty +minimize +0 +0 +0 +0 +0 +0 +- +-$");
        assertThat(lines).hasSize(4);
    }

    @Test
    void jsonHasOneObjectPerStudy() {
        CliRun run = CliRun.of("studies", "--storage", url, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonArray studies = JsonParser.parseString(run.out()).getAsJsonArray();
        assertThat(studies).hasSize(3);
        JsonObject rf = find(studies, "rf");
        assertThat(rf.get("directions").getAsJsonArray().get(0).getAsString()).isEqualTo("maximize");
        assertThat(rf.get("trials").getAsInt()).isEqualTo(8);
        JsonObject states = rf.getAsJsonObject("states");
        assertThat(states.get("COMPLETE").getAsInt()).isEqualTo(5);
        assertThat(states.get("FAIL").getAsInt()).isEqualTo(1);
        assertThat(states.get("PRUNED").getAsInt()).isEqualTo(1);
        assertThat(states.get("RUNNING").getAsInt()).isEqualTo(1);
        assertThat(states.get("WAITING").getAsInt()).isZero();
        assertThat(rf.get("best_value").getAsDouble()).isEqualTo(0.9);
        assertThat(rf.get("started").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonObject pareto = find(studies, "pareto");
        assertThat(pareto.get("directions").toString()).isEqualTo("[\"minimize\",\"maximize\"]");
        assertThat(pareto.get("best_value").isJsonNull()).isTrue();
        assertThat(find(studies, "empty").get("started").isJsonNull()).isTrue();
    }

    @Test
    void anEmptyStorageSaysSo() {
        String other = SampleStudies.sqlite(dir, "none.db");
        org.tunebook.storage.Storages.open(other).close();

        CliRun run = CliRun.of("studies", "--storage", other);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no studies in " + other + "\n");
        assertThat(CliRun.of("studies", "--storage", other, "--json").out().strip()).isEqualTo("[]");
    }

    private static JsonObject find(JsonArray studies, String name) {
        for (var e : studies) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no study " + name + " in " + studies);
    }
}
