package org.tunebook.magics;

/** Short descriptions of exceptions for messages, without stack traces. */
final class Errors {

    private Errors() {
    }

    /** The exception's message, or its simple class name when it has none; causes of wrappers unwrapped. */
    static String describe(Throwable t) {
        Throwable shown = t;
        while (shown.getCause() != null && (shown.getMessage() == null
                || shown instanceof java.util.concurrent.ExecutionException
                || shown instanceof java.lang.reflect.InvocationTargetException)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        String type = shown.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        boolean plain = shown instanceof IllegalArgumentException || shown instanceof IllegalStateException
                || shown instanceof MagicException || shown instanceof java.io.UncheckedIOException
                || shown.getClass().getName().startsWith("org.tunebook.");
        return plain ? message : type + ": " + message;
    }
}
