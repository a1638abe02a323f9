package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.bench.OptunaScripts;

/** {@code bench storage} with tiny counts; figures are checked for form, never for speed. */
class StorageBenchCommandTest {

    private static final Pattern FIGURE = Pattern.compile(
            "(?m)^tunebook (sqlite|postgresql) +(\\d+) trials: (\\d+\\.\\d{4}) ms/trial \\(median of (\\d+): ([\\d. ]+)\\)$");
    private static final Pattern LOAD = Pattern.compile("(?m)^tunebook load (\\d+) trials \\(Tune\\.load \\+ study\\.trials\\(\\),"
            + " new storage object\\): first in this JVM (\\d+\\.\\d{3}) s; warm (\\d+\\.\\d{3}) s \\(median of (\\d+): ");

    @TempDir
    Path dir;

    @Test
    void measuresSqliteAndLoadingWithTinyCounts() throws Exception {
        CliRun run = CliRun.of("bench", "storage", "--trials", "7", "--repeats", "2", "--warmup", "3", "--load-trials",
                "25", "--no-python", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("load: wrote a 25-trial study to a new SQLite file (schema v3.0.0.d",
                "warm-up: 3 trials on SQLite in ");
        Matcher m = FIGURE.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("sqlite");
        assertThat(m.group(2)).isEqualTo("7");
        assertThat(Double.parseDouble(m.group(3))).isPositive();
        assertThat(m.group(4)).isEqualTo("2");
        assertThat(m.group(5).split(" ")).hasSize(2);
        assertThat(m.find()).isFalse();
        Matcher load = LOAD.matcher(run.out());
        assertThat(load.find()).as(run.out()).isTrue();
        assertThat(load.group(1)).isEqualTo("25");
        assertThat(Double.parseDouble(load.group(2))).isPositive();
        assertThat(load.group(4)).isEqualTo("2");
        assertThat(run.out()).containsPattern("(?m)^goal: SQLite under 0\\.5 ms/trial: (met|missed) \\(\\d+\\.\\d{4}\\)$")
                .containsPattern("(?m)^goal: loading 25 trials under 0\\.5 s: (met|missed) .*\\(the goal is for 10000 trials\\)$")
                .doesNotContain("running ", "ratio Optuna", "PostgreSQL");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("the benchmark's files are removed").isEmpty();
        }
    }

    @Test
    void measuresPostgresInDatabasesItDropsAgain() {
        String prefix = "tb_bench_" + ProcessHandle.current().pid() + "_";

        CliRun run = CliRun.of("bench", "storage", "--storage", "postgresql", "--pg-url", TestPostgres.ADMIN_URL,
                "--trials", "5", "--repeats", "1", "--warmup", "2", "--load-trials", "0", "--no-python");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = FIGURE.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("postgresql");
        assertThat(run.out()).contains("warm-up: 2 trials on PostgreSQL")
                .containsPattern("(?m)^goal: PostgreSQL under 2 ms/trial: (met|missed)")
                .doesNotContain("tunebook sqlite", "tunebook load");
        assertThat(TestPostgres.databasesNamed(prefix)).isEmpty();
    }

