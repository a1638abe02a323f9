package org.tunebook.storage;

/**
 * A storage could not be opened, read or written: a file that is not a database, a schema of another
 * application or version, a read-only file, a lost connection. The message says what and what to do.
 */
public class StorageException extends RuntimeException {

    /** An exception carrying the complete, user-facing message. */
    public StorageException(String message) {
        super(message);
    }

    /** An exception carrying the complete, user-facing message and its cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
