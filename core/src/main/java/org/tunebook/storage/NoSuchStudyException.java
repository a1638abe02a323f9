package org.tunebook.storage;

/** A study was asked for by a name or id that its storage does not know. */
public class NoSuchStudyException extends RuntimeException {

    /** An exception carrying the complete, user-facing message. */
    public NoSuchStudyException(String message) {
        super(message);
    }
}
