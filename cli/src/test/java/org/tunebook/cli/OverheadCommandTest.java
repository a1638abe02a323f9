package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.OptunaScripts;

/** {@code bench overhead} with tiny counts; figures are checked for form, never for speed. */
class OverheadCommandTest {

    private static final Pattern FIGURE = Pattern.compile(
            "(?m)^tunebook (\\S+) (\\d+) trials: (\\d+\\.\\d{4}) ms/trial \\(median of (\\d+)");

    /** Skipped where python3-optuna is missing, except in CI, where install/test.sh installs it. */
    private static void needsOptunaOutsideCi() {
        if (System.getenv("CI") == null) {
            assumeThat(new OptunaScripts(OptunaScripts.DEFAULT_PYTHON).whyUnusable("optuna")).as("needs python3-optuna")
                    .isNull();
        }
    }

    @Test
    void measuresWholeStudiesOfTunebookAloneWithTinyCounts() {
        CliRun run = CliRun.of("bench", "overhead", "--trials", "5,12", "--repeats", "3", "--warmup", "7",
                "--warmup-seconds", "0", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("JVM warm-up: 7 trials");
        Matcher m = FIGURE.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("random");
        assertThat(m.group(2)).isEqualTo("5");
        assertThat(Double.parseDouble(m.group(3))).isPositive();
        assertThat(m.group(4)).isEqualTo("3");
        assertThat(m.find()).isTrue();
        assertThat(m.group(2)).isEqualTo("12");
        assertThat(run.out()).containsPattern("(?m)^sampler +trials +tunebook ms/trial$")
                .containsPattern("(?m)^random +12 +\\d+\\.\\d{4}$")
                .doesNotContain("Optuna");
    }

    @Test
    void theWarmUpLastsAtLeastItsSecondsWhateverTheTrialCount() {
        CliRun run = CliRun.of("bench", "overhead", "--trials", "5", "--repeats", "1", "--warmup", "7",
                "--warmup-seconds", "0.4", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = Pattern.compile("JVM warm-up: (\\d+) trials in (\\d+\\.\\d+) s").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isGreaterThan(7);
        assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void measuresASamplerAtOneTrialOfAStudy() {
        CliRun run = CliRun.of("bench", "overhead", "--sampler", "tpe", "--at", "20", "--measured", "4", "--repeats",
                "2", "--warmup", "0", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(
                "(?m)^tunebook tpe at trial 20: \\d+\\.\\d{4} ms/trial wall, \\d+\\.\\d{4} CPU \\(median of 2: ")
                .containsPattern("(?m)^sampler +at trial +tunebook ms/trial +tunebook CPU ms/trial$")
                .containsPattern("(?m)^tpe +20 +\\d+\\.\\d{4} +\\d+\\.\\d{4}$")
                .doesNotContain("Optuna", "JVM warm-up");
    }

    @Test
    void aModelBasedSamplerIsMeasuredAtOneTrialByDefault() {
        CliRun run = CliRun.of("bench", "overhead", "--sampler", "qmc", "--measured", "2", "--repeats", "1",
                "--warmup", "0", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tunebook qmc at trial 1000: ");
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
    void refusesBadSettings() {
        assertThat(CliRun.of("bench", "overhead", "--trials", "0", "--no-optuna").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "overhead", "--repeats", "0", "--no-optuna").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "overhead", "--at", "-1", "--no-optuna").exitCode()).isEqualTo(2);
        CliRun seconds = CliRun.of("bench", "overhead", "--warmup-seconds", "-1", "--no-optuna");
        assertThat(seconds.exitCode()).isEqualTo(2);
        assertThat(seconds.err()).contains("--warmup-seconds must be between 0 and 3600, got -1.0");
        CliRun both = CliRun.of("bench", "overhead", "--no-python", "--python", "/usr/bin/python3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--no-optuna cannot be combined with --python");
        CliRun modes = CliRun.of("bench", "overhead", "--trials", "10", "--at", "10", "--no-optuna");
        assertThat(modes.exitCode()).isEqualTo(2);
        assertThat(modes.err()).contains("two different measurements");
        CliRun typo = CliRun.of("bench", "overhead", "--sampler", "tep", "--no-optuna");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown sampler 'tep' (did you mean 'tpe'?); the samplers are random,",
                "tpe-multivariate", "gp");
        assertThat(typo.out()).isEmpty();
    }

    @Test
    void comparesWholeStudiesWithOptuna() {
        needsOptunaOutsideCi();

        CliRun run = CliRun.of("bench", "overhead", "--sampler", "random,tpe", "--trials", "10,20", "--repeats", "2",
                "--warmup", "5", "--warmup-seconds", "0", "--python", OptunaScripts.DEFAULT_PYTHON);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^sampler +trials +tunebook ms/trial +Optuna 3\\.\\d+\\.\\d+ ms/trial +ratio Optuna/tunebook$")
                .containsPattern("(?m)^random +10 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$")
                .containsPattern("(?m)^random +20 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$")
                .containsPattern("(?m)^tpe +20 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$");
    }

    @Test
    void comparesSamplersAtOneTrialWithOptunaAndSaysWhichOptunaLacks() {
        needsOptunaOutsideCi();

        CliRun run = CliRun.of("bench", "overhead", "--sampler", "tpe,gp", "--at", "12", "--measured", "3",
                "--repeats", "1", "--warmup", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("running optuna_overhead.py with /usr/bin/python3")
                .containsPattern("(?m)^tpe +12 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\dx$");
        Matcher gp = Pattern.compile("(?m)^gp +12 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +(\\S+) +(\\S+)$").matcher(run.out());
        assertThat(gp.find()).as(run.out()).isTrue();
        if (gp.group(1).equals("-")) { // Optuna before 3.6 has no Gaussian-process sampler
            assertThat(run.out()).contains("note: no Optuna figure for gp: Optuna 3.").contains("Gaussian-process");
        }
    }
}
