package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage commands' errors: one line on stderr, exit code 1, no stack trace, nothing written. */
class StorageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownStudyListsTheExistingOnes() {
        String url = SampleStudies.sqlite(dir, "s.db");
        SampleStudies.write(url);

        for (String command : new String[] {"trials", "best"}) {
            CliRun run = CliRun.of(command, "--study", "forest", "--storage", url);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("tunebook: no study named 'forest' in " + url
                    + "; it holds: rf, pareto, empty\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aMissingSqliteFileIsNotCreated() {
        Path file = dir.resolve("typo.db");

        for (String[] args : new String[][] {{"studies"}, {"trials", "--study", "x"}, {"best", "--study", "x"},
                {"delete", "--study", "x", "--yes"}, {"export", "--study", "x", "--csv", dir.resolve("x.csv").toString()}}) {
            String[] full = concat(args, "--storage", "sqlite:" + file);
            CliRun run = CliRun.of(full);
            assertThat(run.exitCode()).as(String.join(" ", full)).isEqualTo(1);
            assertThat(run.err()).isEqualTo("tunebook: SQLite file " + file + " does not exist (storage URL 'sqlite:"
                    + file + "')\n");
        }
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    @Test
    void aFileThatIsNotADatabaseIsLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "these are my notes\n");

        CliRun run = CliRun.of("studies", "--storage", "sqlite:" + file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tunebook: SQLite file " + file + " is not a SQLite database")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("these are my notes\n");
    }

    @Test
    void aBadUrlIsAnError() {
        CliRun run = CliRun.of("studies", "--storage", "mongodb://localhost/x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tunebook: storage URL 'mongodb://localhost/x' is not understood");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsAnErrorThatHidesThePassword() {
        CliRun run = CliRun.of("studies", "--storage", "jdbc:postgresql://127.0.0.1:1/x?user=me&password=s3cret");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tunebook: cannot open database jdbc:postgresql://127.0.0.1:1/x?user=me&password=***")
                .doesNotContain("s3cret").doesNotContain("\tat ");
    }

    @Test
    void passwordsAreHiddenInPrintedUrls() {
        assertThat(Stores.display("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Stores.display("postgresql://u:p4ss@h:5432/db")).isEqualTo("postgresql://u:***@h:5432/db");
        assertThat(Stores.display("in jdbc:mariadb://h/db?password=p4ss; it holds")).isEqualTo("in jdbc:mariadb://h/db?password=***; it holds");
        assertThat(Stores.display("sqlite:a.db")).isEqualTo("sqlite:a.db");
    }

    @Test
    void sqliteUrlsNameTheirFile() {
        assertThat(Stores.sqliteFile("sqlite:a.db")).isEqualTo(Path.of("a.db"));
        assertThat(Stores.sqliteFile("sqlite:///a.db")).isEqualTo(Path.of("a.db"));
        assertThat(Stores.sqliteFile("sqlite:////tmp/a.db")).isEqualTo(Path.of("/tmp/a.db"));
        assertThat(Stores.sqliteFile("jdbc:sqlite:/tmp/a.db?optuna_schema=v3.0.0.d")).isEqualTo(Path.of("/tmp/a.db"));
        assertThat(Stores.sqliteFile("memory")).isNull();
        assertThat(Stores.sqliteFile("jdbc:postgresql://h/db")).isNull();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
