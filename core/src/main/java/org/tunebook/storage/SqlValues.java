package org.tunebook.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Optuna's column encodings: float value types and naive local datetimes. */
final class SqlValues {

    static final String FINITE = "FINITE";
    static final String INF_POS = "INF_POS";
    static final String INF_NEG = "INF_NEG";
    static final String NAN = "NAN";

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private SqlValues() {
    }

    /** The value type of a float, as Optuna's {@code value_type} columns store it. */
    static String type(double v) {
        if (Double.isNaN(v)) {
            return NAN;
        }
        if (v == Double.POSITIVE_INFINITY) {
            return INF_POS;
        }
        return v == Double.NEGATIVE_INFINITY ? INF_NEG : FINITE;
    }

    /** The value column: the number when finite, else null (the type column says which). */
    static Double stored(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Decodes a value column and its type column. */
    static double decode(double value, boolean wasNull, String type) {
        switch (type) {
            case INF_POS: return Double.POSITIVE_INFINITY;
            case INF_NEG: return Double.NEGATIVE_INFINITY;
            case NAN: return Double.NaN;
            default: return wasNull ? Double.NaN : value;
        }
    }

    /** A datetime column as Optuna writes it: the local time without a zone. */
    static String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return t.format(WRITE);
        }
        // By hand, as fastParse reads: every trial writes two or three datetimes, and the formatter is slow.
        char[] c = "0000-00-00 00:00:00.000000".toCharArray();
        put(c, 0, 4, t.getYear());
        put(c, 5, 7, t.getMonthValue());
        put(c, 8, 10, t.getDayOfMonth());
        put(c, 11, 13, t.getHour());
        put(c, 14, 16, t.getMinute());
        put(c, 17, 19, t.getSecond());
        put(c, 20, 26, t.getNano() / 1000);
        return new String(c);
    }

    /** Writes {@code value} as the decimal digits {@code c[from..to)}, zero-padded on the left. */
    private static void put(char[] c, int from, int to, int value) {
        for (int i = to - 1; i >= from; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        LocalDateTime local = fastParse(text);
        if (local == null) {
            local = LocalDateTime.parse(text.trim(), READ);
        }
        return local.atZone(ZoneId.systemDefault()).toInstant();
    }

    /**
     * Parses the common form {@code yyyy-MM-dd HH:mm:ss[.ffffff]} by hand: loading a large study parses two
     * datetimes per trial, and the formatter is slow. Returns null for any other form.
     */
    private static LocalDateTime fastParse(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 19) {
            if (t.charAt(19) != '.' || n > 29) {
                return null;
            }
            int digits = n - 20;
            int fraction = digits(t, 20, n);
            if (fraction < 0 || digits == 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
