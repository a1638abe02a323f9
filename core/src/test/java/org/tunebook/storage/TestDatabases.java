package org.tunebook.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty databases on the PostgreSQL and MariaDB servers that install/test.sh starts on loopback (user
 * and password {@code tunebook}). Override the servers with TUNEBOOK_PG_URL and TUNEBOOK_MARIADB_URL, URLs of
 * an existing database whose user may create databases.
 */
final class TestDatabases {

    static final String PG = env("TUNEBOOK_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/tunebook?user=tunebook&password=tunebook");
    static final String MARIADB = env("TUNEBOOK_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/tunebook?user=tunebook&password=tunebook");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private TestDatabases() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The URL of a new, empty PostgreSQL database. */
    static String freshPostgres() {
        return fresh(PG);
    }

    /** The URL of a new, empty MariaDB database. */
    static String freshMariaDb() {
        return fresh(MARIADB);
    }

    private static String fresh(String adminUrl) {
        String name = "tb_test_" + RUN + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + adminUrl.replaceAll("password=[^&]*",
                    "password=***") + " (install/test.sh installs and starts PostgreSQL and MariaDB): " + e.getMessage(), e);
        }
        int slash = adminUrl.indexOf('/', adminUrl.indexOf("//") + 2);
        int query = adminUrl.indexOf('?');
        return adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
    }
}
