package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickstartCommandTest {

    private static final Pattern BEST = Pattern.compile("best trial: #(\\d+), accuracy (0\\.\\d{4})");
    private static final Pattern COUNTS = Pattern.compile("trials by state: COMPLETE (\\d+), PRUNED (\\d+), FAIL (\\d+)");

    @Test
    void runsAStudyAndPrintsItsBestTrial() {
        CliRun run = CliRun.of("quickstart", "--trials", "30", "--jobs", "2", "--epoch-millis", "0");

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
        CliRun run = CliRun.of("quickstart", "--trials", "25", "--jobs", "3", "--epoch-millis", "0");

        assertThat(run.exitCode()).isZero();
        for (int n = 0; n < 25; n++) {
            assertThat(run.out()).containsPattern("(?m)^trial +" + n + " (COMPLETE|PRUNED) ");
        }
    }

    @Test
    void theDefaultStudyPrunesSomeTrials() {
        CliRun run = CliRun.of("quickstart", "--jobs", "1", "--epoch-millis", "0");

        Matcher counts = COUNTS.matcher(run.out());
        assertThat(counts.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).isEqualTo(60);
        assertThat(Integer.parseInt(counts.group(2))).as("pruned trials").isPositive();
        assertThat(Integer.parseInt(counts.group(1))).as("complete trials").isGreaterThanOrEqualTo(5);
    }

    @Test
    void oneJobIsReproducibleFromTheSeed() {
        String first = withoutTimes(CliRun.of("quickstart", "--trials", "20", "--jobs", "1", "--seed", "7",
                "--epoch-millis", "0").out());
        String second = withoutTimes(CliRun.of("quickstart", "--trials", "20", "--jobs", "1", "--seed", "7",
                "--epoch-millis", "0").out());
        String otherSeed = withoutTimes(CliRun.of("quickstart", "--trials", "20", "--jobs", "1", "--seed", "8",
                "--epoch-millis", "0").out());

        assertThat(first).contains("best trial").isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void refusesNonPositiveCounts() {
        assertThat(CliRun.of("quickstart", "--trials", "0").exitCode()).isEqualTo(2);
        CliRun jobs = CliRun.of("quickstart", "--jobs", "0");
        assertThat(jobs.exitCode()).isEqualTo(2);
        assertThat(jobs.err()).contains("--jobs must be at least 1");
    }

    /** The output without the lines that carry elapsed times. */
    private static String withoutTimes(String out) {
        return out.lines().filter(l -> !l.contains("elapsed")).collect(Collectors.joining("\n"));
    }
}
