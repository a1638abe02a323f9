package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.InMemoryStorage;
import org.tunebook.storage.NoSuchStudyException;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

class TuneTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A study with every kind of trial and attribute: COMPLETE, PRUNED, FAIL, WAITING. */
    private static Study richStudy(String name, Storage storage) {
        Study study = Tune.study().name(name).storage(storage).direction(Direction.MAXIMIZE).create();
        study.setUserAttr("owner", "ada");
        study.setUserAttr("tags", List.of("a", "b"));

        Trial t0 = study.ask();
        t0.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
        t0.suggestInt("layers", 1, 4);
        t0.suggestCategorical("act", "relu", "tanh");
        t0.setUserAttr("note", "first");
        t0.report(0.5, 0);
        t0.report(0.7, 1);
        study.tell(t0, 0.8);

        Trial t1 = study.ask();
        t1.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
        t1.report(0.1, 0);
        study.tell(t1, TrialState.PRUNED);

        Trial t2 = study.ask();
        t2.suggestInt("layers", 1, 4);
        study.fail(t2, "out of memory");

        Trial t3 = study.ask();
        t3.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
        study.tell(t3, 0.9);

        study.enqueue(Map.of("layers", 2), Map.of("why", "manual"), false);
        return study;
    }

    @Test
    void loadFindsAStudyInTheSharedMemoryStorage() {
        String name = unique("load");
        Study created = Tune.study().name(name).create();
        created.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        Study loaded = Tune.load(name);
        assertThat(loaded.id()).isEqualTo(created.id());
        assertThat(loaded.trials()).hasSize(2);
    }

    @Test
    void loadOfAnUnknownStudyListsExistingStudies() {
        String a = unique("known-a");
        String b = unique("known-b");
        Tune.study().name(a).create();
        Tune.study().name(b).create();
        assertThatThrownBy(() -> Tune.load("no-such-study-" + UUID.randomUUID(), "memory"))
                .isInstanceOf(NoSuchStudyException.class)
                .hasMessageContaining("no-such-study-")
                .hasMessageContaining(a)
                .hasMessageContaining(b);
    }

    @Test
    void studiesSummarizeCountsByStateAndBestValue() {
        String name = unique("summary");
        Study study = Tune.study().name(name).direction(Direction.MAXIMIZE).create();
        study.setUserAttr("dataset", "iris");
        Trial a = study.ask();
        study.tell(a, 0.3);
        Trial b = study.ask();
        study.tell(b, 0.9);
        Trial c = study.ask();
        study.tell(c, 0.6);
        Trial d = study.ask();
        d.report(5.0, 0); // a pruned trial's value does not count as the best
        study.tell(d, TrialState.PRUNED);
        Trial e = study.ask();
        study.fail(e, "boom");
        study.enqueue(Map.of("x", 1.0));

        StudySummary summary = Tune.studies().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        assertThat(summary.directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(summary.trials()).isEqualTo(6);
        assertThat(summary.countsByState()).containsEntry(TrialState.COMPLETE, 3)
                .containsEntry(TrialState.PRUNED, 1).containsEntry(TrialState.FAIL, 1)
                .containsEntry(TrialState.WAITING, 1);
        assertThat(summary.countsByState().getOrDefault(TrialState.RUNNING, 0)).isZero();
        assertThat(summary.bestValue()).hasValue(0.9);
        assertThat(summary.started()).isNotNull();
        assertThat(summary.userAttrs()).containsEntry("dataset", "iris");

        assertThat(Tune.studies("memory")).extracting(StudySummary::name).contains(name);
    }

    @Test
    void summariesOfMinimizeEmptyAndMultiObjectiveStudies() {
        String min = unique("summary-min");
        Study study = Tune.study().name(min).create();
        for (double v : new double[] {4, -2, 7}) {
            study.tell(study.ask(), v);
        }
        String empty = unique("summary-empty");
        Tune.study().name(empty).create();
        String multi = unique("summary-multi");
        Study mo = Tune.study().name(multi).directions(Direction.MINIMIZE, Direction.MAXIMIZE).create();
        mo.tell(mo.ask(), 1, 2);

        List<StudySummary> all = Tune.studies();
        StudySummary sMin = all.stream().filter(s -> s.name().equals(min)).findFirst().orElseThrow();
        StudySummary sEmpty = all.stream().filter(s -> s.name().equals(empty)).findFirst().orElseThrow();
        StudySummary sMulti = all.stream().filter(s -> s.name().equals(multi)).findFirst().orElseThrow();
        assertThat(sMin.bestValue()).hasValue(-2);
        assertThat(sEmpty.trials()).isZero();
        assertThat(sEmpty.bestValue()).isEmpty();
        assertThat(sEmpty.started()).isNull();
        assertThat(sMulti.bestValue()).isEmpty();
        assertThat(sMulti.countsByState()).containsEntry(TrialState.COMPLETE, 1);
    }

    @Test
    void deleteRemovesTheStudyAndItsTrials() {
        String name = unique("doomed");
        Study study = Tune.study().name(name).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        Tune.delete(name, "memory");
        assertThat(Tune.studies()).extracting(StudySummary::name).doesNotContain(name);
        assertThatThrownBy(() -> Tune.load(name)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(study::trials).isInstanceOf(NoSuchStudyException.class);
        // the name is free again
        assertThat(Tune.study().name(name).create().trials()).isEmpty();
    }

    @Test
    void deleteOfAnUnknownStudyFails() {
        assertThatThrownBy(() -> Tune.delete("never-" + UUID.randomUUID(), "memory"))
                .isInstanceOf(NoSuchStudyException.class).hasMessageContaining("never-");
    }

    @Test
    void copyToAnotherStoragePreservesEverything() {
        InMemoryStorage from = new InMemoryStorage();
        InMemoryStorage to = new InMemoryStorage();
        Study source = richStudy("rich", from);

        Study copy = Tune.copy("rich", from, to, "rich-copy");
        assertThat(copy.name()).isEqualTo("rich-copy");
        assertThat(copy.storage()).isSameAs(to);
        assertThat(to.studyNames()).containsExactly("rich-copy");
        assertThat(from.studyNames()).containsExactly("rich");
        assertSameContent(source, copy);
    }

    @Test
    void copyWithinTheSharedMemoryStorageUnderANewName() {
        String name = unique("orig");
        Study source = richStudy(name, Storages.memory());
        Study copy = Tune.copy(name, "memory", "memory", name + "-copy");
        assertThat(copy.id()).isNotEqualTo(source.id());
        assertSameContent(source, copy);
        // the copy is independent of its source: running the copy's waiting trial leaves the source's waiting
        copy.tell(copy.ask(), 0.1);
        copy.tell(copy.ask(), 0.2);
        assertThat(copy.trial(4).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(copy.trials()).hasSize(6);
        assertThat(source.trial(4).state()).isEqualTo(TrialState.WAITING);
        assertThat(source.trials()).hasSize(5);
    }

    private static void assertSameContent(Study source, Study copy) {
        assertThat(copy.directions()).isEqualTo(source.directions());
        assertThat(copy.userAttrs()).isEqualTo(source.userAttrs());
        assertThat(copy.systemAttrs()).isEqualTo(source.systemAttrs());
        List<FrozenTrial> a = source.trials();
        List<FrozenTrial> b = copy.trials();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            FrozenTrial s = a.get(i);
            FrozenTrial c = b.get(i);
            assertThat(c.number()).isEqualTo(s.number());
            assertThat(c.state()).isEqualTo(s.state());
            assertThat(c.values()).containsExactly(s.values());
            assertThat(c.params()).isEqualTo(s.params());
            assertThat(c.distributions()).isEqualTo(s.distributions());
            assertThat(c.userAttrs()).isEqualTo(s.userAttrs());
            assertThat(c.systemAttrs()).isEqualTo(s.systemAttrs());
            assertThat(c.intermediateValues()).isEqualTo(s.intermediateValues());
            assertThat(c.started()).isEqualTo(s.started());
            assertThat(c.completed()).isEqualTo(s.completed());
            assertThat(c.failReason()).isEqualTo(s.failReason());
        }
        // spot checks against what richStudy did, so that an empty copy of an empty source cannot pass
        assertThat(b).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.PRUNED,
                TrialState.FAIL, TrialState.COMPLETE, TrialState.WAITING);
        assertThat(b.get(0).intermediateValues()).containsEntry(0, 0.5).containsEntry(1, 0.7);
        assertThat(b.get(0).userAttrs()).containsEntry("note", "first");
        assertThat(b.get(0).params()).containsKeys("lr", "layers", "act");
        assertThat(b.get(1).value()).isCloseTo(0.1, within(0.0));
        assertThat(b.get(2).failReason()).contains("out of memory");
        assertThat(b.get(4).userAttrs()).containsEntry("why", "manual");
        assertThat(copy.userAttrs()).containsEntry("owner", "ada").containsEntry("tags", List.of("a", "b"));
        assertThat(copy.bestTrial().number()).isEqualTo(3);
    }

    @Test
    void aCopiedWaitingTrialRunsInTheCopy() {
        InMemoryStorage from = new InMemoryStorage();
        InMemoryStorage to = new InMemoryStorage();
        Study source = Tune.study().name("q").storage(from).create();
        source.enqueue(Map.of("x", 0.25));
        Study copy = Tune.copy("q", from, to, "q");
        copy.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        assertThat(copy.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(copy.trial(0).params()).containsEntry("x", 0.25);
        assertThat(source.trial(0).state()).isEqualTo(TrialState.WAITING);
    }

    @Test
    void copyRefusesAnUnknownSourceAndATakenTarget() {
        InMemoryStorage from = new InMemoryStorage();
        InMemoryStorage to = new InMemoryStorage();
        assertThatThrownBy(() -> Tune.copy("missing", from, to, "missing"))
                .isInstanceOf(NoSuchStudyException.class).hasMessageContaining("'missing'");
        Study s = Tune.study().name("s").storage(from).create();
        s.tell(s.ask(), 1.0);
        Tune.study().name("s").storage(to).create();
        assertThatThrownBy(() -> Tune.copy("s", from, to, "s"))
                .isInstanceOf(DuplicateStudyException.class).hasMessageContaining("'s'");
        assertThat(Tune.study().name("s").storage(to).load().trials()).isEmpty();
    }
}
