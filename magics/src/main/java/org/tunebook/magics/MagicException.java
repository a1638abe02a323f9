package org.tunebook.magics;

/**
 * A {@code %tune} command could not be carried out: an unknown command or option, a bad value, an unknown
 * variable or study. The message is short, specific and meant for the notebook user as it is (it often ends
 * with the command's usage line); kernels show it without a stack trace.
 */
public final class MagicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message for the user. */
    public MagicException(String message) {
        super(message);
    }

    /** An error with a message for the user and the exception behind it (kept for logs, not shown). */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
