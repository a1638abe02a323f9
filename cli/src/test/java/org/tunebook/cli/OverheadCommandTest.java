package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OverheadCommandTest {

    private static final Pattern FIGURE = Pattern.compile("(?m)^tunebook +(\\d+) trials: (\\d+\\.\\d{4}) ms/trial \\(median of (\\d+)");

    @Test
    void measuresTunebookAloneWithTinyCounts() {
        CliRun run = CliRun.of("bench", "overhead", "--trials", "5,12", "--repeats", "3", "--warmup", "7", "--no-python");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("JVM warm-up: 7 trials");
        Matcher m = FIGURE.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("5");
        assertThat(Double.parseDouble(m.group(2))).isPositive();
        assertThat(m.group(3)).isEqualTo("3");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("12");
        assertThat(run.out()).doesNotContain("Optuna");
    }

    @Test
    void aMissingPythonThatWasAskedForIsAClearError() {
        CliRun run = CliRun.of("bench", "overhead", "--trials", "3", "--repeats", "1", "--warmup", "0",
                "--python", "/nonexistent/python3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot run the Optuna comparison", "/nonexistent/python3", "python3-optuna")
                .doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("ms/trial");
    }

    @Test
    void aMissingScriptThatWasAskedForIsAClearError() {
        assumeThat(OptunaBaseline.whyUnusable(OverheadCommand.DEFAULT_PYTHON)).as("needs python3-optuna").isNull();

        CliRun run = CliRun.of("bench", "overhead", "--trials", "3", "--repeats", "1", "--warmup", "0",
                "--script", "/nonexistent/bench.py");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--script /nonexistent/bench.py: no such file");
    }

    @Test
    void refusesBadSettings() {
        assertThat(CliRun.of("bench", "overhead", "--trials", "0", "--no-python").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "overhead", "--repeats", "0", "--no-python").exitCode()).isEqualTo(2);
        CliRun both = CliRun.of("bench", "overhead", "--no-python", "--python", "/usr/bin/python3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--no-python cannot be combined");
    }

    /**
     * Runs the real Optuna script. Skipped where python3-optuna is missing, except in CI, where
     * install/test.sh installs it and the test must run.
     */
    @Test
    void comparesWithOptunaWhenItIsInstalled() {
        String why = OptunaBaseline.whyUnusable(OverheadCommand.DEFAULT_PYTHON);
        if (System.getenv("CI") == null) {
            assumeThat(why).as("needs python3-optuna").isNull();
        }

        CliRun run = CliRun.of("bench", "overhead", "--trials", "10,20", "--repeats", "2", "--warmup", "5",
                "--python", OverheadCommand.DEFAULT_PYTHON);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("trials +tunebook ms/trial +Optuna 3\\.\\d+\\.\\d+ ms/trial +ratio Optuna/tunebook")
                .containsPattern("(?m)^ +10 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$")
                .containsPattern("(?m)^ +20 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$");
    }
}
