package org.tunebook.cli;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Short text forms of values and parameters for terminal output. */
final class Formats {

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
}
