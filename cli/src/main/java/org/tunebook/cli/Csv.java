package org.tunebook.cli;

import java.util.ArrayList;
import java.util.List;

/** Cutting CSV text (RFC 4180, as {@code TrialsTable.toCsv()} writes it) into records, to print some of them. */
final class Csv {

    private Csv() {
    }

    /**
     * The records of CSV text, each with its CRLF line end: a line break inside a quoted cell does not end a
     * record.
     */
    static List<String> records(String csv) {
        List<String> records = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                records.add(csv.substring(start, i + 2));
                start = i + 2;
                i++;
            }
        }
        if (start < csv.length()) {
            records.add(csv.substring(start));
        }
        return records;
    }
}
