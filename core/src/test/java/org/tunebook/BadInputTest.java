package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.storage.InMemoryStorage;

/** Bad input gets a specific error, and leaves nothing behind. */
class BadInputTest {

    private static Study study() {
        return Tune.study().storage(new InMemoryStorage()).create();
    }

    @Test
    void badRangesThroughSuggest() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 2.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low > high");
        assertThatThrownBy(() -> t.suggestInt("n", 5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low > high");
        assertThatThrownBy(() -> t.suggestFloat("lr", 0.0, 1.0, Scale.LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low > 0");
        assertThatThrownBy(() -> t.suggestFloat("lr", -1.0, 1.0, Scale.LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log");
        assertThatThrownBy(() -> t.suggestInt("n", 0, 10, Scale.LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low >= 1");
        assertThatThrownBy(() -> t.suggestFloat("x", 0.0, 1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> t.suggestFloat("x", 0.0, 1.0, -0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> t.suggestInt("n", 0, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> t.suggestInt("n", 0, 10, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> t.suggestFloat("x", Double.NaN, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        // log and step together (only reachable through the general suggest)
        assertThatThrownBy(() -> t.suggest("x", new FloatDistribution(1.0, 10.0, true, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log")
                .hasMessageContaining("step");
        assertThatThrownBy(() -> t.suggest("n", new IntDistribution(1, 10, true, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log")
                .hasMessageContaining("step");
        // nothing was recorded, and the trial can still be used
        assertThat(t.params()).isEmpty();
        assertThat(t.suggestFloat("x", 0, 1)).isBetween(0.0, 1.0);
        study.tell(t, 0);
        assertThat(study.trial(0).params().keySet()).containsExactly("x");
    }

    @Test
    void emptyChoicesAreRefused() {
        Trial t = study().ask();
        assertThatThrownBy(() -> t.suggestCategorical("c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> t.suggestCategorical("c", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> t.suggestCategorical("c", List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings, numbers, booleans");
    }

    @Test
    void aFinishedTrialRefusesChangesSayingItFinished() {
        Study study = study();
        Trial t = study.ask();
        t.suggestFloat("x", 0, 1);
        study.tell(t, 1.0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThatThrownBy(() -> t.suggestFloat("y", 0, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished").hasMessageContaining("'y'");
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
        assertThatThrownBy(() -> t.report(0.5, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
        assertThatThrownBy(() -> t.setUserAttr("k", "v"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
        assertThatThrownBy(() -> t.setSystemAttr("k", "v"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
        assertThatThrownBy(t::shouldPrune)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
        FrozenTrial stored = study.trial(0);
        assertThat(stored.params().keySet()).containsExactly("x");
        assertThat(stored.intermediateValues()).isEmpty();
        assertThat(stored.userAttrs()).isEmpty();
    }

    @Test
    void aTrialObjectFromTheRunnerRefusesChangesAfterItsTrialEnded() {
        Study study = study();
        List<Trial> seen = new ArrayList<>();
        study.optimize(t -> {
            seen.add(t);
            return t.suggestFloat("x", 0, 1);
        }, 1);
        assertThatThrownBy(() -> seen.get(0).report(1.0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished as COMPLETE");
    }

    @Test
    void tellingTwiceIsRefused() {
        Study study = study();
        Trial t = study.ask();
        study.tell(t, 1.0);
        assertThatThrownBy(() -> study.tell(t, 2.0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished");
        assertThatThrownBy(() -> study.tell(t, TrialState.FAIL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished");
        assertThatThrownBy(() -> study.fail(t, "late"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished");
        assertThat(study.trial(0).value()).isEqualTo(1.0);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void tellingTheWrongNumberOfValuesIsRefusedAndTheTrialStaysOpen() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> study.tell(t, 1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 objective(s)").hasMessageContaining("2 value(s)");
        assertThatThrownBy(() -> study.tell(t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 value(s)");
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        study.tell(t, 3.0);
        assertThat(study.trial(0).value()).isEqualTo(3.0);

        Study multi = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .create();
        Trial m = multi.ask();
        assertThatThrownBy(() -> multi.tell(m, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 objective(s)");
    }

    @Test
    void tellingATrialOfAnotherStudyIsRefused() {
        Study a = study();
        Study b = study();
        Trial t = a.ask();
        assertThatThrownBy(() -> b.tell(t, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not asked from");
        assertThatThrownBy(() -> b.tell(null, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellWithAStateTakesOnlyPrunedOrFail() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> study.tell(t, TrialState.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRUNED or FAIL");
        assertThatThrownBy(() -> study.tell(t, TrialState.WAITING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void reportWithANegativeStepIsRefused() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.report(0.5, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step").hasMessageContaining("-1");
        assertThat(t.intermediateValues()).isEmpty();
    }

    @Test
    void aSecondReportForTheSameStepIsIgnored() {
        Study study = study();
        Trial t = study.ask();
        t.report(0.5, 3);
        t.report(0.9, 3);
        assertThat(t.intermediateValues()).containsExactly(org.assertj.core.api.Assertions.entry(3, 0.5));
        study.tell(t, 1);
        assertThat(study.trial(0).intermediateValues()).containsExactly(org.assertj.core.api.Assertions.entry(3, 0.5));
    }

    @Test
    void reportInAMultiObjectiveStudyIsRefused() {
        Study study = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .create();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.report(0.5, 0))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("multi-objective");
    }

    @Test
    void userAttrsOfNonJsonTypesAreRefused() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.setUserAttr("thread", Thread.currentThread()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'thread'")
                .hasMessageContaining("java.lang.Thread");
        assertThatThrownBy(() -> t.setUserAttr("nested", List.of(1, new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nested'");
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "one");
        assertThatThrownBy(() -> t.setUserAttr("map", intKeys))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'map'");
        assertThatThrownBy(() -> t.setUserAttr("", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> study.setUserAttr("when", java.time.Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'when'");
        assertThatThrownBy(() -> study.enqueue(Map.of("x", 1.0), Map.of("obj", new Object()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'obj'");
        assertThatThrownBy(() -> study.enqueue(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(t.userAttrs()).isEmpty();
        assertThat(study.userAttrs()).isEmpty();
        study.tell(t, 0);
        assertThat(study.trials()).hasSize(1); // the refused enqueues added nothing
    }

    @Test
    void optimizeNeedsAnObjectiveAndARun() {
        Study study = study();
        assertThatThrownBy(() -> study.optimize(null, Run.trials(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objective");
        assertThatThrownBy(() -> study.optimize(t -> 0, (Run) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Run");
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void enqueueWithNullUserAttrsMeansNone() {
        Study study = study();
        study.enqueue(Map.of("x", 0.25), null, false);
        study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        assertThat(study.trial(0).params()).containsEntry("x", 0.25);
        assertThat(study.trial(0).userAttrs()).isEmpty();
    }

    @Test
    void aNullStateInTrialsIsRefused() {
        Study study = study();
        study.tell(study.ask(), 1.0);
        assertThatThrownBy(() -> study.trials((TrialState) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states");
        assertThatThrownBy(() -> study.trials(TrialState.COMPLETE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states");
        assertThat(study.trials((TrialState[]) null)).hasSize(1); // no states given: all trials
    }

    @Test
    void catchingRefusesNullTypes() {
        assertThatThrownBy(() -> Run.trials(1).catching((Class<? extends Throwable>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catching");
        assertThatThrownBy(() -> Run.trials(1).catching(IllegalStateException.class, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catching");
        assertThatThrownBy(() -> Run.trials(1).catching((Class<? extends Throwable>[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catching");
        assertThatThrownBy(() -> Run.trials(1).callbacks((Callback) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callback");
        assertThatThrownBy(() -> Run.trials(1).callbacks((Callback[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callback");
    }

    @Test
    void nullNamesAndStorageUrlsAreRefused() {
        assertThatThrownBy(() -> Tune.study().name(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("study name");
        assertThatThrownBy(() -> Tune.load(null, "memory"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("study name");
        assertThatThrownBy(() -> Tune.study().storage((String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage URL");
        assertThatThrownBy(() -> Tune.load("anything", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage URL");
        assertThatThrownBy(() -> Tune.study().storage((org.tunebook.storage.Storage) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage");
    }

    @Test
    void nullChoicesAndDistributionsAreRefusedNamingTheParameter() {
        Study study = study();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestCategorical("act", (List<String>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'act'")
                .hasMessageContaining("choices");
        assertThatThrownBy(() -> t.suggest("d", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d'")
                .hasMessageContaining("distribution");
        assertThat(t.params()).isEmpty();
    }
}
