package org.tunebook.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Choosing among named things (samplers, functions, plot kinds), with errors that list them and guess a typo. */
final class Names {

    private Names() {
    }

    /**
     * The entries of {@code known} named in {@code names}, in the order given (duplicates once).
     *
     * @param what what the names are, singular and plural, e.g. {@code "sampler", "samplers"}
     * @throws UsageError for a name that is not known, listing the known ones and the closest
     */
    static <T> Map<String, T> pick(Map<String, T> known, List<String> names, String what, String whats) {
        Map<String, T> picked = new LinkedHashMap<>();
        for (String name : names) {
            T value = known.get(name);
            if (value == null) {
                throw new UsageError(unknown(name, known.keySet(), what, whats));
            }
            picked.put(name, value);
        }
        return picked;
    }

    /** "unknown sampler 'tep' (did you mean 'tpe'?); the samplers are random, tpe, gp". */
    static String unknown(String name, Collection<String> known, String what, String whats) {
        String closest = closest(name, known);
        return "unknown " + what + " '" + name + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + "; the " + whats + " are " + String.join(", ", known);
    }

    /**
     * The known name nearest to {@code input} by edit distance (ignoring case), if it is near enough to be a
     * plausible typo: at most a third of its length, and at least 1, edits away; else null.
     */
    static String closest(String input, Collection<String> known) {
        String in = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int d = distance(in, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.max(in.length(), best.length()) / 3) ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit (Damerau's). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
