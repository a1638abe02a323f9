package org.tunebook.kernel;

import java.util.List;

/**
 * A cell failed: it did not compile, or its code threw. Carries the lines to show the user, pointing at the
 * cell's own lines rather than at JShell's generated classes.
 */
final class SnippetFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient List<String> lines;

    SnippetFailure(String name, String message, List<String> lines) {
        super(message);
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** A short name for the kind of failure, e.g. {@code CompilationError} or the exception's class. */
    String name() {
        return name;
    }

    /** The lines of the error report. */
    List<String> lines() {
        return lines;
    }
}
