package org.tunebook.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What differs between the databases that hold Optuna's schema: transactions and locks, upserts, the
 * heartbeat clock, the DDL SQLAlchemy emits for each, and which errors are worth a retry. All SQL quotes the
 * {@code key} column as {@code "key"}: MySQL sessions are put in ANSI_QUOTES mode for that.
 */
enum Dialect {

    SQLITE {
        @Override
        void configure(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
            }
        }

        @Override
        void begin(Connection c, boolean write) throws SQLException {
            // Writers take the write lock at once, so a transaction never fails half-way on a lock upgrade.
            // Prepared (and so, through the StatementCache, compiled once), as is every statement of a trial.
            executePrepared(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
        }

        @Override
        void commit(Connection c) throws SQLException {
            executePrepared(c, "COMMIT");
        }

        @Override
        void rollback(Connection c) throws SQLException {
            executePrepared(c, "ROLLBACK");
        }

        @Override
        String lockClause() {
            return ""; // BEGIN IMMEDIATE already holds the database's only write lock
        }

        @Override
        String staleHeartbeat() {
            return "h.heartbeat < datetime('now', ?)";
        }

        @Override
        Object staleHeartbeatParameter(Duration grace) {
            return "-" + grace.toMillis() / 1000.0 + " seconds";
        }

        @Override
        boolean isTransient(SQLException e) {
            String message = String.valueOf(e.getMessage());
            return e.getErrorCode() == 5 || e.getErrorCode() == 6 || message.contains("SQLITE_BUSY")
                    || message.contains("SQLITE_LOCKED") || message.contains("database is locked");
        }

        @Override
        List<String> ddl() {
            return Schema.ddl(new Schema.Types() {
                public String id() {
                    return "INTEGER NOT NULL";
                }

                public String real() {
                    return "FLOAT";
                }

                public String time() {
                    return "DATETIME";
                }

                public String enumType(String name, String... values) {
                    // SQLAlchemy's non-native enum: a VARCHAR as long as the longest value.
                    return "VARCHAR(" + java.util.Arrays.stream(values).mapToInt(String::length).max().orElse(1) + ")";
                }
            });
        }
    },

    POSTGRESQL {
        @Override
        void configure(Connection c) throws SQLException {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }

        @Override
        void commitWithoutWaitingForDisk(Connection c) throws SQLException {
            executePrepared(c, "SET LOCAL synchronous_commit TO OFF");
        }

        @Override
        String staleHeartbeat() {
            return "h.heartbeat < LOCALTIMESTAMP - CAST(? AS INTERVAL)";
        }

        @Override
        Object staleHeartbeatParameter(Duration grace) {
            return grace.toMillis() + " milliseconds";
        }

        @Override
        String now() {
            return "LOCALTIMESTAMP";
        }

        @Override
        boolean isTransient(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            return state.equals("40001") || state.equals("40P01") || state.equals("55P03");
        }

        @Override
        Set<String> tables(Connection c) throws SQLException {
            return tables(c, null, c.getSchema());
        }

        @Override
        List<String> ddl() {
            List<String> ddl = new java.util.ArrayList<>(List.of(
                    "CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')",
                    "CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')",
                    "CREATE TYPE trialvaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG')",
                    "CREATE TYPE trialintermediatevaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG', 'NAN')"));
            ddl.addAll(Schema.ddl(new Schema.Types() {
                public String id() {
                    return "SERIAL NOT NULL";
                }

                public String real() {
                    return "FLOAT(53)";
                }

                public String time() {
                    return "TIMESTAMP WITHOUT TIME ZONE";
                }

                public String enumType(String name, String... values) {
                    return name;
                }
            }));
            return ddl;
        }
    },

    MYSQL {
        @Override
        void configure(Connection c) throws SQLException {
            execute(c, "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',ANSI_QUOTES')");
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }

        @Override
        String upsert(String conflictColumns, String column) {
            return " ON DUPLICATE KEY UPDATE " + column + " = VALUES(" + column + ")";
        }

        /** MySQL has no INSERT … RETURNING (MariaDB has, since 10.5): the driver's generated keys instead. */
        @Override
        PreparedStatement prepareInsert(Connection c, String insert, String idColumn) throws SQLException {
            return c.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS);
        }

