package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * NSGA-II's state lives in the stored trials: a study resumed from a SQLite file by a fresh sampler goes on
 * with the same generations and parents, and synchronous generations make several workers repeat one.
 */
class NsgaIIResumeTest {

    private static final Direction[] TWO = {Direction.MINIMIZE, Direction.MINIMIZE};
    private static final Objective OBJECTIVE = Objective.multi(NsgaIIBehaviourTest::mixed);

    @TempDir
    Path dir;

    /** Number, state, parameters, generation and parents of every trial: what a run decided. */
    private static List<Map<String, Object>> decisions(Study study) {
        return study.trials().stream().map(t -> Map.<String, Object>of("number", t.number(), "state", t.state(),
                "params", t.params(), "generation", NsgaIIBehaviourTest.generation(t), "parents",
                String.valueOf(NsgaIIBehaviourTest.parents(t)))).toList();
    }

    private static NsgaIISampler sampler(long seed) {
        return NsgaIISampler.builder().seed(seed).populationSize(8).build();
    }

    @Test
    void aStudyResumedFromSqliteWithAFreshSamplerRepeatsTheUninterruptedRun() {
        Study straight = Tune.study().name("s").storage("sqlite:" + dir.resolve("straight.db")).directions(TWO)
                .sampler(sampler(5)).create();
        straight.optimize(OBJECTIVE, Run.trials(40));

        String url = "sqlite:" + dir.resolve("resumed.db");
        Study first = Tune.study().name("s").storage(url).directions(TWO).sampler(sampler(5)).create();
        first.optimize(OBJECTIVE, Run.trials(21)); // stops inside generation 2
        first.storage().close();
        Study again = Tune.study().name("s").storage(url).directions(TWO).sampler(sampler(5)).loadIfExists(true)
                .create();
        again.optimize(OBJECTIVE, Run.trials(19));

        assertThat(decisions(again)).isEqualTo(decisions(straight));
        assertThat(NsgaIIBehaviourTest.generation(again.trial(39))).isEqualTo(4);
        again.storage().close();
        straight.storage().close();
    }

    @Test
    void aFreshSamplerWithAnotherSeedGoesOnWithTheNextGenerationAndTheStoredParents() {
        String url = "sqlite:" + dir.resolve("study.db");
        Study first = Tune.study().name("s").storage(url).directions(TWO).sampler(sampler(1)).create();
        first.optimize(OBJECTIVE, Run.trials(20));
        first.storage().close();

        Study again = Tune.study().name("s").storage(url).directions(TWO).sampler(sampler(2)).loadIfExists(true)
                .create();
        NsgaGenerations.Place place = new NsgaGenerations(8, false, false, java.time.Duration.ZERO).current(again);
        assertThat(place.generation()).isEqualTo(2);
        List<Integer> parentPopulation = place.parents().stream().map(FrozenTrial::number).toList();
        assertThat(parentPopulation).hasSize(8).allSatisfy(n -> assertThat(n).isLessThan(16));
        // trials 16-19 of the first run bred from the same parents that the new sampler works out
        for (FrozenTrial t : again.trials().subList(16, 20)) {
            assertThat(parentPopulation).containsAll(NsgaIIBehaviourTest.parents(t));
        }
        again.optimize(OBJECTIVE, Run.trials(12));
        List<FrozenTrial> trials = again.trials(TrialState.COMPLETE);
        assertThat(trials).hasSize(32);
        for (FrozenTrial t : trials.subList(20, 24)) {
            assertThat(NsgaIIBehaviourTest.generation(t)).isEqualTo(2);
            assertThat(parentPopulation).containsAll(NsgaIIBehaviourTest.parents(t));
        }
        for (FrozenTrial t : trials.subList(24, 32)) {
            assertThat(NsgaIIBehaviourTest.generation(t)).isEqualTo(3);
            assertThat(NsgaIIBehaviourTest.parents(t)).allSatisfy(n -> assertThat(n).isLessThan(24));
        }
        again.storage().close();
    }

    @Test
    void synchronousGenerationsWithFourWorkersRepeatOneWorkerEvenWithFailures() {
        Objective failing = Objective.multi(t -> {
            double[] v = NsgaIIBehaviourTest.mixed(t);
            if ((Double) t.params().get("x1") > 0.8) {
                throw new IllegalArgumentException("x1 too large");
            }
            Thread.yield();
            return v;
        });
        Study one = Tune.study().directions(TWO).sampler(sampler(9)).create();
        one.optimize(failing, Run.trials(60));
        for (int repeat = 0; repeat < 2; repeat++) {
            Study four = Tune.study().directions(TWO).sampler(NsgaIISampler.builder().seed(9).populationSize(8)
                    .synchronousGenerations(true).build()).create();
            four.optimize(failing, Run.trials(60).jobs(4));
            assertThat(decisions(four)).isEqualTo(decisions(one));
        }
        assertThat(one.trials(TrialState.FAIL)).isNotEmpty();
        assertThat(NsgaIIBehaviourTest.generation(one.trial(59))).isGreaterThanOrEqualTo(5);
    }
}
