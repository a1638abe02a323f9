package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.FloatDistribution;

/**
 * Buffered trial writes are marked written only once their transaction has committed: a transaction that a
 * transient error (another process holding the lock) makes run again must write them again, not lose them.
 */
class AfterCommitTest {

    private DbConnection db;

    @BeforeEach
    void open() throws SQLException {
        db = new DbConnection(DriverManager.getConnection("jdbc:sqlite::memory:"), Dialect.SQLITE, "test database");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void actionsOfARetriedAttemptAreDroppedAndTheCommittedAttemptsRunOnce() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> ran = new ArrayList<>();
        String result = db.write(c -> {
            int attempt = attempts.incrementAndGet();
            db.afterCommit(() -> ran.add(attempt));
            if (attempt == 1) {
                throw new SQLException("[SQLITE_BUSY] database is locked", null, 5);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(ran).containsExactly(2);
    }

    @Test
    void aTransactionThatFailsRunsNoAction() {
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> db.write(c -> {
            db.afterCommit(() -> ran.add("after"));
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
        db.write(c -> null);

        assertThat(ran).isEmpty();
    }

    @Test
    void afterCommitOutsideATransactionIsAProgrammingError() {
        assertThatThrownBy(() -> db.afterCommit(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void markingWrittenKeepsWritesMadeAfterTheMarkDirty() {
        LiveTrial t = new LiveTrial(FrozenTrial.builder().id(1).number(0).state(TrialState.RUNNING)
                .started(Instant.now()).build(), 1);
        FloatDistribution d = new FloatDistribution(0, 1);
        t.dirtyParams.add(new LiveTrial.Param("x", 0.5, d));
        t.dirtyIntermediate.put(0, 1.0);
        t.dirtyUserAttrs.put("note", "a");
        Runnable written = t.markWritten();
        // meanwhile another thread buffers more: a new parameter, a new step, a new value for the same key
        t.dirtyParams.add(new LiveTrial.Param("y", 0.25, d));
        t.dirtyIntermediate.put(1, 2.0);
        t.dirtyUserAttrs.put("note", "b");

        assertThat(t.isDirty()).isTrue();
        written.run();

        assertThat(t.dirtyParams).extracting(LiveTrial.Param::name).containsExactly("y");
        assertThat(t.dirtyIntermediate).containsOnlyKeys(1);
        assertThat(t.dirtyUserAttrs).containsEntry("note", "b");
        t.markWritten().run();
        assertThat(t.isDirty()).isFalse();
    }
}
