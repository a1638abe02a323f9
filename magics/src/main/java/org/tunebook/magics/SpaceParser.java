package org.tunebook.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunebook.Space;

/**
 * Reads the body of a {@code %%tune space} cell, one parameter per line:
 *
 * <pre>
 * lr: float 1e-5..1e-1 log
 * dropout: float 0.0..0.5 step 0.1
 * layers: int 1..4
 * units: int 32..256 step 32
 * act: choice relu, tanh, "leaky relu"
 * # a comment
 * </pre>
 *
 * Choice values that read as whole numbers, decimals or {@code true}/{@code false} become numbers and
 * booleans; quote them to keep them strings.
 */
final class SpaceParser {

    static final String SYNTAX = """
            one parameter per line:
              lr: float 1e-5..1e-1 log
              dropout: float 0.0..0.5 step 0.1
              units: int 32..256 step 32
              act: choice relu, tanh""";

    private final String spaceName;

    SpaceParser(String spaceName) {
        this.spaceName = spaceName;
    }

    Space parse(String body) {
        Space.Builder builder = Space.builder();
        String[] lines = body.split("\\R", -1);
        int declared = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                declare(builder, line);
                declared++;
            } catch (IllegalArgumentException e) {
                throw new MagicException("space '" + spaceName + "', line " + (i + 1) + " (" + line + "): "
                        + e.getMessage());
            }
        }
        if (declared == 0) {
            throw new MagicException("space '" + spaceName + "' declares no parameter; write " + SYNTAX);
        }
        return builder.build();
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static void declare(Space.Builder builder, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected NAME: TYPE …, e.g. 'lr: float 1e-5..1e-1 log'");
        }
        String name = line.substring(0, colon).strip();
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the parameter name before ':' must be one word, got '" + name + "'");
        }
        String rest = line.substring(colon + 1).strip();
        String[] typeAndSpec = rest.split("\\s+", 2);
        String type = typeAndSpec[0].toLowerCase(Locale.ROOT);
        String spec = typeAndSpec.length > 1 ? typeAndSpec[1].strip() : "";
        switch (type) {
            case "float", "double", "real" -> declareFloat(builder, name, spec);
            case "int", "integer" -> declareInt(builder, name, spec);
            case "choice", "categorical", "cat" -> builder.choice(name, choices(spec));
            case "" -> throw new IllegalArgumentException("missing type after ':'; use float, int or choice");
            default -> throw new IllegalArgumentException("unknown type '" + typeAndSpec[0]
                    + "'; use float, int or choice");
        }
    }

    /** A range {@code LOW..HIGH} followed by {@code log} and/or {@code step S}. */
    private record Range(String low, String high, boolean log, String step) {
    }

    private static Range range(String spec, String type) {
        int dots = spec.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException(type + " needs a range LOW..HIGH, e.g. '" + type
                    + (type.equals("int") ? " 1..4'" : " 0.0..1.0'"));
        }
        String low = spec.substring(0, dots).strip();
        String[] after = spec.substring(dots + 2).strip().split("\\s+");
        String high = after[0];
        if (low.isEmpty() || high.isEmpty()) {
            throw new IllegalArgumentException("the range needs both bounds, LOW..HIGH");
        }
        boolean log = false;
        String step = null;
        for (int i = 1; i < after.length; i++) {
            String word = after[i].toLowerCase(Locale.ROOT);
            if (word.equals("log")) {
                log = true;
            } else if (word.equals("step")) {
                if (i + 1 >= after.length) {
                    throw new IllegalArgumentException("'step' needs a number after it");
                }
                step = after[++i];
            } else {
                throw new IllegalArgumentException("unexpected '" + after[i] + "' after the range; only 'log' and"
                        + " 'step S' may follow");
            }
        }
        return new Range(low, high, log, step);
    }

    private static void declareFloat(Space.Builder builder, String name, String spec) {
        Range r = range(spec, "float");
        double low = number(r.low());
        double high = number(r.high());
        if (r.step() != null && r.log()) {
            throw new IllegalArgumentException("a float range cannot be both 'log' and 'step'; choose one");
        }
        if (r.log()) {
            builder.logFloat(name, low, high);
        } else if (r.step() != null) {
            builder.floatRange(name, low, high, number(r.step()));
        } else {
            builder.floatRange(name, low, high);
        }
    }

    private static void declareInt(Space.Builder builder, String name, String spec) {
        Range r = range(spec, "int");
        int low = whole(r.low());
        int high = whole(r.high());
        if (r.step() != null && r.log()) {
            throw new IllegalArgumentException("an int range cannot be both 'log' and 'step'; choose one");
        }
        if (r.log()) {
            builder.logInt(name, low, high);
        } else {
            builder.intRange(name, low, high, r.step() == null ? 1 : whole(r.step()));
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    private static int whole(String text) {
        try {
            return Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (int ranges take integers)");
        }
    }

    /** Comma-separated choices; quotes keep commas and make strings. */
    static List<Object> choices(String spec) {
        if (spec.isBlank()) {
            throw new IllegalArgumentException("choice needs values, e.g. 'choice relu, tanh'");
        }
        List<Object> values = new ArrayList<>();
        StringBuilder bare = new StringBuilder();
        StringBuilder inQuotes = null;
        char quote = 0;
        for (int i = 0; i <= spec.length(); i++) {
            char c = i < spec.length() ? spec.charAt(i) : ',';
            if (quote != 0) {
                if (i == spec.length()) {
                    throw new IllegalArgumentException("unclosed quote in the choices");
                } else if (c == quote) {
                    quote = 0;
                } else {
                    inQuotes.append(c);
                }
            } else if ((c == '"' || c == '\'') && inQuotes == null && bare.toString().isBlank()) {
                quote = c;
                inQuotes = new StringBuilder();
            } else if (c == ',') {
                String text = bare.toString().strip();
                if (inQuotes != null) {
                    if (!text.isEmpty()) {
                        throw new IllegalArgumentException("unexpected '" + text + "' next to a quoted choice");
                    }
                    values.add(inQuotes.toString());
                } else if (text.isEmpty()) {
                    throw new IllegalArgumentException("empty choice between commas");
                } else {
                    values.add(typed(text));
                }
                bare.setLength(0);
                inQuotes = null;
            } else {
                bare.append(c);
            }
        }
        return values;
    }

    private static Object typed(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("[-+]?\\d+")) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return Long.parseLong(text);
            }
        }
        if (text.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(text);
        }
        return text;
    }
}
