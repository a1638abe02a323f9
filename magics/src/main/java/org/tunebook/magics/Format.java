package org.tunebook.magics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How values look in tables and messages: short numbers, local times, parameter lists. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Format() {
    }

    /** A number with up to six significant digits; whole numbers without a decimal point. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            String[] parts = s.split("[eE]");
            return trimZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Any cell value: numbers short, instants as local time, null as empty. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant);
        }
        return String.valueOf(value);
    }

    /** Objective values: one number, or several in brackets. */
    static String values(double[] values) {
        if (values.length == 1) {
            return number(values[0]);
        }
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : values) {
            j.add(number(v));
        }
        return j.toString();
    }

    /** Parameters as {@code lr=0.01, layers=3}. */
    static String params(Map<String, Object> params) {
        StringJoiner j = new StringJoiner(", ");
        params.forEach((k, v) -> j.add(k + "=" + cell(v)));
        return j.toString();
    }

    /** Directions as {@code maximize} or {@code [maximize, minimize]}. */
    static String directions(List<?> directions) {
        String text = directions.size() == 1 ? directions.get(0).toString() : directions.toString();
        return text.toLowerCase(Locale.ROOT);
    }

    /** "1 trial", "3 trials". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
