package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.ParetoBenchmark;
import org.tunebook.bench.QualityBenchmark;
import org.tunebook.bench.SamplerBenchmarks;
import org.tunebook.samplers.Sampler;

/** {@code bench pareto} with tiny budgets: the table's form and tunebook's figures, Optuna's side when present. */
class ParetoCommandTest {

    private static final String CELL = "-?\\d[\\d.e+-]* \\[-?\\d[\\d.e+-]*, -?\\d[\\d.e+-]*\\]";

    @Test
    void printsTunebooksHypervolumesAloneWithNoOptuna() {
        CliRun run = CliRun.of("bench", "pareto", "--samplers", "nsga2,random", "--dimensions", "3", "--trials",
                "30,60", "--seeds", "2", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^problem +trials +sampler +tunebook median HV \\[IQR\\]$")
                .doesNotContain("Optuna", "gap ratio");
        // the figures are those of the benchmark itself, formatted
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("nsga2", SamplerBenchmarks.multiObjectiveSamplers().get("nsga2"));
        samplers.put("random", SamplerBenchmarks.multiObjectiveSamplers().get("random"));
        List<ParetoBenchmark.Result> expected = ParetoBenchmark.run(samplers, ParetoBenchmark.zdt1(3),
                new int[] {30, 60}, QualityBenchmark.seeds(2), null);
        assertThat(expected).hasSize(4);
        // in 3-D some random points land inside the reference box within 60 trials, so the cells are not all 0
        assertThat(expected).anyMatch(r -> r.median() > 0);
        for (ParetoBenchmark.Result r : expected) {
            String cell = QualityCommand.cell(r.median(), r.q1(), r.q3());
            assertThat(run.out()).containsPattern("(?m)^zdt1_3 +" + r.trials() + " +" + r.sampler() + " +"
                    + Pattern.quote(cell) + "$");
        }
        assertThat(run.err()).contains("tunebook: nsga2 on zdt1_3 (60 trials)");
    }

    @Test
    void printsOptunasColumnBesideTunebooks() {
        if (System.getenv("CI") == null) {
            assumeThat(new OptunaScripts(OptunaScripts.DEFAULT_PYTHON).whyUnusable("optuna")).as("needs python3-optuna")
                    .isNull();
        }

        CliRun run = CliRun.of("bench", "pareto", "--samplers", "random,nsga2", "--dimensions", "3", "--trials", "40",
                "--seeds", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("running optuna_quality.py --pareto with /usr/bin/python3")
                .containsPattern("(?m)^problem +trials +sampler +tunebook median HV \\[IQR\\] +Optuna 3\\.\\d+\\.\\d+"
                        + " median HV \\[IQR\\] +gap ratio Optuna/tunebook +p$")
                // two seeds are too few for the test: its column says "-"
                .containsPattern("(?m)^zdt1_3 +40 +random +" + CELL + " +" + CELL + " +(\\d+\\.?\\d*|inf) +-$")
                .containsPattern("(?m)^zdt1_3 +40 +nsga2 +" + CELL + " +" + CELL + " +(\\d+\\.?\\d*|inf) +-$")
                .contains("gap ratio: (0.8767 - Optuna's median) / (0.8767 - tunebook's median)");
    }

    @Test
    void refusesUnknownSamplersAndBadNumbers() {
        CliRun sampler = CliRun.of("bench", "pareto", "--samplers", "nsga", "--no-optuna");
        assertThat(sampler.exitCode()).isEqualTo(2);
        assertThat(sampler.err()).contains("unknown sampler 'nsga' (did you mean 'nsga2'?); the samplers are");
        CliRun dimensions = CliRun.of("bench", "pareto", "--dimensions", "1", "--no-optuna");
        assertThat(dimensions.exitCode()).isEqualTo(2);
        assertThat(dimensions.err()).contains("--dimensions must be at least 2");
        assertThat(CliRun.of("bench", "pareto", "--trials", "0", "--no-optuna").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "pareto", "--seeds", "0", "--no-optuna").exitCode()).isEqualTo(2);
    }
}
