package org.tunebook.storage;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens storages by URL:
 * <ul>
 *   <li>{@code memory} (or an empty URL): one in-memory storage shared by the whole JVM, so that studies
 *   created in one notebook cell can be loaded by name in another;</li>
 *   <li>{@code sqlite:path.db}, {@code sqlite:///path.db} (Optuna's form; four slashes for an absolute path)
 *   and {@code jdbc:sqlite:path.db}: a SQLite file with Optuna's schema, created when missing. One
 *   {@link JdbcStorage} is kept per file and JVM;</li>
 *   <li>{@code jdbc:postgresql://host/db?user=…&password=…}, {@code jdbc:mysql://…} and {@code jdbc:mariadb://…}:
 *   a shared database server, for many workers on many machines (the JDBC driver must be on the class
 *   path).</li>
 * </ul>
 * New databases get Optuna's current schema revision ({@code v3.2.0.a}); add {@code optuna_schema=v3.0.0.d} to
 * the URL's query ({@code sqlite:studies.db?optuna_schema=v3.0.0.d}) for files that Optuna 3.0–3.1, Debian 12's
 * python3-optuna among them, can open. Existing databases keep their revision.
 */
public final class Storages {

    private static final InMemoryStorage SHARED_MEMORY = new InMemoryStorage("memory");
    private static final Map<Path, JdbcStorage> SQLITE = new ConcurrentHashMap<>();
    private static final Map<String, JdbcStorage> SERVERS = new ConcurrentHashMap<>();

    private Storages() {
    }

    /** The JVM-wide in-memory storage. */
    public static InMemoryStorage memory() {
        return SHARED_MEMORY;
    }

    /**
     * The storage for a URL.
     *
     * @throws IllegalArgumentException for a URL of no known kind, or one this build cannot open yet
     * @throws StorageException if the database cannot be opened (see {@link JdbcStorage})
     */
    public static Storage open(String url) {
        if (url == null || url.isBlank() || url.trim().equalsIgnoreCase("memory")) {
            return SHARED_MEMORY;
        }
        String trimmed = url.trim();
        String revision = schemaOption(trimmed);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:")) {
            Path file = sqlitePath(trimmed);
            Path key = file.toAbsolutePath().normalize();
            return SQLITE.computeIfAbsent(key, k -> JdbcStorage.openSqlite(trimmed, file, revision));
        }
        if (lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return SERVERS.computeIfAbsent(trimmed, k -> JdbcStorage.openServer(trimmed, withoutSchemaOption(trimmed),
                    revision));
        }
        throw new IllegalArgumentException("storage URL '" + url + "' is not understood; use 'memory',"
                + " 'sqlite:path.db', 'sqlite:///path.db' or a jdbc:sqlite: URL");
    }

    /**
     * The schema revision for a new database: {@code v3.2.0.a} (current Optuna) unless the URL asks for Optuna
     * 3.0–3.1's layout with {@code optuna_schema=v3.0.0.d} in its query. Existing databases keep theirs.
     */
    static String schemaOption(String url) {
        int at = url.indexOf(SCHEMA_OPTION);
        if (at < 0) {
            return Schema.CURRENT;
        }
        String value = url.substring(at + SCHEMA_OPTION.length()).split("[&;]", 2)[0];
        if (!Schema.SUPPORTED.contains(value)) {
            throw new IllegalArgumentException("storage URL '" + url + "' asks for schema " + value
                    + "; new databases can be made at " + String.join(" or ", Schema.SUPPORTED));
        }
        return value;
    }

    private static final String SCHEMA_OPTION = "optuna_schema=";

    /** The URL without tunebook's own query option, for the JDBC driver. */
    static String withoutSchemaOption(String url) {
        return url.replaceAll("([?&;])optuna_schema=[^&;]*[&;]?", "$1").replaceAll("[?&;]$", "");
    }

    /** The file of a SQLite URL. */
    static Path sqlitePath(String url) {
        String rest = url.substring(url.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? "jdbc:sqlite:".length()
                : "sqlite:".length());
        if (rest.startsWith("///")) {
            rest = rest.substring(3);
        } else if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.startsWith("//")) {
            throw new IllegalArgumentException("SQLite URL '" + url + "' names a host; use sqlite:///relative.db or"
                    + " sqlite:////absolute/path.db");
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            throw new IllegalArgumentException("SQLite URL '" + url + "' names no file; give a path such as"
                    + " sqlite:studies.db (for a throw-away study use 'memory')");
        }
        return Paths.get(rest);
    }

    static void forget(JdbcStorage storage) {
        if (storage.file() != null) {
            SQLITE.remove(storage.file().toAbsolutePath().normalize(), storage);
        } else {
            SERVERS.values().remove(storage);
        }
    }
}
