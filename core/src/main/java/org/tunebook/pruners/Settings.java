package org.tunebook.pruners;

/** Checks of the pruners' integer settings, so that every pruner words a bad setting the same way. */
final class Settings {

    private Settings() {
    }

    /**
     * Returns {@code value} if it is at least {@code min}.
     *
     * @throws IllegalArgumentException "{@code what} must be >= {@code min}, got {@code value}"
     */
    static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
