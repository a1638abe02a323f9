package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * Two storage objects on one database, as two processes would have: each remembers where a study's trials end
 * (so as not to read them all for each new trial), and must still see every trial the other one adds, enqueues,
 * claims or deletes. SQLite is tried in both Optuna layouts, since only the newer one indexes trials by study.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SharedDatabaseTest {

    private static final List<Direction> MIN = List.of(Direction.MINIMIZE);
    private static final FrozenTrial WAITING = FrozenTrial.builder().state(TrialState.WAITING).build();

    @TempDir
    Path dir;

    private final List<Storage> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Storage::close);
    }

    /** Two storage objects (not the one {@link Storages#open} shares) on a new database of this kind. */
    private Storage[] twoStorages(String database) {
        String url = switch (database) {
            case "SQLite", "SQLite v3.0.0.d" -> "sqlite:" + dir.resolve("shared.db");
            case "PostgreSQL" -> TestDatabases.freshPostgres();
            default -> TestDatabases.freshMariaDb();
        };
        String revision = database.equals("SQLite v3.0.0.d") ? Schema.V3_0 : Schema.CURRENT;
        Storage[] both = new Storage[2];
        for (int i = 0; i < 2; i++) {
            both[i] = url.startsWith("sqlite:") ? JdbcStorage.openSqlite(url, dir.resolve("shared.db"), revision)
                    : JdbcStorage.openServer(url, url, revision);
            opened.add(both[i]);
        }
        return both;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "SQLite v3.0.0.d", "PostgreSQL", "MariaDB"})
    void storageObjectsTakingTurnsNumberAfterAndClaimEachOthersTrials(String database) {
        Storage[] s = twoStorages(database);
        Storage a = s[0];
        Storage b = s[1];
        int study = a.createStudy("turns", MIN);
        assertThat(a.claimOrCreateTrial(study).number()).isZero();
        assertThat(a.claimOrCreateTrial(study).number()).isEqualTo(1);
        assertThat(b.createTrial(study, null).number()).isEqualTo(2);
        FrozenTrial enqueuedByB = b.createTrial(study, WAITING);
        assertThat(enqueuedByB.number()).isEqualTo(3);

        assertThat(a.claimOrCreateTrial(study).id()).as("a claims what b enqueued").isEqualTo(enqueuedByB.id());
        assertThat(a.claimOrCreateTrial(study).number()).isEqualTo(4);
        assertThat(b.claimOrCreateTrial(study).number()).as("b does not claim its trial again").isEqualTo(5);
        assertThat(a.claimWaitingTrial(study)).isEmpty();
        FrozenTrial second = b.createTrial(study, WAITING);
        FrozenTrial third = b.createTrial(study, WAITING);
        assertThat(a.claimWaitingTrial(study).map(FrozenTrial::id)).contains(second.id());
        assertThat(b.claimOrCreateTrial(study).id()).isEqualTo(third.id());
        assertThat(a.claimOrCreateTrial(study).number()).isEqualTo(8);

        assertThat(b.trials(study)).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(b.trialCount(study, EnumSet.of(TrialState.WAITING))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "SQLite v3.0.0.d", "PostgreSQL", "MariaDB"})
    void aStudyDeletedAndMadeAgainByAnotherObjectIsNumberedFromItsOwnTrials(String database) {
        Storage[] s = twoStorages(database);
        Storage a = s[0];
        Storage b = s[1];
        int old = a.createStudy("again", MIN);
        for (int i = 0; i < 3; i++) {
            a.claimOrCreateTrial(old);
        }
        b.deleteStudy(old);
        int made = b.createStudy("again", MIN); // SQLite gives it the deleted study's id
        assertThat(b.createTrial(made, null).number()).isZero();
        assertThat(a.claimOrCreateTrial(made).number()).isEqualTo(1);
        assertThat(a.createTrial(made, null).number()).isEqualTo(2);
        assertThat(b.trials(made)).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "SQLite v3.0.0.d", "PostgreSQL", "MariaDB"})
    void threadsOfTwoStorageObjectsClaimEachWaitingTrialOnceAndNumberWithoutGaps(String database)
            throws Exception {
        Storage[] s = twoStorages(database);
        int study = s[0].createStudy("busy", MIN);
        int other = s[0].createStudy("other", MIN);
        int threads = 6;
        int perThread = 20;
        Set<Long> enqueued = java.util.Collections.synchronizedSet(new HashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<FrozenTrial> got = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<FrozenTrial>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Storage storage = s[t % 2];
                futures.add(pool.submit(() -> {
                    start.await();
                    List<FrozenTrial> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        if (i % 3 == 0) {
                            enqueued.add(storage.createTrial(study, WAITING).id());
                        }
                        if (i % 5 == 0) {
                            storage.createTrial(other, null); // another study's trials take ids in between
                        }
                        mine.add(storage.claimOrCreateTrial(study));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<FrozenTrial>> f : futures) {
                got.addAll(f.get(150, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(got).extracting(FrozenTrial::id).doesNotHaveDuplicates();
        List<FrozenTrial> stored = s[1].trials(study);
        assertThat(stored).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, stored.size()).boxed().toList());
        long claimed = got.stream().filter(t -> enqueued.contains(t.id())).count();
        int stillWaiting = s[1].trialCount(study, EnumSet.of(TrialState.WAITING));
        assertThat(claimed + stillWaiting).isEqualTo(enqueued.size());
        assertThat(stored).hasSize(got.size() + stillWaiting);
        assertThat(s[0].trials(other)).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, threads * 4).boxed().toList());
    }

    /**
     * A storage object that did not write a study reads it from the database; above a few hundred trials it
     * reads whole tables for the study at once, and then each parameter's distribution once when it has only
     * one. A parameter whose range changed between trials must keep each trial's own distribution.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "SQLite v3.0.0.d", "PostgreSQL", "MariaDB"})
    void aLargeStudyReadsBackAsWritten(String database) {
        Storage[] s = twoStorages(database);
        Storage writer = s[0];
        Storage reader = s[1];
        FloatDistribution x = new FloatDistribution(0, 10);
        CategoricalDistribution c = new CategoricalDistribution(List.of("a", "b"));
        for (String name : List.of("fixed", "changing")) {
            int study = writer.createStudy(name, MIN);
            List<FrozenTrial> written = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                IntDistribution n = new IntDistribution(0, name.equals("changing") && i >= 200 ? 20 : 10, false, 1);
                FrozenTrial.Builder b = FrozenTrial.builder().state(i % 7 == 0 ? TrialState.FAIL : TrialState.COMPLETE)
                        .param("x", i / 50.0, x).param("n", i % 11 == 10 && n.high() < 20 ? 9 : i % 11, n)
                        .param("c", i % 2 == 0 ? "a" : "b", c).userAttr("i", i);
                if (i % 7 != 0) {
                    b.values(new double[] {i * 0.5}).intermediateValue(0, i);
                }
                written.add(writer.createTrial(study, b.build()));
            }
            List<FrozenTrial> read = reader.trials(study);
            assertThat(read).hasSize(written.size());
            for (int i = 0; i < read.size(); i++) {
                FrozenTrial w = written.get(i);
                FrozenTrial r = read.get(i);
                String what = name + " trial " + i;
                assertThat(r.number()).as(what).isEqualTo(i);
                assertThat(r.state()).as(what).isEqualTo(w.state());
                assertThat(r.params()).as(what).isEqualTo(w.params());
                assertThat(r.distributions()).as(what).isEqualTo(w.distributions());
                assertThat(r.hasValue()).as(what).isEqualTo(w.hasValue());
                if (w.hasValue()) {
                    assertThat(r.values()).as(what).containsExactly(w.values());
                }
                assertThat(r.intermediateValues()).as(what).isEqualTo(w.intermediateValues());
                assertThat(r.userAttrs()).as(what).isEqualTo(w.userAttrs());
            }
            assertThat(read.get(300).distributions().get("n")).isEqualTo(
                    new IntDistribution(0, name.equals("changing") ? 20 : 10, false, 1));
        }
    }
}
