package org.tunebook.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New, empty PostgreSQL databases for benchmarks, made on the server of an administrative URL (a
 * {@code jdbc:postgresql://host:port/db?user=…&password=…} URL whose user may {@code CREATE DATABASE}) and
 * dropped afterwards. Names are {@code tb_bench_PID_N}.
 */
final class ServerDatabases implements StorageBenchmark.Place {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String adminUrl;
    private final Matcher parts;
    private static final AtomicInteger COUNT = new AtomicInteger();

    ServerDatabases(String adminUrl) {
        this.adminUrl = adminUrl;
        this.parts = URL.matcher(adminUrl);
        if (!parts.matches()) {
            throw new CliException("--pg-url must look like jdbc:postgresql://HOST[:PORT]/DATABASE?user=U&password=P,"
                    + " got " + Stores.display(adminUrl));
        }
    }

    /** Checks that the server answers and the user may create databases, by making and dropping one. */
    void check() {
        drop(fresh());
    }

    @Override
    public String fresh() {
        String name = "tb_bench_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
    }

    @Override
    public void drop(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches() || !m.group(2).startsWith("tb_bench_")) {
            throw new IllegalArgumentException("not a benchmark database: " + Stores.display(url));
        }
        String sql = "DROP DATABASE IF EXISTS " + m.group(2);
        // A database stays "in use" for a moment after its last connection closes (or while autovacuum visits
        // it); DROP ... WITH (FORCE) would need the right to end other roles' sessions, which --pg-url's user
        // may not have. So: retry for a few seconds.
        for (int attempt = 1; ; attempt++) {
            try {
                executeOrThrow(sql);
                return;
            } catch (SQLException e) {
                if (!IN_USE.equals(e.getSQLState()) || attempt == 50) {
                    throw failure(sql, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while dropping benchmark database " + m.group(2));
            }
        }
    }

    /** PostgreSQL's SQLSTATE object_in_use. */
    private static final String IN_USE = "55006";

    private void execute(String sql) {
        try {
            executeOrThrow(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private void executeOrThrow(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private CliException failure(String sql, SQLException e) {
        return new CliException("PostgreSQL at " + Stores.display(adminUrl) + ": " + sql + " failed: "
                + e.getMessage() + " (the user of --pg-url must be allowed to create databases)", e);
    }
}
