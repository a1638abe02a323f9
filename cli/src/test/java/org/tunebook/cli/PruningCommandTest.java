package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.PruningBenchmark;

/** {@code bench pruning} with tiny budgets; times are checked for form only. */
class PruningCommandTest {

    @Test
    void printsTunebooksFiguresAloneWithNoOptuna() {
        CliRun run = CliRun.of("bench", "pruning", "--trials", "12", "--epochs", "8", "--seeds", "2", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pruning: 12 trials of 8 epochs per study (96 epochs without pruning), seeds 1-2")
                .containsPattern("(?m)^pruner +epochs +saved +best final +ms per study$")
                .containsPattern("(?m)^none +96\\.0 +0\\.0% +0\\.\\d{4} +\\d+$")
                .doesNotContain("Optuna");
        // tunebook's figures are the benchmark's own
        List<PruningBenchmark.Row> rows = new PruningBenchmark(12, 8, List.of(1L, 2L)).runTunebook();
        for (PruningBenchmark.Row r : rows) {
            assertThat(run.out()).containsPattern("(?m)^" + r.pruner() + " +" + String.format(Locale.ROOT, "%.1f", r.meanEpochs())
                    + " +\\d+\\.\\d% +" + String.format(Locale.ROOT, "%.4f", r.meanBest()) + " +\\d+$");
        }
    }

    @Test
    void printsOptunasFiguresBesideTunebooks() {
        if (System.getenv("CI") == null) {
            assumeThat(new OptunaScripts(OptunaScripts.DEFAULT_PYTHON).whyUnusable("optuna")).as("needs python3-optuna")
                    .isNull();
        }

        CliRun run = CliRun.of("bench", "pruning", "--trials", "12", "--epochs", "8", "--seeds", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^each cell: tunebook / Optuna 3\\.\\d+\\.\\d+$")
                .containsPattern("(?m)^pruner +epochs +saved +best final +ms per study$");
        for (String pruner : List.of("none", "median", "successive_halving", "hyperband")) {
            Matcher m = Pattern.compile("(?m)^" + pruner + " +(\\d+\\.\\d) / (\\d+\\.\\d) +(\\d+\\.\\d)% / (\\d+\\.\\d)% +"
                    + "(\\d\\.\\d{4}) / (\\d\\.\\d{4}) +\\d+ / \\d+$").matcher(run.out());
            assertThat(m.find()).as(pruner + " in\n" + run.out()).isTrue();
            // Optuna's pruners decide as tunebook's on the same curves (OptunaAgreementTest checks this in depth)
            assertThat(m.group(2)).as(pruner + " epochs").isEqualTo(m.group(1));
            assertThat(m.group(6)).as(pruner + " best").isEqualTo(m.group(5));
        }
    }

    @Test
    void refusesBadSettings() {
        assertThat(CliRun.of("bench", "pruning", "--trials", "0", "--no-optuna").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "pruning", "--epochs", "0", "--no-optuna").exitCode()).isEqualTo(2);
        CliRun seeds = CliRun.of("bench", "pruning", "--seeds", "0", "--no-optuna");
        assertThat(seeds.exitCode()).isEqualTo(2);
        assertThat(seeds.err()).contains("--seeds must be at least 1, got 0");
    }
}
