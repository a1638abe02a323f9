package org.tunebook.magics;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people type them ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code 90}) and writes them back. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a positive duration: one or more number-unit pairs ({@code ms}, {@code s}, {@code m}, {@code h},
     * {@code d}), a bare number of seconds, or ISO-8601 ({@code PT5M}).
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        } else if (t.matches("\\d+(\\.\\d+)?")) {
            d = ofSeconds(Double.parseDouble(t));
        } else {
            Matcher m = PART.matcher(t);
            int end = 0;
            d = Duration.ZERO;
            while (m.find() && m.start() == end) {
                d = d.plus(part(Double.parseDouble(m.group(1)), m.group(2)));
                end = m.end();
            }
            if (end == 0 || end != t.length()) {
                throw bad(text);
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("the duration must be positive, got '" + text + "'");
        }
        return d;
    }

    private static Duration part(double amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofNanos(Math.round(amount * 1e6));
            case "s" -> ofSeconds(amount);
            case "m" -> ofSeconds(amount * 60);
            case "h" -> ofSeconds(amount * 3600);
            default -> ofSeconds(amount * 86400);
        };
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; write it like 30s, 5m, 1h or 1h30m");
    }

    /** A short human form: {@code 850ms}, {@code 12s}, {@code 4m 05s}, {@code 2h 03m}. */
    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2fms", d.toNanos() / 1e6);
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
