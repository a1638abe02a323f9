package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * What every {@link Storage} must do, whatever keeps its data. An implementation's test extends this class
 * and says how to make a fresh, empty storage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class StorageContractTest {

    /** A new, empty storage; each test gets its own. */
    protected abstract Storage create();

    /** Trials each of 8 threads creates in the concurrency tests; slower storages may lower it. */
    protected int trialsPerThread() {
        return 100;
    }

    private static final int THREADS = 8;
    private static final FloatDistribution X = new FloatDistribution(0, 10);
    private static final IntDistribution N = new IntDistribution(1, 9, false, 2);
    private static final CategoricalDistribution C = new CategoricalDistribution(List.of("a", "b", "c"));
    private static final List<Direction> MIN = List.of(Direction.MINIMIZE);

    protected Storage storage;

    @BeforeEach
    void openStorage() {
        storage = create();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    // ---- studies ----

    @Test
    void aNewStorageIsEmpty() {
        assertThat(storage.studyNames()).isEmpty();
        assertThat(storage.findStudy("anything")).isEmpty();
        assertThat(storage.url()).isNotBlank();
    }

    @Test
    void createFindAndNameStudies() {
        int a = storage.createStudy("alpha", MIN);
        int b = storage.createStudy("beta", List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE));
        assertThat(a).isNotEqualTo(b);
        assertThat(storage.findStudy("alpha")).contains(a);
        assertThat(storage.findStudy("beta")).contains(b);
        assertThat(storage.findStudy("gamma")).isEmpty();
        assertThat(storage.studyNames()).containsExactly("alpha", "beta");
        assertThat(storage.studyName(a)).isEqualTo("alpha");
        assertThat(storage.studyDirections(a)).containsExactly(Direction.MINIMIZE);
        assertThat(storage.studyDirections(b)).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE,
                Direction.MAXIMIZE);
        assertThat(storage.trials(a)).isEmpty();
    }

    @Test
    void aDuplicateNameIsRefusedAndTheExistingStudyIsUntouched() {
        int a = storage.createStudy("dup", List.of(Direction.MAXIMIZE));
        storage.setStudyUserAttr(a, "k", "v");
        assertThatThrownBy(() -> storage.createStudy("dup", MIN))
                .isInstanceOf(DuplicateStudyException.class).hasMessageContaining("'dup'");
        assertThat(storage.studyNames()).containsExactly("dup");
        assertThat(storage.findStudy("dup")).contains(a);
        assertThat(storage.studyDirections(a)).containsExactly(Direction.MAXIMIZE);
        assertThat(storage.studyUserAttrs(a)).containsExactly(entry("k", "v"));
    }

    @Test
    void deletingAStudyRemovesItAndItsTrialsOnly() {
        int doomed = storage.createStudy("doomed", MIN);
        int kept = storage.createStudy("kept", MIN);
        long doomedTrial = storage.createTrial(doomed, null).id();
        storage.createTrial(kept, null);
        storage.deleteStudy(doomed);

        assertThat(storage.studyNames()).containsExactly("kept");
        assertThat(storage.findStudy("doomed")).isEmpty();
        assertThatThrownBy(() -> storage.studyName(doomed)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.trials(doomed)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.createTrial(doomed, null)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.studyUserAttrs(doomed)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.setStudyUserAttr(doomed, "k", 1)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.deleteStudy(doomed)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.trial(doomedTrial)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.trials(kept)).hasSize(1);

        // the name can be used again, for a new, empty study
        int again = storage.createStudy("doomed", List.of(Direction.MAXIMIZE));
        assertThat(storage.trials(again)).isEmpty();
        assertThat(storage.studyDirections(again)).containsExactly(Direction.MAXIMIZE);
        assertThat(storage.createTrial(again, null).number()).isZero();
    }

    @Test
    void unknownStudyIdsAreRefused() {
        assertThatThrownBy(() -> storage.studyName(12345)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.studyDirections(12345)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.trials(12345)).isInstanceOf(NoSuchStudyException.class);
        assertThatThrownBy(() -> storage.createTrial(12345, null)).isInstanceOf(NoSuchStudyException.class);
    }

    @Test
    void studyAttributesKeepJsonValues() {
        int s = storage.createStudy("attrs", MIN);
        int other = storage.createStudy("other", MIN);
        storage.setStudyUserAttr(s, "text", "hello, \"world\"");
        storage.setStudyUserAttr(s, "int", 42);
        storage.setStudyUserAttr(s, "float", 2.5);
        storage.setStudyUserAttr(s, "bool", true);
        storage.setStudyUserAttr(s, "none", null);
        storage.setStudyUserAttr(s, "list", List.of("a", 1, false));
        storage.setStudyUserAttr(s, "map", Map.of("k", List.of(1.5, "x")));
        storage.setStudyUserAttr(s, "int", 43); // overwrite
        storage.setStudySystemAttr(s, "sys", "internal");

        Map<String, Object> user = storage.studyUserAttrs(s);
        assertThat(user).hasSize(7).containsEntry("text", "hello, \"world\"").containsEntry("float", 2.5)
                .containsEntry("bool", true).containsEntry("none", null)
                .containsEntry("map", Map.of("k", List.of(1.5, "x")));
        assertThat(((Number) user.get("int")).longValue()).isEqualTo(43);
        List<?> list = (List<?>) user.get("list");
        assertThat(list).hasSize(3);
        assertThat(list.get(0)).isEqualTo("a");
        assertThat(((Number) list.get(1)).intValue()).isEqualTo(1);
        assertThat(list.get(2)).isEqualTo(false);
        assertThat(user).doesNotContainKey("sys");
        assertThat(storage.studySystemAttrs(s)).containsEntry("sys", "internal").doesNotContainKey("text");
        assertThat(storage.studyUserAttrs(other)).isEmpty();
        assertThat(storage.studySystemAttrs(other)).isEmpty();
    }

    // ---- sequences ----

    @Test
    void sequencesCountFromZeroPerStudyAndKey() {
        int s = storage.createStudy("seq", MIN);
        int t = storage.createStudy("seq2", MIN);
        assertThat(storage.nextSequenceValue(s, "a")).isZero();
        assertThat(storage.nextSequenceValue(s, "a")).isEqualTo(1);
        assertThat(storage.nextSequenceValue(s, "b")).isZero();
        assertThat(storage.nextSequenceValue(s, "a")).isEqualTo(2);
        assertThat(storage.nextSequenceValue(t, "a")).isZero();
    }

    @Test
    void sequencesAreAtomicUnderThreads() throws Exception {
        int s = storage.createStudy("seq", MIN);
        int perThread = trialsPerThread() * 2;
        List<List<Long>> results = inThreads(() -> {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                values.add(storage.nextSequenceValue(s, "grid"));
            }
            return values;
        });
        List<Long> all = new ArrayList<>();
        results.forEach(all::addAll);
        Collections.sort(all);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < (long) THREADS * perThread; i++) {
            expected.add(i);
        }
        assertThat(all).isEqualTo(expected);
        assertThat(storage.nextSequenceValue(s, "grid")).isEqualTo((long) THREADS * perThread);
    }

    // ---- trials ----

    @Test
    void aTrialWithoutTemplateIsRunningAndEmpty() {
        int s = storage.createStudy("s", MIN);
        Instant before = Instant.now().minusSeconds(1);
        FrozenTrial t = storage.createTrial(s, null);
        assertThat(t.number()).isZero();
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t.started()).isAfter(before);
        assertThat(t.completed()).isNull();
        assertThat(t.hasValue()).isFalse();
        assertThat(t.params()).isEmpty();
        assertThat(t.userAttrs()).isEmpty();
        assertThat(t.intermediateValues()).isEmpty();
        assertThat(storage.createTrial(s, null).number()).isEqualTo(1);
        assertThat(storage.trial(t.id()).number()).isZero();
        assertThat(storage.trialId(s, 0)).isEqualTo(t.id());
    }

    @Test
    void aTrialFromATemplateKeepsEverythingButItsNumberAndId() {
        int s = storage.createStudy("s", MIN);
        storage.createTrial(s, null);
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        FrozenTrial template = FrozenTrial.builder().id(777).number(55).state(TrialState.COMPLETE).value(0.25)
                .started(start).completed(start.plusSeconds(90))
                .param("x", 2.5, X).param("n", 7, N).param("c", "b", C)
                .userAttr("u", "user").systemAttr("s", List.of(1, 2))
                .intermediateValue(0, 3.0).intermediateValue(4, 1.0).build();
        FrozenTrial t = storage.createTrial(s, template);
        assertThat(t.number()).isEqualTo(1);
        assertThat(t.id()).isNotEqualTo(777);
        FrozenTrial read = storage.trial(t.id());
        for (FrozenTrial f : List.of(t, read)) {
            assertThat(f.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(f.value()).isEqualTo(0.25);
            assertThat(f.started()).isEqualTo(start);
            assertThat(f.completed()).isEqualTo(start.plusSeconds(90));
            assertThat(f.params()).containsExactly(entry("x", 2.5), entry("n", 7), entry("c", "b"));
            assertThat(f.distributions()).containsEntry("x", X).containsEntry("n", N).containsEntry("c", C);
            assertThat(f.userAttrs()).containsExactly(entry("u", "user"));
            assertThat(f.systemAttrs()).containsKey("s");
            assertThat(f.intermediateValues()).containsExactly(entry(0, 3.0), entry(4, 1.0));
        }
    }

    @Test
    void multiObjectiveValuesAndMissingValuesAreKept() {
        int s = storage.createStudy("mo", List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        FrozenTrial complete = storage.createTrial(s, FrozenTrial.builder().values(1.5, -2).build());
        FrozenTrial failed = storage.createTrial(s, FrozenTrial.builder().state(TrialState.FAIL).build());
        assertThat(storage.trial(complete.id()).values()).containsExactly(1.5, -2);
        assertThat(storage.trial(failed.id()).hasValue()).isFalse();
    }

    @Test
    void trialsAreNumberedWithoutGapsUnderThreads() throws Exception {
        int s = storage.createStudy("busy", MIN);
        int other = storage.createStudy("other", MIN);
        int perThread = trialsPerThread();
        List<List<Integer>> results = inThreads(() -> {
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                numbers.add(storage.createTrial(s, null).number());
                if (i % 10 == 0) {
                    storage.createTrial(other, null); // another study's trials do not use this study's numbers
                }
            }
            return numbers;
        });
        int total = THREADS * perThread;
        Set<Integer> all = new HashSet<>();
        results.forEach(all::addAll);
        assertThat(all).hasSize(total);
        assertThat(Collections.min(all)).isZero();
        assertThat(Collections.max(all)).isEqualTo(total - 1);
        List<FrozenTrial> stored = storage.trials(s);
        assertThat(stored).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(stored.get(i).number()).isEqualTo(i);
        }
        List<FrozenTrial> otherTrials = storage.trials(other);
        for (int i = 0; i < otherTrials.size(); i++) {
            assertThat(otherTrials.get(i).number()).isEqualTo(i);
        }
        assertThat(stored.stream().map(FrozenTrial::id).distinct().count()).isEqualTo(total);
    }

    @Test
    void waitingTrialsAreClaimedOldestFirst() {
        int s = storage.createStudy("queue", MIN);
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
        storage.createTrial(s, null); // a RUNNING trial is not claimable
        FrozenTrial w1 = storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING)
                .systemAttr("fixed_params", Map.of("x", 1.0)).build());
        FrozenTrial w2 = storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build());
        assertThat(w1.state()).isEqualTo(TrialState.WAITING);
        assertThat(w1.started()).isNull();

        Optional<FrozenTrial> first = storage.claimWaitingTrial(s);
        assertThat(first).isPresent();
        assertThat(first.get().id()).isEqualTo(w1.id());
        assertThat(first.get().number()).isEqualTo(1);
        assertThat(first.get().state()).isEqualTo(TrialState.RUNNING);
        assertThat(first.get().started()).isNotNull();
        assertThat(first.get().systemAttrs()).containsKey("fixed_params");
        assertThat(storage.trial(w1.id()).state()).isEqualTo(TrialState.RUNNING);
        assertThat(storage.claimWaitingTrial(s).map(FrozenTrial::id)).contains(w2.id());
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
    }

    @Test
    void eachWaitingTrialIsClaimedByExactlyOneThread() throws Exception {
        int s = storage.createStudy("queue", MIN);
        int waiting = trialsPerThread() * 2;
        for (int i = 0; i < waiting; i++) {
            storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build());
        }
        List<List<Long>> results = inThreads(() -> {
            List<Long> claimed = new ArrayList<>();
            for (Optional<FrozenTrial> t = storage.claimWaitingTrial(s); t.isPresent(); t = storage.claimWaitingTrial(s)) {
                claimed.add(t.get().id());
            }
            return claimed;
        });
        List<Long> all = new ArrayList<>();
        results.forEach(all::addAll);
        assertThat(all).hasSize(waiting).doesNotHaveDuplicates();
        assertThat(storage.trialCount(s, EnumSet.of(TrialState.WAITING))).isZero();
        assertThat(storage.trialCount(s, EnumSet.of(TrialState.RUNNING))).isEqualTo(waiting);
    }

    @Test
    void claimOrCreateRunsWaitingTrialsOldestFirstThenNewOnes() {
        int s = storage.createStudy("queue", MIN);
        FrozenTrial first = storage.claimOrCreateTrial(s);
        assertThat(first.number()).isZero();
        assertThat(first.state()).isEqualTo(TrialState.RUNNING);
        FrozenTrial w1 = storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING)
                .systemAttr("fixed_params", Map.of("x", 1.0)).build());
        FrozenTrial w2 = storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build());

        FrozenTrial claimed = storage.claimOrCreateTrial(s);
        assertThat(claimed.id()).isEqualTo(w1.id());
        assertThat(claimed.number()).isEqualTo(1);
        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        assertThat(claimed.started()).isNotNull();
        assertThat(claimed.systemAttrs()).containsKey("fixed_params");
        storage.finishTrial(claimed.id(), TrialState.COMPLETE, new double[] {1});
        FrozenTrial w3 = storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build());
        assertThat(storage.claimOrCreateTrial(s).id()).isEqualTo(w2.id());
        assertThat(storage.claimOrCreateTrial(s).id()).isEqualTo(w3.id());
        FrozenTrial fresh = storage.claimOrCreateTrial(s);
        assertThat(fresh.number()).isEqualTo(4);
        assertThat(fresh.params()).isEmpty();
        assertThat(storage.trialCount(s, EnumSet.of(TrialState.WAITING))).isZero();
        assertThat(numbers(storage.trials(s))).containsExactly(0, 1, 2, 3, 4);
        storage.setTrialParam(fresh.id(), "x", 2.5, X); // a new trial is this storage's to write, as a created one
        assertThat(storage.trial(fresh.id()).params()).containsEntry("x", 2.5);
    }

    @Test
    void claimOrCreateUnderThreadsClaimsEachWaitingTrialOnceAndNumbersTheRestWithoutGaps() throws Exception {
        int s = storage.createStudy("queue", MIN);
        int perThread = trialsPerThread();
        int waiting = perThread * 2;
        Set<Long> enqueued = new HashSet<>();
        for (int i = 0; i < waiting / 2; i++) {
            enqueued.add(storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build()).id());
        }
        List<List<FrozenTrial>> results = inThreads(() -> {
            List<FrozenTrial> got = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                got.add(storage.claimOrCreateTrial(s));
                if (i % 8 == 0) {
                    // more trials are enqueued while others are claimed and created
                    synchronized (enqueued) {
                        enqueued.add(storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build()).id());
                    }
                }
            }
            return got;
        });
        List<FrozenTrial> got = new ArrayList<>();
        results.forEach(got::addAll);
        assertThat(got).extracting(FrozenTrial::id).doesNotHaveDuplicates();
        assertThat(got).allMatch(t -> t.state() == TrialState.RUNNING);
        List<FrozenTrial> stored = storage.trials(s);
        assertThat(numbers(stored)).isEqualTo(java.util.stream.IntStream.range(0, stored.size()).boxed().toList());
        long stillWaiting = storage.trialCount(s, EnumSet.of(TrialState.WAITING));
        long claimedWaiting = got.stream().filter(t -> enqueued.contains(t.id())).count();
        assertThat(claimedWaiting + stillWaiting).isEqualTo(enqueued.size());
        assertThat(stored).hasSize(got.size() + (int) stillWaiting);
        // Each claim took the oldest WAITING trial, so whatever is still WAITING came after every claimed one.
        long lastClaimed = got.stream().filter(t -> enqueued.contains(t.id())).mapToLong(FrozenTrial::id).max().orElse(-1);
        assertThat(stored).filteredOn(t -> t.state() == TrialState.WAITING).allMatch(t -> t.id() > lastClaimed);
    }

    @Test
    void parametersIntermediateValuesAndAttributesOfARunningTrial() {
        int s = storage.createStudy("s", MIN);
        long id = storage.createTrial(s, null).id();
        storage.setTrialParam(id, "x", 2.5, X);
        storage.setTrialParam(id, "n", 5, N);
        storage.setTrialParam(id, "c", 2, C); // internal value: the index of "c"
        storage.setTrialIntermediateValue(id, 0, 0.9);
        storage.setTrialIntermediateValue(id, 3, 0.4);
        storage.setTrialUserAttr(id, "note", "hi");
        storage.setTrialSystemAttr(id, "sys", 1);
        FrozenTrial t = storage.trial(id);
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t.params()).containsExactly(entry("x", 2.5), entry("n", 5), entry("c", "c"));
        assertThat(t.distributions()).containsEntry("c", C);
        assertThat(t.internalParam("c")).isEqualTo(2.0);
        assertThat(t.intermediateValues()).containsExactly(entry(0, 0.9), entry(3, 0.4));
        assertThat(t.userAttrs()).containsExactly(entry("note", "hi"));
        assertThat(((Number) t.systemAttrs().get("sys")).intValue()).isEqualTo(1);
    }

    @Test
    void aParameterMustKeepItsKindAcrossTrials() {
        int s = storage.createStudy("s", MIN);
        long first = storage.createTrial(s, null).id();
        storage.setTrialParam(first, "x", 2.5, X);
        storage.setTrialParam(first, "c", 0, C);
        long second = storage.createTrial(s, null).id();
        // another range of the same kind is fine
        storage.setTrialParam(second, "x", 50, new FloatDistribution(0, 100));
        assertThatThrownBy(() -> storage.setTrialParam(second, "c", 1, new CategoricalDistribution(List.of("a", "z"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> storage.setTrialParam(second, "c", 1, new IntDistribution(0, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> storage.createTrial(s, FrozenTrial.builder().value(1)
                .param("x", 1, new IntDistribution(0, 10)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThat(storage.trial(second).params()).containsOnlyKeys("x");
        // another study may use the name differently
        int t = storage.createStudy("t", MIN);
        long elsewhere = storage.createTrial(t, null).id();
        storage.setTrialParam(elsewhere, "c", 3, new IntDistribution(0, 3));
        assertThat(storage.trial(elsewhere).params()).containsEntry("c", 3);
    }

    @Test
    void finishingATrialOnceOnly() {
        int s = storage.createStudy("s", MIN);
        long id = storage.createTrial(s, null).id();
        storage.setTrialIntermediateValue(id, 0, 0.5);
        assertThat(storage.finishTrial(id, TrialState.COMPLETE, new double[] {0.7})).isTrue();
        FrozenTrial done = storage.trial(id);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.value()).isEqualTo(0.7);
        assertThat(done.completed()).isNotNull();
        assertThat(done.completed()).isAfterOrEqualTo(done.started().truncatedTo(ChronoUnit.MILLIS));

        assertThat(storage.finishTrial(id, TrialState.FAIL, null)).isFalse();
        assertThat(storage.trial(id).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(storage.trial(id).value()).isEqualTo(0.7);

        assertThatThrownBy(() -> storage.setTrialParam(id, "x", 1, X)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.setTrialIntermediateValue(id, 1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.setTrialUserAttr(id, "k", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.setTrialSystemAttr(id, "k", 1)).isInstanceOf(IllegalStateException.class);
        assertThat(storage.trial(id).intermediateValues()).containsExactly(entry(0, 0.5));
    }

    @Test
    void finishingWithEachFinalState() {
        int s = storage.createStudy("s", MIN);
        long pruned = storage.createTrial(s, null).id();
        long failed = storage.createTrial(s, null).id();
        assertThat(storage.finishTrial(pruned, TrialState.PRUNED, new double[] {3})).isTrue();
        assertThat(storage.finishTrial(failed, TrialState.FAIL, null)).isTrue();
        assertThat(storage.trial(pruned).state()).isEqualTo(TrialState.PRUNED);
        assertThat(storage.trial(pruned).value()).isEqualTo(3);
        assertThat(storage.trial(failed).state()).isEqualTo(TrialState.FAIL);
        assertThat(storage.trial(failed).hasValue()).isFalse();
        long running = storage.createTrial(s, null).id();
        assertThatThrownBy(() -> storage.finishTrial(running, TrialState.RUNNING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.finishTrial(running, TrialState.WAITING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.trial(running).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void onlyOneOfManyThreadsFinishesATrial() throws Exception {
        int s = storage.createStudy("s", MIN);
        long id = storage.createTrial(s, null).id();
        List<Boolean> results = inThreads(() -> storage.finishTrial(id, TrialState.COMPLETE, new double[] {1}));
        assertThat(results).containsOnlyOnce(true);
        assertThat(results.stream().filter(b -> !b).count()).isEqualTo(THREADS - 1);
    }

    @Test
    void trialsAreFilteredByState() {
        int s = storage.createStudy("s", MIN);
        long complete = storage.createTrial(s, null).id();
        storage.finishTrial(complete, TrialState.COMPLETE, new double[] {1});
        long pruned = storage.createTrial(s, null).id();
        storage.finishTrial(pruned, TrialState.PRUNED, null);
        long failed = storage.createTrial(s, null).id();
        storage.finishTrial(failed, TrialState.FAIL, null);
        storage.createTrial(s, null); // RUNNING
        storage.createTrial(s, FrozenTrial.builder().state(TrialState.WAITING).build());
        storage.createTrial(s, FrozenTrial.builder().value(2).build()); // COMPLETE from a template

        assertThat(numbers(storage.trials(s))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(numbers(storage.trials(s, EnumSet.of(TrialState.COMPLETE)))).containsExactly(0, 5);
        assertThat(numbers(storage.trials(s, EnumSet.of(TrialState.PRUNED, TrialState.FAIL)))).containsExactly(1, 2);
        assertThat(numbers(storage.trials(s, EnumSet.of(TrialState.RUNNING)))).containsExactly(3);
        assertThat(numbers(storage.trials(s, EnumSet.of(TrialState.WAITING)))).containsExactly(4);
        assertThat(storage.trials(s, EnumSet.noneOf(TrialState.class))).isEmpty();
        assertThat(storage.trialCount(s, EnumSet.of(TrialState.COMPLETE))).isEqualTo(2);
        assertThat(storage.trialCount(s, EnumSet.allOf(TrialState.class))).isEqualTo(6);
        assertThat(storage.trialId(s, 2)).isEqualTo(failed);
        assertThatThrownBy(() -> storage.trialId(s, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6");
    }

    @Test
    void snapshotsDoNotChangeAfterwards() {
        int s = storage.createStudy("s", MIN);
        long id = storage.createTrial(s, null).id();
        storage.setTrialUserAttr(id, "a", 1);
        FrozenTrial before = storage.trial(id);
        storage.setTrialUserAttr(id, "b", 2);
        storage.setTrialIntermediateValue(id, 0, 1.0);
        assertThat(before.userAttrs()).containsOnlyKeys("a");
        assertThat(before.intermediateValues()).isEmpty();
        assertThat(storage.trial(id).userAttrs()).containsOnlyKeys("a", "b");
    }

    @Test
    void unknownTrialIdsAreRefused() {
        assertThatThrownBy(() -> storage.trial(987654)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.setTrialParam(987654, "x", 1, X)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.finishTrial(987654, TrialState.COMPLETE, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> numbers(List<FrozenTrial> trials) {
        return trials.stream().map(FrozenTrial::number).toList();
    }

    /** Runs {@code task} in 8 threads released together and returns their results. */
    private static <T> List<T> inThreads(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(100, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
