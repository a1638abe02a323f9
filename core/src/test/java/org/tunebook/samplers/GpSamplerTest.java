package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.Tune;
import org.tunebook.bench.BenchmarkFunction;
import org.tunebook.bench.BenchmarkFunctions;
import org.tunebook.bench.QualityBenchmark;

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
        assertThat(new GpSampler(5).seed()).isEqualTo(5);
    }
}
