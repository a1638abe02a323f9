package org.tunebook.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection shared by the threads of this JVM, and the transactions run on it. Writers take
 * SQLite's write lock at once ({@code BEGIN IMMEDIATE}), so a transaction never fails half-way on a lock
 * upgrade; a busy database (another process writing) is waited for by SQLite's busy timeout and then retried
 * here, so "database is locked" never reaches a user.
 */
final class SqliteConnection implements AutoCloseable {

    /** Milliseconds SQLite itself waits for a lock before reporting busy. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int MAX_ATTEMPTS = 30;

    /** A unit of work inside a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final String where;
    private final ReentrantLock lock = new ReentrantLock();

    SqliteConnection(Connection connection, String where) {
        this.connection = StatementCache.wrap(connection);
        this.where = where;
    }

    Connection raw() {
        return connection;
    }

    /** Runs {@code work} in a write transaction, retrying when the database is busy. */
    <T> T write(Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in a read transaction (a consistent snapshot of the database). */
    <T> T read(Work<T> work) {
        return inTransaction("BEGIN", work);
    }

    private <T> T inTransaction(String begin, Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                boolean begun = false;
                try (Statement st = connection.createStatement()) {
                    st.execute(begin);
                    begun = true;
                    T result = work.run(connection);
                    st.execute("COMMIT");
                    return result;
                } catch (SQLException e) {
                    if (begun) {
                        rollbackQuietly();
                    }
                    if (!isBusy(e) || attempt >= MAX_ATTEMPTS) {
                        throw new StorageException(describe(e), e);
                    }
                    backOff(attempt);
                } catch (RuntimeException | Error e) {
                    // a refusal from the work (a duplicate name, an unknown id, ...) must not leave the
                    // transaction open: every later BEGIN on this connection would fail
                    if (begun) {
                        rollbackQuietly();
                    }
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (isBusy(e)) {
            return where + " stayed locked by another process for too long; is a process stuck? (" + message + ")";
        }
        if (message.contains("readonly") || message.contains("read-only") || message.contains("READONLY")) {
            return where + " is read-only; make the file and its directory writable (" + message + ")";
        }
        return "storage error on " + where + ": " + message;
    }

    static boolean isBusy(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == 5 || e.getErrorCode() == 6 || message.contains("SQLITE_BUSY")
                || message.contains("SQLITE_LOCKED") || message.contains("database is locked");
    }

    private void rollbackQuietly() {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The transaction may already be gone (SQLite rolls back on some errors); nothing is left to undo.
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L + 20L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a locked database", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close " + where + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
