package org.tunebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

/**
 * Opening storages and studies for the storage commands, with the errors a user can act on turned into
 * {@link CliException}s. Storage and study errors from core ({@code NoSuchStudyException},
 * {@code StorageException}, {@code DuplicateStudyException}) already carry a user-facing message and are
 * printed by {@link Main} as they are.
 */
final class Stores {

    private Stores() {
    }

    /**
     * Opens the storage at {@code url}. With {@code mustExist}, a SQLite URL naming a missing file is an error
     * rather than a new, empty database (commands that only read must not leave files behind).
     */
    static Storage open(String url, boolean mustExist) {
        if (mustExist) {
            Path file = sqliteFile(url);
            if (file != null && !Files.exists(file)) {
                throw new CliException("SQLite file " + file + " does not exist (storage URL '" + url + "')");
            }
            if (isEmptyServerDatabase(url)) {
                throw new CliException("database " + display(url) + " is empty: it has no tables, so no studies");
            }
        }
        try {
            return Storages.open(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * Whether {@code url} names a database server's database that holds no tables at all. Opening such a
     * database as a storage would create Optuna's tables in it, which commands that only read must not do.
     * False when the database cannot be reached: opening it then reports why.
     */
    static boolean isEmptyServerDatabase(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:mysql:")
                && !lower.startsWith("jdbc:mariadb:")) {
            return false;
        }
        String jdbcUrl = url.trim().replaceAll("([?&;])optuna_schema=[^&;]*[&;]?", "$1").replaceAll("[?&;]$", "");
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            return !tables.next();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Loads a study from an existing storage (which stays open: close it with {@code study.storage()}). */
    static Study load(String name, String url) {
        Storage storage = open(url, true);
        return Tune.study().name(name).storage(storage).load();
    }

    /** Closes a storage, writing what is pending; a failure to close is not worth failing the command for. */
    static void close(Storage storage) {
        try {
            storage.close();
        } catch (RuntimeException e) {
            // The command's work is done; a storage that cannot close cleanly leaves nothing unsaved to report.
        }
    }

    /**
     * The file of a SQLite storage URL ({@code sqlite:f.db}, {@code sqlite:///f.db}, {@code jdbc:sqlite:f.db}),
     * or null for any other URL (and for malformed SQLite URLs, which {@link Storages#open} explains).
     */
    static Path sqliteFile(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:sqlite:")) {
            rest = u.substring("jdbc:sqlite:".length());
        } else if (lower.startsWith("sqlite:")) {
            rest = u.substring("sqlite:".length());
        } else {
            return null;
        }
        if (rest.startsWith("///")) {
            rest = rest.substring(3);
        } else if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.startsWith("//")) {
            return null;
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return null;
        }
        return Path.of(rest);
    }

    /** A storage URL fit to print: passwords replaced by {@code ***}. */
    static String display(String url) {
        return url.replaceAll("(?i)(password=)(?!\\*\\*\\*)[^&;\\s]*", "$1***").replaceAll("(://[^/:@?\\s]+:)[^@/?\\s]*@", "$1***@");
    }
}
