package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.storage.InMemoryStorage;

/** Driving a study by hand: ask, tell, fail, addTrial. */
class AskTellTest {

    private static Study study() {
        return Tune.study().storage(new InMemoryStorage()).create();
    }

    @Test
    void askWithFixedParametersUsesThemAndLeavesEnqueuedTrialsWaiting() {
        Study study = study();
        study.enqueue(Map.of("x", 0.25));
        Trial t = study.ask(Map.of("x", 0.75, "n", 3));
        assertThat(t.number()).isEqualTo(1);
        assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(0.75);
        assertThat(t.suggestInt("n", 1, 5)).isEqualTo(3);
        double y = t.suggestFloat("y", 0, 1);
        assertThat(y).isBetween(0.0, 1.0);
        assertThat(study.tell(t, 1.0).params()).containsEntry("x", 0.75).containsEntry("n", 3);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.WAITING);
        assertThat(study.ask().suggestFloat("x", 0, 1)).isEqualTo(0.25);
        assertThatThrownBy(() -> study.ask(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be stored");
    }

    @Test
    void askStartsARunningTrialAndTellCompletesIt() {
        Study study = study();
        Trial t = study.ask();
        assertThat(t.number()).isZero();
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t.study()).isSameAs(study);
        assertThat(t.started()).isNotNull();
        assertThat(study.trial(0).state()).isEqualTo(TrialState.RUNNING);
        double x = t.suggestFloat("x", -1, 1);

        FrozenTrial done = study.tell(t, x * x);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.value()).isEqualTo(x * x);
        assertThat(done.params()).containsExactly(entry("x", x));
        assertThat(done.completed()).isNotNull();
        assertThat(done.duration()).isPresent();
        assertThat(study.trials()).hasSize(1);
        assertThat(study.trial(0).value()).isEqualTo(x * x);

