package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.bench.BenchmarkFunction;
import org.tunebook.bench.BenchmarkFunctions;
import org.tunebook.bench.QualityBenchmark;
import org.tunebook.pruners.HyperbandPruner;

/**
 * Gaussian-process Bayesian optimization: the sampler contract (in its reproducible mode, so the four-worker
 * check runs too), parallel workers kept apart, and better values than TPE on low-dimensional continuous
 * functions.
 */
class GpSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return GpSampler.builder().seed(seed).reproducibleWorkers(4).warnIndependentSampling(false).build();
    }

    /**
     * Branin (2-D) and Hartmann-6, 80 trials, seeds 0-4: the GP's median gap to the optimum is under a tenth
     * of TPE's (at these seeds it is well under a hundredth). Deterministic; nothing is timed.
     */
    @Test
    void gpFindsBetterValuesThanTpeOnSmoothLowDimensionalFunctions() {
        Map<String, LongFunction<Sampler>> samplers = Map.of("gp", GpSampler::new, "tpe", TpeSampler::new);
        for (BenchmarkFunction f : List.of(BenchmarkFunctions.branin(), BenchmarkFunctions.hartmann6())) {
            List<QualityBenchmark.Result> r = QualityBenchmark.run(samplers, List.of(f), new int[] {80},
                    QualityBenchmark.seeds(5), null);
            QualityBenchmark.Result gp = r.stream().filter(x -> x.sampler().equals("gp")).findFirst().orElseThrow();
            QualityBenchmark.Result tpe = r.stream().filter(x -> x.sampler().equals("tpe")).findFirst().orElseThrow();
            assertThat(gp.median() - f.minimum()).as("%s vs %s", gp, tpe).isLessThan(0.1 * (tpe.median() - f.minimum()));
        }
    }

    /** Two trials asked before either is told: the second avoids the first's point, which counts as taken. */
    @Test
    void aRunningTrialKeepsTheNextOneAway() {
        Study study = Tune.study().sampler(new GpSampler(3)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -10, 10);
            return (x - 2) * (x - 2);
        }, Run.trials(20));
        Trial first = study.ask();
        double x1 = first.suggestFloat("x", -10, 10);
        Trial second = study.ask();
        double x2 = second.suggestFloat("x", -10, 10);
        assertThat(Math.abs(x1 - x2)).as("distance between %s and %s", x1, x2).isGreaterThan(0.05);
    }

    /**
     * The smallest distance between any two of {@code asked} trials asked in a row after 20 told ones on Branin,
     * in the unit square; the asked trials stay running, as other workers' trials would.
     */
    private static double minDistanceOfTrialsAskedInARow(GpSampler sampler, int asked) {
        Study study = Tune.study().sampler(sampler).create();
        BenchmarkFunction branin = BenchmarkFunctions.branin();
        study.optimize(branin.objective(), Run.trials(20));
        double[][] points = new double[asked][];
        for (int i = 0; i < asked; i++) {
            Trial t = study.ask();
            points[i] = new double[] {(t.suggestFloat("x1", -5, 10) + 5) / 15, t.suggestFloat("x2", 0, 15) / 15};
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < asked; i++) {
            for (int j = 0; j < i; j++) {
                min = Math.min(min, Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]));
            }
        }
        return min;
    }

    /**
     * Four trials asked in a row, as four workers would: with the running trials in the model they are spread
     * out; without (constantLiar(false)) each trial proposes about the same point, the model being the same.
     * Compared relatively, over three seeds.
     */
    @Test
    void runningTrialsSpreadParallelWorkersApart() {
        for (long seed = 0; seed < 3; seed++) {
            double withLiar = minDistanceOfTrialsAskedInARow(GpSampler.builder().seed(seed).build(), 4);
            double without = minDistanceOfTrialsAskedInARow(GpSampler.builder().seed(seed).constantLiar(false).build(),
                    4);
            assertThat(withLiar).as("seed %s: min distance %s with running trials modelled, %s without", seed,
                    withLiar, without).isGreaterThan(0.02).isGreaterThan(10 * without);
        }
    }

    /** Under a Hyperband pruner, a trial's model holds the trials of its bracket only, as with TPE. */
    @Test
    void aTrialModelsTheTrialsOfItsHyperbandBracket() {
        HyperbandPruner pruner = HyperbandPruner.builder().minResource(1).maxResource(9).reductionFactor(3).build();
        GpSampler sampler = new GpSampler(6);
        Study study = Tune.study().name("gp-hyperband").sampler(sampler).pruner(pruner).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            for (int step = 0; step < 9; step++) {
                t.report(x * x, step);
                if (t.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return x * x;
        }, Run.trials(40));
        java.util.Set<Integer> brackets = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            Trial t = study.ask();
            int bracket = pruner.bracketOf(study, t.number());
            brackets.add(bracket);
            List<Integer> expected = study.trials().stream().filter(f -> f.state() == TrialState.COMPLETE
                    || f.state() == TrialState.PRUNED).filter(f -> pruner.bracketOf(study, f.number()) == bracket)
                    .map(FrozenTrial::number).toList();
            assertThat(expected).hasSizeBetween(1, 39);
            assertThat(java.util.Arrays.stream(sampler.modelledTrials(study, t)).boxed().toList())
                    .as("trials modelled by trial %s (bracket %s)", t.number(), bracket).isEqualTo(expected);
        }
        assertThat(brackets).hasSizeGreaterThan(1);
    }

    /**
     * A space of two ints and a categorical (363 points) with its optimum at (3, 8, "b"): once found, log EI
     * would keep proposing it (nothing nearby is predicted better), so tried points are ruled out and the GP
     * goes on to untried ones.
     */
    @Test
    void aFiniteSpaceIsNotSampledTwiceAtTheSamePoint() {
        for (long seed = 0; seed < 2; seed++) {
            Study study = Tune.study().sampler(new GpSampler(seed)).create();
            study.optimize(t -> {
                int i = t.suggestInt("i", 0, 10);
                int j = t.suggestInt("j", 0, 10);
                String c = t.suggestCategorical("c", "a", "b", "c");
                return (i - 3.3) * (i - 3.3) + (j - 7.6) * (j - 7.6) + (c.equals("b") ? 0 : 1);
            }, Run.trials(50));
            java.util.Set<Map<String, Object>> seen = new java.util.HashSet<>();
            for (FrozenTrial t : study.trials()) {
                boolean fresh = seen.add(t.params());
                if (t.number() >= 10) { // the random start-up trials may repeat
                    assertThat(fresh).as("seed %s: trial %s repeats %s", seed, t.number(), t.params()).isTrue();
                }
            }
            assertThat(study.bestParams()).isEqualTo(Map.of("i", 3, "j", 8, "c", "b"));
        }
    }

    @Test
    void aStudyWithTwoObjectivesIsSampledAtRandom() {
        Study study = Tune.study().directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(new GpSampler(1)).create();
        study.optimize(org.tunebook.Objective.multi(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, x * x};
        }), Run.trials(15));
        assertThat(study.trials()).hasSize(15);
    }

    @Test
    void intsAndSteppedFloatsComeOutOnTheirGrid() {
        Study study = Tune.study().sampler(new GpSampler(2)).create();
        study.optimize(t -> Math.abs(t.suggestInt("k", 0, 50, 5) - 23) + Math.abs(t.suggestFloat("f", 0, 1, 0.1) - 0.33)
                + Math.abs(Math.log(t.suggestInt("n", 1, 1000, org.tunebook.Scale.LOG)) - 3), Run.trials(25));
        study.trials().forEach(t -> {
            assertThat((Integer) t.params().get("k") % 5).isZero();
            double f = (Double) t.params().get("f");
            assertThat(Math.abs(f * 10 - Math.rint(f * 10))).isLessThan(1e-9);
        });
        assertThat(study.bestParams()).containsEntry("k", 25);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> GpSampler.builder().startupTrials(0)).hasMessageContaining("startupTrials");
        assertThatThrownBy(() -> GpSampler.builder().candidates(0)).hasMessageContaining("candidates");
        assertThatThrownBy(() -> GpSampler.builder().reproducibleWorkers(0)).hasMessageContaining("reproducibleWorkers");
        assertThatThrownBy(() -> GpSampler.builder().maxWait(null)).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> GpSampler.builder().reproducibleWorkers(2).constantLiar(true).build())
                .hasMessageContaining("constantLiar(true) and reproducibleWorkers(2) cannot be combined");
        assertThat(GpSampler.builder().reproducibleWorkers(2).constantLiar(false).build()).isNotNull();
        assertThat(new GpSampler(5).seed()).isEqualTo(5);
    }
}
