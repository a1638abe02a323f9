package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A new trial's transaction on PostgreSQL commits without waiting for the disk, and only that transaction: the
 * setting is local to it, so the finish that follows (and every other write) still waits, and in waiting makes
 * the earlier one durable too (the server writes its log in order).
 */
class PostgresCommitTest {

    @Test
    void theRelaxedCommitLastsOneTransaction() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshPostgres())) {
            Dialect.POSTGRESQL.configure(c);
            assertThat(synchronousCommit(c)).isEqualTo("on");
            c.commit();

            Dialect.POSTGRESQL.commitWithoutWaitingForDisk(c);
            assertThat(synchronousCommit(c)).isEqualTo("off");
            Dialect.POSTGRESQL.commit(c);

            assertThat(synchronousCommit(c)).as("the next transaction waits for the disk again").isEqualTo("on");
            c.rollback();
        }
    }

    @Test
    void otherDatabasesKeepTheirDurableCommit() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Dialect.SQLITE.commitWithoutWaitingForDisk(c); // no-op: no statement, no error outside a transaction
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private static String synchronousCommit(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
