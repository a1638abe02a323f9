package org.tunebook.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database connection shared by the threads of this JVM, and the transactions run on it. A transaction
 * that meets a lock conflict or a deadlock (another process writing) is rolled back and retried here, after
 * the database's own wait, so "database is locked" never reaches a user.
 */
final class DbConnection implements AutoCloseable {

    /** Milliseconds SQLite itself waits for a lock before reporting busy. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int MAX_ATTEMPTS = 30;

    /** A unit of work inside a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection raw;
    private final Connection connection;
    private final Dialect dialect;
    private final String where;
    private final ReentrantLock lock = new ReentrantLock();
    /** What the current attempt's work asked to do once it has committed; guarded by {@link #lock}. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    DbConnection(Connection connection, Dialect dialect, String where) {
        this.raw = connection;
        this.connection = StatementCache.wrap(connection);
        this.dialect = dialect;
        this.where = where;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in a write transaction, retrying on lock conflicts. */
    <T> T write(Work<T> work) {
        return inTransaction(true, work);
    }

    /** Runs {@code work} in a read transaction. */
    <T> T read(Work<T> work) {
        return inTransaction(false, work);
    }

    private <T> T inTransaction(boolean write, Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                boolean begun = false;
                afterCommit.clear();
                try {
                    dialect.begin(connection, write);
                    begun = true;
                    T result = work.run(connection);
                    dialect.commit(connection);
                    afterCommit.forEach(Runnable::run);
                    return result;
                } catch (SQLException e) {
                    if (begun) {
                        rollbackQuietly();
                    }
                    if (!dialect.isTransient(e) || attempt >= MAX_ATTEMPTS) {
                        throw new StorageException(describe(e), e);
                    }
                    backOff(attempt);
                } catch (RuntimeException | Error e) {
                    // A refusal from the work (a duplicate name, an unknown id, ...) must not leave the
                    // transaction open: every later transaction on this connection would fail.
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

    /**
     * Runs {@code action} once the transaction that is running now has committed, and never if it rolls back:
     * marking buffered writes as written inside the work would lose them when a transient error makes the
     * transaction run again. Only for the work of {@link #write} or {@link #read}, on their thread.
     */
    void afterCommit(Runnable action) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        afterCommit.add(action);
    }

    private String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (dialect.isTransient(e)) {
            return where + " stayed locked by another process for too long; is a process stuck? (" + message + ")";
        }
        if (message.contains("readonly") || message.contains("read-only") || message.contains("READONLY")) {
            return where + " is read-only; make the file and its directory writable (" + message + ")";
        }
        return "storage error on " + where + ": " + message;
    }

    private void rollbackQuietly() {
        try {
            dialect.rollback(connection);
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
            raw.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close " + where + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
