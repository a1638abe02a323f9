package org.tunebook.cli;

/** A failure the user can act on: its message is printed as it is, without a stack trace, and exit code 1. */
class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
