package org.tunebook.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table of text cells printed with aligned columns, two spaces apart: columns whose cells are all numbers
 * (or empty, or {@code -}; a ratio's {@code x} or a {@code %} may follow) are right-aligned, the others
 * left-aligned. Trailing spaces are not printed.
 */
final class TextTable {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?[x%]?|[-+]?inf|nan|-");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Adds a row; it must have one cell per header. Null cells print empty. */
    TextTable add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.size());
        for (String c : cells) {
            row.add(c == null ? "" : c.replace('\n', ' ').replace('\r', ' '));
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out) {
        int n = headers.size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = headers.get(i).length();
            boolean numeric = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = row.get(i);
                width[i] = Math.max(width[i], cell.length());
                numeric &= cell.isEmpty() || NUMBER.matcher(cell).matches();
            }
            right[i] = numeric;
        }
        printRow(out, headers, width, right);
        for (List<String> row : rows) {
            printRow(out, row, width, right);
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(width[i] - cell.length());
            line.append(right[i] ? pad + cell : cell + pad);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.println(line.substring(0, end));
    }
}
