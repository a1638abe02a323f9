package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.BenchmarkFunctions;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.QualityBenchmark;
import org.tunebook.bench.SamplerBenchmarks;
import org.tunebook.samplers.Sampler;

/** {@code bench quality} with tiny budgets: the table's form and tunebook's figures, Optuna's side when present. */
class QualityCommandTest {

    private static final String CELL = "-?\\d[\\d.e+-]* \\[-?\\d[\\d.e+-]*, -?\\d[\\d.e+-]*\\]";
    private static final String P = "(\\d\\.\\d+(e-\\d+)?|<0\\.0001|1)";

    @Test
    void printsTunebooksFiguresAloneWithNoOptuna() {
        CliRun run = CliRun.of("bench", "quality", "--samplers", "tpe,random", "--functions", "branin,mixed",
                "--trials", "5,10", "--seeds", "2", "--no-optuna");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^function +trials +sampler +tunebook median \\[IQR\\]$")
                .doesNotContain("Optuna", "gap ratio");
        // the figures are those of the benchmark itself, formatted
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("tpe", SamplerBenchmarks.samplers().get("tpe"));
        samplers.put("random", SamplerBenchmarks.samplers().get("random"));
        List<QualityBenchmark.Result> expected = QualityBenchmark.run(samplers,
                List.of(BenchmarkFunctions.branin(), BenchmarkFunctions.mixed()), new int[] {5, 10},
                QualityBenchmark.seeds(2), null);
        assertThat(expected).hasSize(8);
        for (QualityBenchmark.Result r : expected) {
            String cell = QualityCommand.cell(r.median(), r.q1(), r.q3());
            assertThat(run.out()).containsPattern("(?m)^" + r.function() + " +" + r.trials() + " +" + r.sampler() + " +"
                    + Pattern.quote(cell) + "$");
        }
        assertThat(run.err()).contains("tunebook: tpe on branin (10 trials)");
    }

    @Test
    void printsOptunasColumnBesideTunebooks() {
        if (System.getenv("CI") == null) {
            assumeThat(new OptunaScripts(OptunaScripts.DEFAULT_PYTHON).whyUnusable("optuna")).as("needs python3-optuna")
                    .isNull();
        }

        CliRun run = CliRun.of("bench", "quality", "--samplers", "tpe,gp", "--functions", "branin", "--trials", "10,12",
                "--seeds", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("running optuna_quality.py with /usr/bin/python3")
                .containsPattern("(?m)^function +trials +sampler +tunebook median \\[IQR\\] +Optuna 3\\.\\d+\\.\\d+ median"
                        + " \\[IQR\\] +gap ratio Optuna/tunebook +p$")
                .containsPattern("(?m)^branin +10 +tpe +" + CELL + " +" + CELL + " +(\\d+\\.?\\d*|inf) +" + P + "$")
                .containsPattern("(?m)^branin +12 +tpe +" + CELL + " +" + CELL + " +(\\d+\\.?\\d*|inf) +" + P + "$")
                .contains("gap ratio: (Optuna's median - minimum) / (tunebook's median - minimum)")
                .contains(Significance.NOTE);
        Matcher gp = Pattern.compile("(?m)^branin +12 +gp +" + CELL + " +(\\S+).*$").matcher(run.out());
        assertThat(gp.find()).as(run.out()).isTrue();
        if (gp.group(1).equals("-")) { // Optuna before 3.6 has no Gaussian-process sampler
            assertThat(run.out()).contains("note: no Optuna figures for gp: Optuna 3.").contains("Gaussian-process");
        }
    }

    @Test
    void withoutOptunaTheTableSaysWhyOnOneLine() {
        String saved = OptunaOptions.defaultPython;
        OptunaOptions.defaultPython = "/nonexistent/python3";
        try {
            CliRun run = CliRun.of("bench", "quality", "--samplers", "random", "--functions", "branin", "--trials", "3",
                    "--seeds", "1");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsOnlyOnce("note: no Optuna figures: /nonexistent/python3 does not exist or is"
                    + " not executable (install Debian's python3-optuna for them, or pass --no-optuna")
                    .containsPattern("(?m)^branin +3 +random +" + CELL + "$");
        } finally {
            OptunaOptions.defaultPython = saved;
        }
    }

    @Test
    void refusesUnknownNamesAndBadBudgets() {
        CliRun sampler = CliRun.of("bench", "quality", "--samplers", "tpe,randon", "--no-optuna");
        assertThat(sampler.exitCode()).isEqualTo(2);
        assertThat(sampler.err()).contains("unknown sampler 'randon' (did you mean 'random'?); the samplers are");
        CliRun function = CliRun.of("bench", "quality", "--functions", "hartman6", "--no-optuna");
        assertThat(function.exitCode()).isEqualTo(2);
        assertThat(function.err()).contains("unknown function 'hartman6' (did you mean 'hartmann6'?); the functions are"
                + " branin, hartmann6, rosenbrock10, ackley10, styblinski_tang10, mixed, rosenbrock5, sphere5");
        assertThat(CliRun.of("bench", "quality", "--trials", "0", "--no-optuna").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "quality", "--seeds", "0", "--no-optuna").exitCode()).isEqualTo(2);
    }

    @Test
    void gapRatiosCompareDistancesToTheMinimum() {
        assertThat(QualityCommand.gapRatio(3, 2, 1)).isEqualTo("2.00");
        assertThat(QualityCommand.gapRatio(1.5, 2, 1)).isEqualTo("0.500");
        assertThat(QualityCommand.gapRatio(1, 1, 1)).isEqualTo("1.00");
        assertThat(QualityCommand.gapRatio(2, 1, 1)).isEqualTo("inf");
        assertThat(QualityCommand.gapRatio(1001, 2, 1)).isEqualTo("1000");
        assertThat(QualityCommand.sig4(0.39788736)).isEqualTo("0.3979");
        assertThat(QualityCommand.sig4(15.0)).isEqualTo("15");
        assertThat(QualityCommand.sig4(96312.5)).isEqualTo("9.631e+04");
    }
}
