package org.tunebook.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Where to ask JShell for documentation when a front end inspects the code at a cursor. JShell documents a method
 * only with the cursor after its opening parenthesis ({@code Math.max(}), and a class, variable or field only with
 * the cursor at the end of its name; front ends send the cursor wherever it is, often inside a name. So the name
 * under the cursor is completed to its end, and asked about as a call first, then as a name, then as the code
 * stands.
 */
final class Inspection {

    private Inspection() {
    }

    /** The code up to a cursor position that JShell should document. */
    record Query(String code, int cursor) {
    }

    /** The queries to try in order; the first that documents something wins. */
    static List<Query> queries(String code, int at) {
        int cursor = Math.max(0, Math.min(at, code.length()));
        int start = cursor;
        while (start > 0 && isNamePart(code.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < code.length() && isNamePart(code.charAt(end))) {
            end++;
        }
        List<Query> queries = new ArrayList<>();
        if (end > start) {
            int next = end;
            while (next < code.length() && code.charAt(next) == ' ') {
                next++;
            }
            if (next < code.length() && code.charAt(next) == '(') {
                queries.add(new Query(code.substring(0, next + 1), next + 1));
            } else {
                // a method name without its parenthesis: its signatures, as if the call were being typed
                String call = code.substring(0, end) + "(";
                queries.add(new Query(call, call.length()));
            }
            queries.add(new Query(code.substring(0, end), end));
        }
        queries.add(new Query(code.substring(0, cursor), cursor));
        return queries;
    }

    private static boolean isNamePart(char c) {
        return Character.isJavaIdentifierPart(c);
    }
}
