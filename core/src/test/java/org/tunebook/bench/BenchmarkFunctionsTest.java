package org.tunebook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.samplers.TpeSampler;

/** The test functions take their known minima at their known minimizers; the harness's statistics. */
class BenchmarkFunctionsTest {

    private static double at(BenchmarkFunction f, Map<String, ?> params) {
        Study study = Tune.study().create();
        study.enqueue(params);
        Trial t = study.ask();
        return f.evaluate().applyAsDouble(t);
    }

    private static Map<String, Object> same(int d, double v) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < d; i++) {
            p.put("x" + i, v);
        }
        return p;
    }

    @Test
    void minimaAreWhereTheLiteratureSays() {
        assertThat(at(BenchmarkFunctions.branin(), Map.of("x1", Math.PI, "x2", 2.275))).isCloseTo(0.397887, within(1e-6));
        assertThat(at(BenchmarkFunctions.branin(), Map.of("x1", -Math.PI, "x2", 12.275))).isCloseTo(0.397887, within(1e-6));
        Map<String, Object> h = new LinkedHashMap<>();
        double[] xs = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        for (int i = 0; i < 6; i++) {
            h.put("x" + i, xs[i]);
        }
        assertThat(at(BenchmarkFunctions.hartmann6(), h)).isCloseTo(-3.32237, within(1e-5));
        assertThat(at(BenchmarkFunctions.rosenbrock(10), same(10, 1.0))).isZero();
        assertThat(at(BenchmarkFunctions.ackley(10), same(10, 0.0))).isCloseTo(0, within(1e-12));
        assertThat(at(BenchmarkFunctions.styblinskiTang(10), same(10, -2.903534))).isCloseTo(-391.6616570377142, within(1e-9));
        assertThat(at(BenchmarkFunctions.sphere(5), same(5, 0.0))).isZero();
        assertThat(at(BenchmarkFunctions.mixed(), Map.of("x", 1.0, "n", 7, "lr", 1e-3, "opt", "b")))
                .isCloseTo(0, within(1e-12));
        assertThat(BenchmarkFunctions.suite()).extracting(BenchmarkFunction::name).containsExactly("branin", "hartmann6",
                "rosenbrock10", "ackley10", "styblinski_tang10", "mixed");
    }

    @Test
    void resultsGiveMedianAndQuartilesAsNumpyDoes() {
        QualityBenchmark.Result r = new QualityBenchmark.Result("s", "f", 10, new double[] {4, 1, 3, 2});
        assertThat(r.median()).isEqualTo(2.5);
        assertThat(r.q1()).isEqualTo(1.75);
        assertThat(r.q3()).isEqualTo(3.25);
    }

    @Test
    void theHarnessRecordsTheBestValueAfterEachBudget() {
        List<QualityBenchmark.Result> results = QualityBenchmark.run(Map.of("random", RandomSampler::new),
                List.of(BenchmarkFunctions.sphere(5)), new int[] {50, 10}, QualityBenchmark.seeds(3), null);
        assertThat(results).extracting(QualityBenchmark.Result::trials).containsExactly(10, 50);
        for (int s = 0; s < 3; s++) {
            assertThat(results.get(1).bestValues()[s]).isLessThanOrEqualTo(results.get(0).bestValues()[s]);
        }
        assertThat(QualityBenchmark.table(results)).contains("sphere5", "random", "median best");
    }

    @Test
    void overheadIsMeasuredPerTrialForEachRepeat() {
        SamplerOverhead.Result r = SamplerOverhead.measure("tpe", TpeSampler::new, 20, 5, 2);
        assertThat(r.wallMs()).hasSize(2);
        assertThat(r.wallMs()[0]).isPositive();
        assertThat(r.medianWallMs()).isPositive();
        assertThat(r.toString()).contains("tpe at trial 20");
    }
}