    @Test
    void anUnreachableServerFailsBeforeMeasuringAnything() {
        CliRun run = CliRun.of("bench", "storage", "--storage", "both", "--pg-url",
                "jdbc:postgresql://127.0.0.1:1/x?user=u&password=secret", "--no-python");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tunebook: PostgreSQL at jdbc:postgresql://127.0.0.1:1/x?user=u&password=***:"
                + " CREATE DATABASE").doesNotContain("secret");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesBadSettings() {
        assertThat(CliRun.of("bench", "storage", "--trials", "0", "--no-python").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "storage", "--repeats", "0", "--no-python").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "storage", "--load-trials", "-1", "--no-python").exitCode()).isEqualTo(2);
        CliRun kind = CliRun.of("bench", "storage", "--storage", "mysql", "--no-python");
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("sqlite, postgresql, both");
        CliRun both = CliRun.of("bench", "storage", "--no-python", "--python", "/usr/bin/python3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--no-optuna cannot be combined with --python");
        CliRun badUrl = CliRun.of("bench", "storage", "--storage", "postgresql", "--pg-url", "jdbc:mysql://h/db",
                "--no-python");
        assertThat(badUrl.exitCode()).isEqualTo(1);
        assertThat(badUrl.err()).contains("--pg-url must look like jdbc:postgresql://");
    }

    @Test
    void aMissingPythonThatWasAskedForIsAClearError() {
        CliRun run = CliRun.of("bench", "storage", "--trials", "3", "--repeats", "1", "--warmup", "0", "--load-trials",
                "0", "--python", "/nonexistent/python3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot run the Optuna comparison", "/nonexistent/python3", "python3-optuna");
        assertThat(run.out()).doesNotContain("ms/trial");
    }

    /**
     * Runs the real Optuna script on SQLite and PostgreSQL. Skipped where python3-optuna or python3-psycopg2 is
     * missing, except in CI, where install/test.sh installs them and the test must run.
     */
    @Test
    void comparesWithOptunaWhenItIsInstalled() {
        String python = OptunaScripts.DEFAULT_PYTHON;
        if (System.getenv("CI") == null) {
            assumeThat(new OptunaScripts(python).whyUnusable("optuna", "psycopg2"))
                    .as("needs python3-optuna and python3-psycopg2").isNull();
        }

        CliRun run = CliRun.of("bench", "storage", "--storage", "both", "--pg-url", TestPostgres.ADMIN_URL, "--trials",
                "6", "--repeats", "1", "--warmup", "2", "--load-trials", "15", "--python-trials", "2", "--python",
                python, "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 trials per study (not 6")
                .containsPattern("(?m)^ +tunebook +Optuna 3\\.\\d+\\.\\d+ +ratio Optuna/tunebook$")
                .containsPattern("(?m)^SQLite ms/trial +\\d+\\.\\d{4} \\(6 trials\\) +\\d+\\.\\d{2} \\(2 trials\\) +\\d+x$")
                .containsPattern("(?m)^PostgreSQL ms/trial +\\d+\\.\\d{4} \\(6 trials\\) +\\d+\\.\\d{2} \\(2 trials\\) +\\d+x$")
                .containsPattern("(?m)^load 15 trials, first \\(s\\) +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\dx$")
                .containsPattern("(?m)^load 15 trials, warm \\(s\\) +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\dx$");
        assertThat(TestPostgres.databasesNamed("tb_optuna_")).as("Optuna's databases are dropped").isEmpty();
    }

    @Test
    void turnsJdbcUrlsIntoSqlAlchemyUrls() {
        assertThat(OptunaStorageBaseline.sqlAlchemyUrl("jdbc:postgresql://127.0.0.1:5432/tunebook?user=tb&password=p%40ss"))
                .isEqualTo("postgresql://tb:p%40ss@127.0.0.1:5432/tunebook");
        assertThat(OptunaStorageBaseline.sqlAlchemyUrl("jdbc:postgresql://db.example/x"))
                .isEqualTo("postgresql://db.example/x");
    }

    @Test
    void readsTheScriptsJson() {
        OptunaStorageBaseline.Figures f = OptunaStorageBaseline.parse("{\"optuna_version\": \"3.1.0\", \"results\":"
                + " {\"sqlite\": {\"trials\": 200, \"ms_per_trial\": 71.5, \"runs\": [71.5]}}, \"load\": {\"trials\": 10000,"
                + " \"first_s\": 3.5, \"warm_s\": 2.5, \"warm_runs\": [2.5]}}");
        assertThat(f.optunaVersion()).isEqualTo("3.1.0");
        assertThat(f.backends().get("sqlite")).isEqualTo(new OptunaStorageBaseline.Backend(200, 71.5));
        assertThat(f.load()).isEqualTo(new OptunaStorageBaseline.Load(10000, 3.5, 2.5));
        assertThatThrownBy(() -> OptunaStorageBaseline.parse("Traceback (most recent call last): ..."))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("the Optuna script's output is not what was expected")
                .hasMessageContaining("Traceback");
    }
}
