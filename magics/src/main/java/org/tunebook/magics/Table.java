package org.tunebook.magics;

import java.util.ArrayList;
import java.util.List;

/** A table of strings rendered both as an HTML table and as aligned plain text. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Boolean> numeric;
    private final boolean showHeader;

    Table(List<String> header) {
        this(header, true);
    }

    private Table(List<String> header, boolean showHeader) {
        this.showHeader = showHeader;
        this.header = List.copyOf(header);
        this.numeric = new ArrayList<>();
        header.forEach(h -> numeric.add(Boolean.TRUE));
    }

    /** A two-column table of names and values, shown without a header. */
    static Table keyValue() {
        return new Table(List.of("", ""), false);
    }

    Table row(List<?> cells) {
        List<String> texts = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            Object cell = i < cells.size() ? cells.get(i) : null;
            String text = Format.cell(cell);
            texts.add(text);
            if (cell != null && !(cell instanceof Number) && !text.isEmpty()) {
                numeric.set(i, Boolean.FALSE);
            }
        }
        rows.add(texts);
        return this;
    }

    int size() {
        return rows.size();
    }

    /** The table as HTML, with a caption above it when one is given. */
    String html(String caption) {
        StringBuilder s = new StringBuilder("<div class=\"tunebook\">");
        if (caption != null) {
            s.append("<p><b>").append(Html.escape(caption)).append("</b></p>");
        }
        s.append("<table>");
        if (showHeader) {
            s.append("<thead><tr>");
            header.forEach(h -> s.append("<th>").append(Html.escape(h)).append("</th>"));
            s.append("</tr></thead>");
        }
        s.append("<tbody>");
        for (List<String> row : rows) {
            s.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                s.append(numeric.get(i) ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(Html.escape(row.get(i))).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table></div>").toString();
    }

    /** The table as aligned text, with a caption line above it when one is given. */
    String text(String caption) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        if (caption != null) {
            s.append(caption).append('\n');
        }
        if (showHeader) {
            line(s, header, widths, false);
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
            }
            s.append(rule).append('\n');
        }
        rows.forEach(r -> line(s, r, widths, true));
        return s.toString().stripTrailing();
    }

    private void line(StringBuilder s, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(alignNumbers && numeric.get(i) ? pad + cell : cell + pad);
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    /** Both forms as one output. */
    Output output(String caption) {
        return Output.html(html(caption), text(caption));
    }
}
