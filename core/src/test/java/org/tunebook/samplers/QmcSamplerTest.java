package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/** Quasi-random sampling: the sampler contract, the sequence's points and their even spread, a shared index. */
class QmcSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return new QmcSampler(seed);
    }

    @Test
    void unscrambledSobolGivesTheSequenceAfterItsCorner() {
        Study study = Tune.study().sampler(QmcSampler.builder().scramble(false).build()).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), Run.trials(3));
        double[][] expected = {{0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}};
        for (int n = 0; n < 3; n++) {
            assertThat((Double) study.trial(n).params().get("x")).isCloseTo(expected[n][0], within(1e-15));
            assertThat((Double) study.trial(n).params().get("y")).isCloseTo(expected[n][1], within(1e-15));
        }
    }

    /**
     * The first 64 points of a (scrambled) Sobol sequence form a (0, 6, 2)-net: each of the 8 x 8 cells of the
     * unit square holds exactly one. Random points leave cells empty (all 64 filled has probability 1e-26).
     */
    @Test
    void sobolPointsFillEveryCellOfAGridOnce() {
        for (QmcSampler sampler : List.of(new QmcSampler(3), new QmcSampler(4))) {
            Study study = Tune.study().sampler(sampler).create();
            study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), Run.trials(64));
            Set<Integer> cells = new HashSet<>();
            for (FrozenTrial t : study.trials()) {
                int cx = (int) ((Double) t.params().get("x") * 8);
                int cy = (int) ((Double) t.params().get("y") * 8);
                cells.add(cx * 8 + cy);
            }
            assertThat(cells).as("cells of an 8 x 8 grid hit by 64 points of %s", sampler).hasSize(64);
        }
    }

    /**
     * Halton's first coordinate is the base-2 van der Corput sequence: each block of 4 indices is 4 points
     * exactly a quarter apart, so after a rotation each quarter still gets one, and 40 points give 10 per
     * value of an int with 4 values. Random draws would hit exactly 10 of each with probability 0.009.
     */
    @Test
    void haltonPointsSpreadEvenlyToo() {
        Study study = Tune.study().sampler(QmcSampler.builder().type(QmcSampler.Type.HALTON).seed(1).build()).create();
        study.optimize(t -> t.suggestInt("k", 0, 3) + t.suggestFloat("x", 0, 1), Run.trials(40));
        int[] counts = new int[4];
        study.trials().forEach(t -> counts[(Integer) t.params().get("k")]++);
        assertThat(counts).containsOnly(10);
    }

    @Test
    void twoSamplersOnOneStudyShareTheIndexAndNeverRepeatAPoint() {
        InMemoryStorage storage = new InMemoryStorage();
        Study a = Tune.study().name("qmc").storage(storage).sampler(new QmcSampler(7)).create();
        Study b = Tune.study().name("qmc").storage(storage).sampler(new QmcSampler(7)).loadIfExists(true).create();
        for (int i = 0; i < 20; i++) {
            Study s = i % 2 == 0 ? a : b;
            Trial t = s.ask();
            s.tell(t, t.suggestFloat("x", 0, 1));
        }
        Set<Object> indices = new HashSet<>();
        Set<Object> xs = new HashSet<>();
        for (FrozenTrial t : a.trials()) {
            indices.add(((Number) t.systemAttrs().get(QmcSampler.INDEX)).longValue());
            xs.add(t.params().get("x"));
        }
        assertThat(indices).hasSize(20);
        assertThat(xs).hasSize(20);
    }

    @Test
    void enqueuedTrialsSampleTheirFreeParametersWithoutTakingAnIndex() {
        Study study = Tune.study().sampler(new QmcSampler(2)).create();
        study.enqueue(Map.of("x", 0.5));
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), Run.trials(2));
        assertThat(study.trial(0).params()).containsEntry("x", 0.5);
        assertThat(study.trial(0).systemAttrs()).doesNotContainKey(QmcSampler.INDEX);
        assertThat(((Number) study.trial(1).systemAttrs().get(QmcSampler.INDEX)).longValue()).isZero();
    }

    @Test
    void aNullTypeIsRefused() {
        assertThatThrownBy(() -> QmcSampler.builder().type(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOBOL");
    }
}