        @Override
        long insertedId(PreparedStatement ps) throws SQLException {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return firstLong(keys);
            }
        }

        @Override
        String staleHeartbeat() {
            return "h.heartbeat < CURRENT_TIMESTAMP - INTERVAL ? SECOND";
        }

        @Override
        Object staleHeartbeatParameter(Duration grace) {
            return Math.max(1, (grace.toMillis() + 999) / 1000);
        }

        @Override
        boolean isTransient(SQLException e) {
            return e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || "40001".equals(e.getSQLState());
        }

        @Override
        Set<String> tables(Connection c) throws SQLException {
            return tables(c, c.getCatalog(), null);
        }

        @Override
        List<String> ddl() {
            return Schema.ddl(new Schema.Types() {
                public String id() {
                    return "INTEGER NOT NULL AUTO_INCREMENT";
                }

                public String real() {
                    return "FLOAT(53)";
                }

                public String time() {
                    return "DATETIME";
                }

                public String enumType(String name, String... values) {
                    return "ENUM('" + String.join("','", values) + "')";
                }
            });
        }
    };

    /** Settings applied to each new connection. */
    abstract void configure(Connection c) throws SQLException;

    /** Starts a transaction. */
    void begin(Connection c, boolean write) throws SQLException {
        // Connections of server databases are not in auto-commit mode: a transaction is always open.
    }

    /**
     * Lets the running transaction commit without waiting for its log to reach the disk, where the database
     * can (PostgreSQL); a no-op elsewhere. Only for a transaction whose loss in a server crash loses nothing
     * that was not in flight anyway: the server writes its log in order, so the next transaction that does wait
     * (a trial's finish) makes this one durable too.
     */
    void commitWithoutWaitingForDisk(Connection c) throws SQLException {
    }

    /** Commits the transaction. */
    void commit(Connection c) throws SQLException {
        c.commit();
    }

    /** Rolls the transaction back. */
    void rollback(Connection c) throws SQLException {
        c.rollback();
    }

    /**
     * Locks a study's row for the rest of the transaction, so that trial numbers and counters are handed out
     * one writer at a time, and tells whether the study exists.
     */
    boolean lockStudy(Connection c, int studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM studies WHERE study_id = ?" + lockClause())) {
            ps.setInt(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Prepares an INSERT of one row whose generated id {@link #insertedId} returns. SQLite and PostgreSQL return
     * it from the statement itself, so the SQLite driver need not run a query of its own after every insert
     * (it does so only when asked for generated keys, which the storage's SQLite connections are not).
     */
    PreparedStatement prepareInsert(Connection c, String insert, String idColumn) throws SQLException {
        return c.prepareStatement(insert + " RETURNING " + idColumn);
    }

    /** Runs an INSERT of {@link #prepareInsert}, its parameters set, and returns the row's generated id. */
    long insertedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return firstLong(rs);
        }
    }

    private static long firstLong(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new SQLException("the database returned no generated id");
        }
        return rs.getLong(1);
    }

    /** The clause that makes a SELECT lock its rows. */
    String lockClause() {
        return " FOR UPDATE";
    }

    /** The clause that turns an INSERT into an insert-or-update on a unique key. */
    String upsert(String conflictColumns, String column) {
        return " ON CONFLICT (" + conflictColumns + ") DO UPDATE SET " + column + " = excluded." + column;
    }

    /** The database's clock, for heartbeats. */
    String now() {
        return "CURRENT_TIMESTAMP";
    }

    /** A condition on {@code h.heartbeat} with one parameter: older than the grace period. */
    abstract String staleHeartbeat();

    /** The parameter of {@link #staleHeartbeat()}. */
    abstract Object staleHeartbeatParameter(Duration grace);

    /** Whether an error is a lock conflict or deadlock worth retrying the transaction for. */
    abstract boolean isTransient(SQLException e);

    /** Optuna's tables for this database, as SQLAlchemy creates them, stamped by {@link Schema}. */
    abstract List<String> ddl();

    /** The names of the tables of the connection's database (schema), lower-cased. */
    Set<String> tables(Connection c) throws SQLException {
        return tables(c, null, null);
    }

    static Set<String> tables(Connection c, String catalog, String schema) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static void executePrepared(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The dialect of a JDBC URL. */
    static Dialect of(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("no storage for JDBC URL " + jdbcUrl
                + "; use jdbc:sqlite:, jdbc:postgresql: or jdbc:mysql: (or jdbc:mariadb:)");
    }
}
