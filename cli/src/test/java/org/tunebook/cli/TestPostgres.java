package org.tunebook.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh PostgreSQL databases on the server that install/test.sh starts on loopback (user and password
 * {@code tunebook}, allowed to create databases); TUNEBOOK_PG_URL overrides the server with the URL of an
 * existing database whose user may create databases.
 */
final class TestPostgres {

    static final String ADMIN_URL = System.getenv().getOrDefault("TUNEBOOK_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/tunebook?user=tunebook&password=tunebook");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = ProcessHandle.current().pid() + "_" + Long.toString(System.currentTimeMillis() % 1_000_000L, 36);

    private TestPostgres() {
    }

    /** The name and JDBC URL of a new, empty database. */
    record Database(String name, String url) {
    }

    static Database fresh() {
        String name = "tb_cli_" + RUN + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name);
        int slash = ADMIN_URL.indexOf('/', ADMIN_URL.indexOf("//") + 2);
        int query = ADMIN_URL.indexOf('?');
        return new Database(name, ADMIN_URL.substring(0, slash + 1) + name + (query >= 0 ? ADMIN_URL.substring(query) : ""));
    }

    /** Drops a database, retrying while PostgreSQL still counts it in use (just after its last connection closed). */
    static void drop(Database db) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db.name());
                return;
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState()) || attempt == 50) {
                    throw failure(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The names of the databases on the server that start with {@code prefix}. */
    static List<String> databasesNamed(String prefix) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The tables of a database. */
    static List<String> tables(Database db) {
        try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("PostgreSQL at " + Stores.display(ADMIN_URL) + " (install/test.sh installs and"
                + " starts it): " + e.getMessage(), e);
    }
}
