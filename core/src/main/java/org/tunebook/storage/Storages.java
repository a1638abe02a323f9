package org.tunebook.storage;

import java.util.Locale;

/**
 * Opens storages by URL. {@code memory} (and an empty URL) is one in-memory storage shared by the whole
 * JVM, so that studies created in one notebook cell can be loaded by name in another.
 */
public final class Storages {

    private static final InMemoryStorage SHARED_MEMORY = new InMemoryStorage("memory");

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
     */
    public static Storage open(String url) {
        if (url == null || url.isBlank() || url.trim().equalsIgnoreCase("memory")) {
            return SHARED_MEMORY;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("sqlite:") || u.startsWith("jdbc:")) {
            throw new IllegalArgumentException("storage URL '" + url + "': database storages (SQLite, PostgreSQL,"
                    + " MySQL) are not available in this build yet; use 'memory'");
        }
        throw new IllegalArgumentException("storage URL '" + url + "' is not understood; use 'memory',"
                + " 'sqlite:path.db', 'sqlite:///path.db' or a jdbc:sqlite:, jdbc:postgresql: or jdbc:mysql: URL");
    }
}
