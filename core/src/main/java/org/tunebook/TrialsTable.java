package org.tunebook;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials of a study as a table, like Optuna's {@code trials_dataframe}: one row per trial with its
 * number, state, value(s), start and end, duration, every parameter ({@code params_…}), every user
 * attribute ({@code user_attrs_…}) and the failure reason. A trial without a parameter has an empty cell.
 *
 * <p>{@link #rows()} hold the values as Java objects (lists and maps for structured attributes); CSV writes
 * lists and maps as JSON, {@code {"k":[1,2]}}, and numbers, strings and booleans as they are.
 */
public final class TrialsTable {

    /** JSON for list and map cells: nulls kept, no HTML escapes, NaN and infinities as JavaScript writes them. */
    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private final List<String> columns;
    private final List<List<Object>> rows;

    TrialsTable(List<FrozenTrial> trials, List<Direction> directions) {
        Set<String> params = new LinkedHashSet<>();
        Set<String> attrs = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            params.addAll(t.params().keySet());
            attrs.addAll(t.userAttrs().keySet());
        }
        List<String> cols = new ArrayList<>(List.of("number", "state"));
        if (directions.size() == 1) {
            cols.add("value");
        } else {
            for (int i = 0; i < directions.size(); i++) {
                cols.add("values_" + i);
            }
        }
        cols.addAll(List.of("datetime_start", "datetime_complete", "duration_seconds"));
        params.forEach(p -> cols.add("params_" + p));
        attrs.forEach(a -> cols.add("user_attrs_" + a));
        cols.add("fail_reason");
        List<List<Object>> data = new ArrayList<>();
        for (FrozenTrial t : trials) {
            List<Object> row = new ArrayList<>(cols.size());
            row.add(t.number());
            row.add(t.state().name());
            double[] values = t.values();
            for (int i = 0; i < directions.size(); i++) {
                row.add(i < values.length ? values[i] : null);
            }
            row.add(t.started());
            row.add(t.completed());
            row.add(t.duration().map(d -> d.toNanos() / 1e9).orElse(null));
            params.forEach(p -> row.add(t.params().get(p)));
            attrs.forEach(a -> row.add(t.userAttrs().get(a)));
            row.add(t.failReason().orElse(null));
            data.add(Collections.unmodifiableList(row));
        }
        this.columns = List.copyOf(cols);
        this.rows = Collections.unmodifiableList(data);
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** The rows, one per trial, aligned with {@link #columns()}; missing cells are null. */
    public List<List<Object>> rows() {
        return rows;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The table as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends). */
    public String toCsv() {
        StringBuilder s = new StringBuilder();
        appendLine(s, new ArrayList<>(columns));
        rows.forEach(r -> appendLine(s, r));
        return s.toString();
    }

    /** Writes the table as CSV (UTF-8) to a file, replacing it. */
    public void writeCsv(Path file) {
        try {
            Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trials table to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void appendLine(StringBuilder s, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(csvCell(cells.get(i)));
        }
        s.append("\r\n");
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> || value instanceof Map<?, ?> ? JSON.toJson(value) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return "TrialsTable(" + rows.size() + " trials, columns " + columns + ")";
    }
}
