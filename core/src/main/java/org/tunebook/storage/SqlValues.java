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
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(WRITE);
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        return LocalDateTime.parse(text.trim(), READ).atZone(ZoneId.systemDefault()).toInstant();
    }
}
