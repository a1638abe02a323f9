package org.tunebook.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.tunebook.Direction;

/** Short text forms of values and parameters for terminal output. */
final class Formats {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** A parameter value: doubles with 4 significant digits, anything else as it is. */
    static String value(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(value);
    }

    /** Parameters as {@code name=value} pairs separated by spaces. */
    static String params(Map<String, Object> params) {
        StringJoiner s = new StringJoiner(" ");
        params.forEach((name, value) -> s.add(name + "=" + value(value)));
        return s.toString();
    }

    /**
     * A table cell: null as empty, doubles with up to 6 significant digits and no trailing zeros ({@code 0.25},
     * {@code 1.23457e-05}, {@code inf}, {@code nan}), instants as local date and time to the second, lists and
     * maps as JSON.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            return number(f.doubleValue());
        }
        if (value instanceof Instant i) {
            return time(i);
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return JsonOutput.compact(value);
        }
        return String.valueOf(value);
    }

    /** A double with up to 6 significant digits and no trailing zeros. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.6g", d);
        int e = s.indexOf('e');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        String exponent = e >= 0 ? s.substring(e) : "";
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** An instant as local date and time, {@code yyyy-MM-dd HH:mm:ss}; null as empty. */
    static String time(Instant instant) {
        return instant == null ? "" : LOCAL_TIME.format(instant);
    }

    /** {@code minimize} or {@code maximize}. */
    static String direction(Direction d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    /** Directions separated by commas. */
    static String directions(List<Direction> directions) {
        return directions.stream().map(Formats::direction).collect(Collectors.joining(","));
    }
}
