package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Heartbeat;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/** A trial whose worker stops sending heartbeats is failed by another worker and retried with its parameters. */
class HeartbeatTest {

    private static final Heartbeat BEAT = Heartbeat.every(Duration.ofMillis(300)).gracePeriod(Duration.ofSeconds(1))
            .retries(1);

    @TempDir
    Path dir;

    @Test
    void inMemory() throws Exception {
        deadWorkerIsFailedAndRetried(new InMemoryStorage());
    }

    @Test
    void inSqlite() throws Exception {
        Storage storage = Storages.open("sqlite:" + dir.resolve("beat.db"));
        try {
            deadWorkerIsFailedAndRetried(storage);
        } finally {
            storage.close();
        }
    }

    private static void deadWorkerIsFailedAndRetried(Storage storage) throws Exception {
        Study dying = Tune.study().name("beat").storage(storage).heartbeat(BEAT).create();
        Trial orphan = dying.ask();
        double x = orphan.suggestFloat("x", 0, 1);
        orphan.setUserAttr("owner", "dead worker");
        orphan.report(0.5, 0);
        storage.recordHeartbeats(List.of(orphan.id()));
        // The worker dies here: no more heartbeats, never told. Before the grace period nothing happens.
        Study survivor = Tune.study().name("beat").storage(storage).heartbeat(BEAT).load();
        assertThat(survivor.failStaleTrials()).isEmpty();
        Thread.sleep(2_500); // SQLite's clock has whole seconds: wait past the 1 s grace period for sure

        List<FrozenTrial> failed = survivor.failStaleTrials();
        assertThat(failed).singleElement().satisfies(t -> {
            assertThat(t.number()).isEqualTo(orphan.number());
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).get().asString().contains("stopped sending heartbeats");
        });
        assertThat(survivor.failStaleTrials()).as("each dead trial is failed once").isEmpty();
        FrozenTrial retry = survivor.trials(TrialState.WAITING).get(0);
        assertThat(retry.params()).containsEntry("x", x);
        assertThat(retry.userAttrs()).containsEntry("owner", "dead worker");
        assertThat(retry.systemAttrs()).containsEntry(Study.FAILED_TRIAL, orphan.number())
                .containsEntry(Study.RETRY_HISTORY, List.of(orphan.number()));

        survivor.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(2));
        List<FrozenTrial> trials = survivor.trials();
        assertThat(trials).hasSize(3);
        assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trials.get(1).value()).as("the retry runs the dead trial's parameters").isEqualTo(x);
        assertThat(trials).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
    }

    @Test
    void runningTrialsOfALiveRunKeepTheirHeartbeat() {
        Study study = Tune.study().storage(new InMemoryStorage()).heartbeat(BEAT).create();
        Study watcher = Tune.study().name(study.name()).storage(study.storage()).heartbeat(BEAT).load();
        study.optimize(t -> {
            Thread.sleep(2_500); // longer than the grace period: only the heartbeats keep the trial alive
            assertThat(watcher.failStaleTrials()).isEmpty();
            return t.suggestFloat("x", 0, 1);
        }, Run.trials(1));
        assertThat(study.trials()).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.COMPLETE);
    }

    /** Heartbeats flush trials inside a transaction while workers suggest new parameters: no deadlock. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void heartbeatsAndNewParametersDoNotDeadlock() {
        Storage storage = Storages.open("sqlite:" + dir.resolve("race.db"));
        try {
            Study study = Tune.study().name("race").storage(storage)
                    .heartbeat(new Heartbeat(Duration.ofMillis(1), Duration.ofHours(1), 0)).create();
            study.optimize(t -> {
                double sum = 0;
                for (int i = 0; i < 60; i++) {
                    sum += t.suggestFloat("p" + t.number() + "_" + i, 0, 1); // each name is new: a database check
                }
                return sum;
            }, Run.trials(40).jobs(2));
            assertThat(study.trials(TrialState.COMPLETE)).hasSize(40);
        } finally {
            storage.close();
        }
    }

    @Test
    void badSettingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Heartbeat.every(Duration.ZERO))
                .hasMessageContaining("interval must be positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Heartbeat.every(Duration.ofSeconds(5))
                .gracePeriod(Duration.ofSeconds(2))).hasMessageContaining("longer than the interval");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Heartbeat.every(Duration.ofSeconds(5)).retries(-1))
                .hasMessageContaining("max retries");
    }
}
