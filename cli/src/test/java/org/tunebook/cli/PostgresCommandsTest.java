package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Study;

/** The storage commands against a real PostgreSQL database, through the JDBC driver the CLI ships with. */
class PostgresCommandsTest {

    @TempDir
    Path dir;

    private TestPostgres.Database db;

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            TestPostgres.drop(db);
        }
    }

    @Test
    void anEmptyDatabaseHasNoStudiesAndIsLeftEmpty() {
        db = TestPostgres.fresh();

        CliRun studies = CliRun.of("studies", "--storage", db.url());
        assertThat(studies.exitCode()).as(studies.err()).isZero();
        assertThat(studies.out()).isEqualTo("no studies in " + Stores.display(db.url()) + "\n").doesNotContain("password=tunebook");
        CliRun trials = CliRun.of("trials", "--study", "rf", "--storage", db.url());
        assertThat(trials.exitCode()).isEqualTo(1);
        assertThat(trials.err()).contains("is empty: it has no tables, so no studies").doesNotContain("password=tunebook");

        assertThat(TestPostgres.tables(db)).isEmpty();
    }

    @Test
    void copyToPostgresThenListExportAndDelete() {
        String sqlite = SampleStudies.sqlite(dir, "local.db");
        SampleStudies.write(sqlite);
        db = TestPostgres.fresh();

        CliRun copy = CliRun.of("copy", "--study", "rf", "--from", sqlite, "--to", db.url());
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).doesNotContain("password=tunebook").contains("password=***");

        CliRun studies = CliRun.of("studies", "--storage", db.url());
        assertThat(studies.exitCode()).as(studies.err()).isZero();
        assertThat(studies.out()).containsPattern("(?m)^rf +maximize +8 +5 +1 +1 +1 +0 +0\\.9 ");

        String expected = SampleStudies.read("rf", sqlite, s -> s.trialsTable().toCsv());
        CliRun csv = CliRun.of("trials", "--study", "rf", "--storage", db.url(), "--csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo(expected);

        JsonArray top = JsonParser.parseString(CliRun.of("trials", "--study", "rf", "--storage", db.url(), "--top", "2",
                "--json").out()).getAsJsonArray();
        assertThat(top).hasSize(2);
        assertThat(top.get(0).getAsJsonObject().get("number").getAsInt()).isEqualTo(1);

        CliRun best = CliRun.of("best", "--study", "rf", "--storage", db.url(), "--json");
        assertThat(best.exitCode()).as(best.err()).isZero();
        assertThat(JsonParser.parseString(best.out()).getAsJsonObject().getAsJsonObject("best_trial").get("number")
                .getAsInt()).isEqualTo(SampleStudies.read("rf", sqlite, Study::bestTrial).number());

        CliRun missing = CliRun.of("best", "--study", "pareto", "--storage", db.url());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("tunebook: no study named 'pareto' in " + Stores.display(db.url())
                + "; it holds: rf\n");

        CliRun delete = CliRun.of("delete", "--study", "rf", "--storage", db.url(), "--yes");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(CliRun.of("studies", "--storage", db.url()).out()).startsWith("no studies in ");
    }
}