        Trial second = study.ask();
        assertThat(second.number()).isEqualTo(1);
    }

    @Test
    void tellWithNaNFailsTheTrialWithAReason() {
        Study study = study();
        Trial t = study.ask();
        FrozenTrial done = study.tell(t, Double.NaN);
        assertThat(done.state()).isEqualTo(TrialState.FAIL);
        assertThat(done.hasValue()).isFalse();
        assertThat(done.failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void tellPrunedKeepsTheLastIntermediateValue() {
        Study study = study();
        Trial t = study.ask();
        t.report(0.9, 0);
        t.report(0.4, 5);
        t.report(0.6, 2); // reported later, but at an earlier step: the last step is 5
        FrozenTrial done = study.tell(t, TrialState.PRUNED);
        assertThat(done.state()).isEqualTo(TrialState.PRUNED);
        assertThat(done.value()).isEqualTo(0.4);
        assertThat(done.lastStep()).contains(5);
        assertThat(done.intermediateValues()).containsExactly(entry(0, 0.9), entry(2, 0.6), entry(5, 0.4));
        assertThat(done.failReason()).isEmpty();
    }

    @Test
    void aPrunedTrialWithoutReportsHasNoValue() {
        Study study = study();
        FrozenTrial done = study.tell(study.ask(), TrialState.PRUNED);
        assertThat(done.state()).isEqualTo(TrialState.PRUNED);
        assertThat(done.hasValue()).isFalse();
        assertThat(done.values()).isEmpty();
        assertThatThrownBy(done::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("no value");
    }

    @Test
    void aPrunedTrialWhoseLastReportIsNaNHasNoValue() {
        // Optuna keeps the last intermediate value only when it is an acceptable objective value
        Study study = study();
        Trial t = study.ask();
        t.report(0.3, 0);
        t.report(Double.NaN, 1);
        FrozenTrial done = study.tell(t, TrialState.PRUNED);
        assertThat(done.state()).isEqualTo(TrialState.PRUNED);
        assertThat(done.hasValue()).isFalse();
        assertThat(done.intermediateValues()).containsKeys(0, 1);
    }

    @Test
    void failKeepsTheReason() {
        Study study = study();
        Trial t = study.ask();
        t.suggestInt("batch", 16, 512);
        FrozenTrial done = study.fail(t, "CUDA out of memory");
        assertThat(done.state()).isEqualTo(TrialState.FAIL);
        assertThat(done.failReason()).contains("CUDA out of memory");
        assertThat(done.systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "CUDA out of memory");
        assertThat(study.trial(0).failReason()).contains("CUDA out of memory");
        assertThat(done.params()).containsKey("batch");

        FrozenTrial told = study.tell(study.ask(), TrialState.FAIL);
        assertThat(told.state()).isEqualTo(TrialState.FAIL);
        assertThat(told.failReason()).isPresent();
    }

    @Test
    void askWithASpaceSuggestsEveryParameter() {
        Study study = study();
        Space space = Space.builder().floatRange("x", 0, 1).intRange("n", 1, 3).choice("c", "a", "b").build();
        Trial t = study.ask(space);
        assertThat(t.params().keySet()).containsExactly("x", "n", "c");
        assertThat(t.distributions()).isEqualTo(space.distributions());
        // suggesting one of them again returns the same value
        assertThat(t.suggestInt("n", 1, 3)).isEqualTo(t.params().get("n"));
        study.tell(t, 1.0);
        assertThat(study.trial(0).params()).isEqualTo(t.params());
    }

    @Test
    void aTrialSnapshotShowsTheRunningTrial() {
        Study study = study();
        Trial t = study.ask();
        t.suggestFloat("x", 0, 1);
        t.report(1.5, 3);
        t.setUserAttr("k", "v");
        FrozenTrial snap = t.snapshot();
        assertThat(snap.state()).isEqualTo(TrialState.RUNNING);
        assertThat(snap.number()).isZero();
        assertThat(snap.params()).isEqualTo(t.params());
        assertThat(snap.intermediateValues()).containsExactly(entry(3, 1.5));
        assertThat(snap.userAttrs()).containsExactly(entry("k", "v"));
        // and the storage agrees
        FrozenTrial stored = study.trial(0);
        assertThat(stored.params()).isEqualTo(t.params());
        assertThat(stored.intermediateValues()).containsExactly(entry(3, 1.5));
        assertThat(stored.userAttrs()).containsExactly(entry("k", "v"));
    }

    // ---- addTrial ----

    private static final FloatDistribution X = new FloatDistribution(0, 10);

    @Test
    void addTrialOfEachFinishedState() {
        Study study = study();
        study.tell(study.ask(), 5.0);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        FrozenTrial complete = study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE).value(2.0)
                .param("x", 3.0, X).param("n", 4, new IntDistribution(1, 8))
                .param("c", "b", new CategoricalDistribution(java.util.List.of("a", "b")))
                .userAttr("source", "paper").intermediateValue(0, 4.0).started(start)
                .completed(start.plusSeconds(60)).build());
        assertThat(complete.number()).isEqualTo(1);
        assertThat(complete.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(complete.value()).isEqualTo(2.0);
        assertThat(complete.params()).containsExactly(entry("x", 3.0), entry("n", 4), entry("c", "b"));
        assertThat(complete.userAttrs()).containsEntry("source", "paper");
        assertThat(complete.intermediateValues()).containsExactly(entry(0, 4.0));
        assertThat(complete.started()).isEqualTo(start);
        assertThat(complete.duration()).hasValue(java.time.Duration.ofSeconds(60));
        // an added trial counts like any other
        assertThat(study.bestTrial().number()).isEqualTo(1);

        FrozenTrial pruned = study.addTrial(FrozenTrial.builder().state(TrialState.PRUNED).value(7.0)
                .param("x", 1.0, X).intermediateValue(0, 9.0).intermediateValue(1, 7.0).build());
        assertThat(pruned.number()).isEqualTo(2);
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.value()).isEqualTo(7.0);
        assertThat(pruned.started()).isNotNull();
        assertThat(pruned.completed()).isNotNull();

        FrozenTrial failed = study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).param("x", 0.5, X)
                .systemAttr(FrozenTrial.FAIL_REASON, "diverged").build());
        assertThat(failed.number()).isEqualTo(3);
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.failReason()).contains("diverged");
        assertThat(failed.hasValue()).isFalse();

        assertThat(study.trials()).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3);
        assertThat(study.bestValue()).isEqualTo(2.0);
    }

    @Test
    void anAddedWaitingTrialIsRunNextWithItsParameters() {
        Study study = study();
        FrozenTrial waiting = study.addTrial(FrozenTrial.builder().state(TrialState.WAITING).param("x", 7.5, X).build());
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.started()).isNull();
        Trial t = study.ask();
        assertThat(t.number()).isEqualTo(waiting.number());
        assertThat(t.suggestFloat("x", 0, 10)).isEqualTo(7.5);
        study.tell(t, 1.0);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(0).started()).isNotNull();
        assertThat(study.ask().number()).isEqualTo(1);
    }

    @Test
    void addTrialValidatesWithSpecificMessages() {
        Study study = study();
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE).values(1, 2).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 objective(s)")
                .hasMessageContaining("2 value(s)");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs objective values");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(Double.NaN).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(1).param("x", 11.0, X).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'")
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(1)
                .param("n", 3, new IntDistribution(0, 10, false, 2)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(1)
                .param("c", "z", new CategoricalDistribution(java.util.List.of("a", "b"))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().state(TrialState.RUNNING).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(1).userAttr("bad", new Object()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad'");
        assertThat(study.trials()).isEmpty();

        Study multi = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .create();
        assertThatThrownBy(() -> multi.addTrial(FrozenTrial.builder().value(1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 objective(s)");
        assertThat(multi.addTrial(FrozenTrial.builder().values(1, 2).build()).values()).containsExactly(1, 2);
    }

    @Test
    void addTrialRefusesAParameterIncompatibleWithTheStudy() {
        Study study = study();
        study.addTrial(FrozenTrial.builder().value(1).param("x", 3.0, X).build());
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().value(1)
                .param("x", 3, new IntDistribution(0, 10)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThat(study.trials()).hasSize(1);
    }

    @Test
    void addTrialsAddsEachInOrder() {
        Study study = study();
        study.addTrials(java.util.List.of(FrozenTrial.builder().value(3).build(), FrozenTrial.builder().value(1).build()));
        assertThat(study.trials()).extracting(FrozenTrial::value).containsExactly(3.0, 1.0);
        assertThat(study.bestTrial().number()).isEqualTo(1);
    }

    @Test
    void theTemplateNumberOfAnAddedTrialIsIgnored() {
        Study study = study();
        FrozenTrial added = study.addTrial(FrozenTrial.builder().number(42).id(99).value(1).build());
        assertThat(added.number()).isZero();
        assertThat(study.trial(0).value()).isEqualTo(1);
        assertThat(study.trials()).hasSize(1);
    }
}
