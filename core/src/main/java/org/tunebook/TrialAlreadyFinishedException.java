package org.tunebook;

/**
 * A trial could not be finished because another worker already had (one that judged it dead from its
 * missing heartbeats, say). The stored result stands.
 */
public class TrialAlreadyFinishedException extends IllegalStateException {

    /** An exception carrying the complete, user-facing message. */
    public TrialAlreadyFinishedException(String message) {
        super(message);
    }
}
