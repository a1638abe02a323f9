package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * The new samplers on a SQLite study, resumed by a second study object with a fresh sampler (as a notebook
 * restart or another process would): parameters and attributes go through the database and back.
 */
class SamplersOnSqliteTest {

    private static final Objective OBJECTIVE = t -> {
        double x = t.suggestFloat("x", -5, 5);
        double lr = t.suggestFloat("lr", 1e-4, 1, Scale.LOG);
        int k = t.suggestInt("k", 1, 8);
        String c = t.suggestCategorical("c", "a", "b");
        return x * x + Math.abs(Math.log10(lr) + 2) + Math.abs(k - 3) + (c.equals("a") ? 0 : 1);
    };

    private static LongFunction<Sampler> sampler(String name) {
        return switch (name) {
            case "tpe" -> TpeSampler::new;
            case "tpe-multivariate" -> seed -> TpeSampler.builder().seed(seed).multivariate(true).build();
            case "gp" -> GpSampler::new;
            case "cmaes" -> CmaEsSampler::new;
            default -> QmcSampler::new;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "tpe-multivariate", "gp", "cmaes", "qmc"})
    void aResumedStudyGoesOnFromItsStoredTrials(String name, @TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("study.db");
        Study first = Tune.study().name("s").storage(url).sampler(sampler(name).apply(1)).create();
        first.optimize(OBJECTIVE, Run.trials(15));
        double bestAfterFirst = first.bestValue();
        first.storage().close();

        Study again = Tune.study().name("s").storage(url).sampler(sampler(name).apply(2)).loadIfExists(true).create();
        again.optimize(OBJECTIVE, Run.trials(15));
        assertThat(again.trials(TrialState.COMPLETE)).hasSize(30);
        assertThat(again.bestValue()).isLessThanOrEqualTo(bestAfterFirst);
        for (FrozenTrial t : again.trials()) {
            assertThat((Double) t.params().get("x")).isBetween(-5.0, 5.0);
            assertThat((Integer) t.params().get("k")).isBetween(1, 8);
        }
        if (name.equals("qmc")) {
            Set<Long> indices = new HashSet<>();
            again.trials().forEach(t -> indices.add(((Number) t.systemAttrs().get(QmcSampler.INDEX)).longValue()));
            assertThat(indices).as("sequence indices across both runs").hasSize(30);
        }
        again.storage().close();
    }
}
