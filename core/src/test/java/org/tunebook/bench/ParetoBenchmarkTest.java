package org.tunebook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.tunebook.samplers.NsgaIISampler;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.samplers.Sampler;

/** The multi-objective benchmark runs, and NSGA-II with Optuna's defaults finds better ZDT1 fronts than random search. */
class ParetoBenchmarkTest {

    @Test
    void nsgaIIBeatsRandomSearchOnZdt1ByMedianHypervolume() {
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("nsga2", NsgaIISampler::new);
        ParetoBenchmark.Problem zdt1 = ParetoBenchmark.zdt1(5);
        List<ParetoBenchmark.Result> results = ParetoBenchmark.run(samplers, zdt1, new int[] {500, 200},
                QualityBenchmark.seeds(5), null);
        assertThat(results).hasSize(4);
        for (ParetoBenchmark.Result r : results) {
            assertThat(r.hypervolumes()).hasSize(5);
            for (double hv : r.hypervolumes()) {
                assertThat(hv).isBetween(0.0, zdt1.best());
            }
        }
        ParetoBenchmark.Result random = find(results, "random", 500);
        ParetoBenchmark.Result nsga = find(results, "nsga2", 500);
        // with 50 per generation, 500 trials are 10 generations; random search stalls far from the front
        assertThat(nsga.median()).as("median hypervolume of NSGA-II vs random search's %s", random.median())
                .isGreaterThan(2 * random.median());
        assertThat(nsga.median()).as("NSGA-II improves from 200 to 500 trials")
                .isGreaterThan(find(results, "nsga2", 200).median());
        assertThat(ParetoBenchmark.table(results)).contains("zdt1_5").contains("nsga2").contains("random");
    }

    private static ParetoBenchmark.Result find(List<ParetoBenchmark.Result> results, String sampler, int trials) {
        return results.stream().filter(r -> r.sampler().equals(sampler) && r.trials() == trials).findFirst()
                .orElseThrow();
    }
}
