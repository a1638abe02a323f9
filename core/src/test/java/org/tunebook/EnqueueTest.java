package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

class EnqueueTest {

    private static Study study() {
        return Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(3)).create();
    }

    @Test
    void enqueuedTrialsWaitAndRunFirstWithTheirFixedParameters() {
        Study study = study();
        study.enqueue(Map.of("x", 0.25));
        study.enqueue(Map.of("x", 0.75, "n", 3));
        assertThat(study.trials(TrialState.WAITING)).hasSize(2);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.WAITING);
        assertThat(study.trial(0).params()).isEmpty();

        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 1, 5), Run.trials(5));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(5);
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(trials.get(0).params().get("x")).isEqualTo(0.25);
        assertThat((Integer) trials.get(0).params().get("n")).isBetween(1, 5); // not fixed: sampled
        assertThat(trials.get(1).params()).containsEntry("x", 0.75).containsEntry("n", 3);
        assertThat(trials.get(1).value()).isEqualTo(3.75);
        // the sampled trials did not reuse the fixed values
        assertThat(trials.subList(2, 5)).extracting(t -> t.params().get("x")).doesNotContain(0.25, 0.75);
        assertThat(trials.get(0).systemAttrs()).containsEntry(Trial.FIXED_PARAMS, Map.of("x", 0.25));
    }

    @Test
    void askClaimsTheOldestWaitingTrial() {
        Study study = study();
        study.enqueue(Map.of("lr", 0.1));
        study.enqueue(Map.of("lr", 0.01));
        Trial first = study.ask();
        Trial second = study.ask();
        Trial third = study.ask();
        assertThat(first.number()).isZero();
        assertThat(first.suggestFloat("lr", 1e-4, 1, Scale.LOG)).isEqualTo(0.1);
        assertThat(second.number()).isEqualTo(1);
        assertThat(second.suggestFloat("lr", 1e-4, 1, Scale.LOG)).isEqualTo(0.01);
        assertThat(third.number()).isEqualTo(2);
        assertThat(third.systemAttrs()).doesNotContainKey(Trial.FIXED_PARAMS);
    }

    @Test
    void anEnqueuedIntegerValueFitsAFloatParameterAndViceVersaIsRefused() {
        Study study = study();
        study.enqueue(Map.of("x", 1, "n", 2.5));
        Trial t = study.ask();
        assertThat(t.suggestFloat("x", 0, 5)).isEqualTo(1.0);
        assertThatThrownBy(() -> t.suggestInt("n", 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'")
                .hasMessageContaining("enqueued");
    }

    @Test
    void anEnqueuedValueOutsideTheRangeIsUsedAnyway() {
        // Optuna warns and uses it: the user asked for exactly this value
        Study study = study();
        study.enqueue(Map.of("x", 7.0));
        study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        assertThat(study.trial(0).params()).containsEntry("x", 7.0);
    }

    @Test
    void enqueueWithUserAttrs() {
        Study study = study();
        study.enqueue(Map.of("x", 0.5), Map.of("origin", "baseline", "rank", 1), false);
        study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        assertThat(study.trial(0).userAttrs()).containsEntry("origin", "baseline").containsEntry("rank", 1);
    }

    @Test
    void skipIfExistsSkipsParametersAlreadyQueuedOrTried() {
        Study study = study();
        study.enqueue(Map.of("x", 0.5), Map.of(), true);
        study.enqueue(Map.of("x", 0.5), Map.of(), true);
        assertThat(study.trials()).hasSize(1);
        study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        study.enqueue(Map.of("x", 0.5), Map.of(), true);
        assertThat(study.trials()).hasSize(1);
        // other parameters are enqueued
        study.enqueue(Map.of("x", 0.6), Map.of(), true);
        assertThat(study.trials()).hasSize(2);
        // a trial that was sampled to these exact parameters also counts
        Trial sampled = study.ask(); // claims the x=0.6 trial
        study.tell(sampled, 0);
        Trial free = study.ask();
        double x = free.suggestFloat("x", 0, 1);
        study.tell(free, 0);
        study.enqueue(Map.of("x", x), Map.of(), true);
        assertThat(study.trials()).hasSize(3);
        // without skipIfExists, duplicates are enqueued
        study.enqueue(Map.of("x", 0.5), Map.of(), false);
        assertThat(study.trials()).hasSize(4);
    }

    @Test
    void enqueueNeedsParameters() {
        assertThatThrownBy(() -> study().enqueue(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter");
    }

    @Test
    void manyEnqueuedTrialsRunExactlyOnceWithFourWorkers() {
        Study study = study();
        int n = 80;
        for (int i = 0; i < n; i++) {
            study.enqueue(Map.of("i", i));
        }
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        study.optimize(t -> {
            int i = t.suggestInt("i", 0, 1000);
            runs.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
            threads.add(Thread.currentThread().getName());
            Thread.sleep(2); // long enough that every worker gets trials
            return i;
        }, Run.trials(n).jobs(4));
        assertThat(runs).hasSize(n);
        assertThat(runs.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(study.trials()).hasSize(n);
        assertThat(study.trials(TrialState.WAITING)).isEmpty();
        for (int i = 0; i < n; i++) {
            assertThat(study.trial(i).params()).containsEntry("i", i);
            assertThat(study.trial(i).state()).isEqualTo(TrialState.COMPLETE);
        }
        assertThat(threads).hasSizeGreaterThan(1); // the work was really shared
    }
}
