package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: tunebook", "quickstart", "bench");
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("tunebook \\d+\\.\\d+\\.\\d+").doesNotContain("${project.version}");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument", "frobnicate");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("quickstart", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'", "Usage: tunebook quickstart");
    }

    @Test
    void badOptionValueIsAUsageError() {
        CliRun run = CliRun.of("quickstart", "--trials", "many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--trials", "many");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        CliRun bench = CliRun.of("bench");
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("Missing required subcommand", "overhead");
    }
}
