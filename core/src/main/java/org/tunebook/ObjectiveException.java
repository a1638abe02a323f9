package org.tunebook;

/** Carries a checked exception that an objective threw and that stopped a run. */
public class ObjectiveException extends RuntimeException {

    /** Wraps the objective's exception. */
    public ObjectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
