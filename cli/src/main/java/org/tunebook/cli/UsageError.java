package org.tunebook.cli;

/**
 * An option value that does not fit the data it is applied to (a --sort column the study does not have, say):
 * printed as one line with a pointer to the command's help, exit code 2. Errors found while parsing the command
 * line are picocli's {@code ParameterException}s, printed with the usage.
 */
final class UsageError extends CliException {

    UsageError(String message) {
        super(message);
    }
}
