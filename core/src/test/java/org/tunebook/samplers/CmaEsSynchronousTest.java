package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Tune;

/**
 * CMA-ES with synchronous generations: the whole sampler contract, four workers included, and runs with one
 * and with four workers that propose the same parameters trial for trial.
 */
class CmaEsSynchronousTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return CmaEsSampler.builder().seed(seed).synchronous(true).warnIndependentSampling(false).build();
    }

    private static final Objective SPHERE = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, -5, 5) - 1;
            s += x * x;
        }
        Thread.yield();
        return s + t.suggestInt("k", 0, 9);
    };

    /** The same seed gives the same run with one worker as with four: every generation waits for its last candidate. */
    @Test
    void oneWorkerAndFourWorkersGiveTheSameRun() {
        List<Map<String, Object>> one = paramsByNumber(run(1));
        List<Map<String, Object>> four = paramsByNumber(run(4));
        assertThat(four).isEqualTo(one);
    }

    /** No generation has more candidates than its population when no trial fails. */
    @Test
    void generationsHaveExactlyTheirPopulation() {
        Study study = run(4);
        Map<Object, Integer> sizes = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            Object g = t.systemAttrs().get(CmaHistory.GENERATION);
            if (g != null) {
                sizes.merge(g, 1, Integer::sum);
            }
        }
        int popsize = CmaEs.defaultPopsize(5);
        int last = sizes.keySet().stream().mapToInt(g -> ((Number) g).intValue()).max().orElseThrow();
        sizes.forEach((g, n) -> {
            if (((Number) g).intValue() < last) {
                assertThat(n).as("candidates of generation %s", g).isEqualTo(popsize);
            }
        });
        assertThat(last).isGreaterThan(5);
    }

    private static Study run(int jobs) {
        Study study = Tune.study().sampler(CmaEsSampler.builder().seed(9).synchronous(true).build()).create();
        study.optimize(SPHERE, Run.trials(80).jobs(jobs));
        return study;
    }
}
