package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {

    private static final Pattern BEST = Pattern.compile("best trial: #(\\d+), accuracy (0\\.\\d{4})");
    private static final Pattern COUNTS = Pattern.compile("trials by state: COMPLETE (\\d+), PRUNED (\\d+), FAIL (\\d+)");

    @Test
    void runsAStudyAndPrintsItsBestTrial() {
        CliRun run = CliRun.of("quickstart", "--storage", "memory", "--trials", "30", "--jobs", "2", "--epoch-millis", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher best = BEST.matcher(run.out());
        assertThat(best.find()).as(run.out()).isTrue();
        String number = best.group(1);
        String accuracy = best.group(2);
        assertThat(run.out()).containsPattern("(?m)^trial +" + number + " COMPLETE accuracy " + accuracy.replace(".", "\\."));
        assertThat(run.out()).containsPattern("(?m)^  learning_rate +\\d")
                .containsPattern("(?m)^  n_layers +[1-4]$")
                .containsPattern("(?m)^  activation +(relu|tanh|sigmoid)$")
                .containsPattern("(?m)^  dropout +0\\.\\d");
        Matcher counts = COUNTS.matcher(run.out());
        assertThat(counts.find()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(30);
        assertThat(counts.group(3)).isEqualTo("0");
        assertThat(run.out()).contains("finished: 30/30 trials");
    }

    @Test
    void printsALineForEveryTrial() {
        CliRun run = CliRun.of("quickstart", "--storage", "memory", "--trials", "25", "--jobs", "3", "--epoch-millis", "0");

        assertThat(run.exitCode()).isZero();
        for (int n = 0; n < 25; n++) {
            assertThat(run.out()).containsPattern("(?m)^trial +" + n + " (COMPLETE|PRUNED) ");
        }
    }

    @Test
    void theDefaultStudyPrunesSomeTrials() {
        CliRun run = CliRun.of("quickstart", "--storage", "memory", "--jobs", "1", "--epoch-millis", "0");

        Matcher counts = COUNTS.matcher(run.out());
        assertThat(counts.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(60);
        assertThat(Integer.parseInt(counts.group(2))).as("pruned trials").isPositive();
        assertThat(Integer.parseInt(counts.group(1))).as("complete trials").isGreaterThanOrEqualTo(5);
    }

    @Test
    void oneJobIsReproducibleFromTheSeed() {
        String first = withoutTimes(CliRun.of("quickstart", "--storage", "memory", "--trials", "20", "--jobs", "1", "--seed", "7",
                "--epoch-millis", "0").out());
        String second = withoutTimes(CliRun.of("quickstart", "--storage", "memory", "--trials", "20", "--jobs", "1", "--seed", "7",
                "--epoch-millis", "0").out());
        String otherSeed = withoutTimes(CliRun.of("quickstart", "--storage", "memory", "--trials", "20", "--jobs", "1", "--seed", "8",
                "--epoch-millis", "0").out());

        assertThat(first).contains("best trial").isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void aSecondRunContinuesTheStoredStudyWhichOptunaOpens(@TempDir Path dir) throws Exception {
        // Debian's python3-optuna is 3.1, which opens the older schema revision only
        String url = "sqlite:" + dir.resolve("quickstart.db") + "?optuna_schema=v3.0.0.d";
        CliRun first = CliRun.of("quickstart", "--storage", url, "--trials", "12", "--jobs", "1", "--epoch-millis", "0");
        CliRun second = CliRun.of("quickstart", "--storage", url, "--trials", "8", "--jobs", "2", "--epoch-millis", "0");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("study 'quickstart' in " + url + ": new");
        assertThat(second.out()).contains("continued, 12 trials so far");
        Matcher counts = COUNTS.matcher(second.out());
        assertThat(counts.find()).as(second.out()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(20);
        // the hint the command prints works in Python Optuna as it is
        Matcher hint = Pattern.compile("optuna\\.load_study\\(.*\\)").matcher(second.out());
        assertThat(hint.find()).as(second.out()).isTrue();
        String python = "import optuna\noptuna.logging.set_verbosity(optuna.logging.WARNING)\n"
                + "s = " + hint.group() + "\nprint(len(s.trials), s.direction.name)";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).endsWith("20 MAXIMIZE");
    }

    @Test
    void refusesNonPositiveCounts() {
        assertThat(CliRun.of("quickstart", "--storage", "memory", "--trials", "0").exitCode()).isEqualTo(2);
        CliRun jobs = CliRun.of("quickstart", "--storage", "memory", "--jobs", "0");
        assertThat(jobs.exitCode()).isEqualTo(2);
        assertThat(jobs.err()).contains("--jobs must be at least 1");
    }

    /** The output without the lines that carry elapsed times. */
    private static String withoutTimes(String out) {
        return out.lines().filter(l -> !l.contains("elapsed")).collect(Collectors.joining("\n"));
    }
}
