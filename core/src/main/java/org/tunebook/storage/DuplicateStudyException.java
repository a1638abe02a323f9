package org.tunebook.storage;

/** A study was created under a name its storage already holds. */
public class DuplicateStudyException extends RuntimeException {

    /** An exception carrying the complete, user-facing message. */
    public DuplicateStudyException(String message) {
        super(message);
    }
}
