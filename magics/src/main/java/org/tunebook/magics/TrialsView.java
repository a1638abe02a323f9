package org.tunebook.magics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.TrialsTable;

/**
 * Renders {@code %tune trials}: the study's trials table, filtered by state, sorted by a column and cut to the
 * top rows. Columns are Optuna's trials-dataframe columns, with parameters shown by their own names.
 */
final class TrialsView {

    /** Rows shown when no {@code --top} is given. */
    static final int MAX_ROWS = 200;

    private static final Set<String> HIDDEN = Set.of("datetime_complete");

    private final Study study;
    private final TrialsTable table;

    TrialsView(Study study) {
        this.study = study;
        this.table = study.trialsTable();
    }

    /** The states named in {@code --state}, comma-separated ({@code complete,pruned}). */
    static Set<TrialState> states(String text) {
        Set<TrialState> states = EnumSet.noneOf(TrialState.class);
        for (String word : text.split(",")) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            if (w.equals("FAILED")) {
                w = "FAIL";
            }
            try {
                states.add(TrialState.valueOf(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown state '" + word.strip()
                        + "'; states: complete, pruned, fail, running, waiting");
            }
        }
        return states;
    }

    /**
     * The table as output.
     *
     * @param states the states to keep, or null for all
     * @param sort the column to sort by ({@code value} sorts best first; a leading {@code -} reverses), or null
     * @param top how many rows to keep, or null
     */
    Output render(Set<TrialState> states, String sort, Integer top) {
        List<String> columns = table.columns();
        int stateColumn = columns.indexOf("state");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            if (states == null || states.contains(TrialState.valueOf((String) row.get(stateColumn)))) {
                rows.add(row);
            }
        }
        String sortBy = sort == null && top != null && !study.isMultiObjective() ? "value" : sort;
        if (sortBy != null) {
            rows.sort(comparator(sortBy));
        }
        int matching = rows.size();
        int limit = top != null ? top : MAX_ROWS;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
        }
        List<Integer> shown = visibleColumns(rows);
        int durationColumn = columns.indexOf("duration_seconds");
        List<String> header = new ArrayList<>();
        shown.forEach(i -> header.add(displayName(columns.get(i))));
        Table out = new Table(header);
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            shown.forEach(i -> cells.add(i == durationColumn && row.get(i) instanceof Double seconds
                    ? Durations.format(java.time.Duration.ofNanos(Math.round(seconds * 1e9))) : row.get(i)));
            out.row(cells);
        }
        return out.output(caption(matching, rows.size(), states, sortBy));
    }

    private String caption(int matching, int shown, Set<TrialState> states, String sortBy) {
        StringBuilder s = new StringBuilder("trials of '").append(study.name()).append("': ");
        s.append(shown < matching ? shown + " of " + matching : String.valueOf(matching));
        if (states != null) {
            s.append(' ').append(states.toString().toLowerCase(Locale.ROOT));
        }
        if (sortBy != null) {
            s.append(", sorted by ").append(sortBy);
        }
        if (shown < matching && shown == MAX_ROWS) {
            s.append(" (use --top N, --state or %tune export for the rest)");
        }
        return s.toString();
    }

    /** Every column except hidden ones and those empty in every shown row (such as fail_reason). */
    private List<Integer> visibleColumns(List<List<Object>> rows) {
        List<Integer> shown = new ArrayList<>();
        List<String> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (HIDDEN.contains(name)) {
                continue;
            }
            int col = i;
            boolean always = name.equals("number") || name.equals("state") || name.startsWith("value");
            if (always || rows.stream().anyMatch(r -> r.get(col) != null)) {
                shown.add(i);
            }
        }
        return shown;
    }

    private static String displayName(String column) {
        if (column.startsWith("params_")) {
            return column.substring("params_".length());
        }
        return switch (column) {
            case "datetime_start" -> "started";
            case "duration_seconds" -> "duration";
            default -> column;
        };
    }

    private Comparator<List<Object>> comparator(String sort) {
        boolean reversed = sort.startsWith("-");
        String name = reversed ? sort.substring(1) : sort;
        int column = columnIndex(name);
        boolean bestFirst = name.equals("value") && !study.isMultiObjective()
                && study.direction() == Direction.MAXIMIZE;
        Comparator<Object> values = TrialsView::compareCells;
        if (bestFirst != reversed) {
            values = values.reversed();
        }
        Comparator<Object> order = values;
        // empty cells go last whatever the order
        return (a, b) -> {
            Object x = a.get(column);
            Object y = b.get(column);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return order.compare(x, y);
        };
    }

    private int columnIndex(String name) {
        List<String> columns = table.columns();
        for (String candidate : List.of(name, "params_" + name, "user_attrs_" + name)) {
            int i = columns.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (displayName(columns.get(i)).equals(name)) {
                return i;
            }
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(displayName(c)));
        throw new IllegalArgumentException("no column '" + name + "' to sort by; columns: " + String.join(", ", names));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareCells(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
