package org.tunebook.cli;

import com.google.gson.JsonArray;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.TrialsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tunebook trials}: a study's trials table, filtered and sorted, as text, CSV or JSON. */
@Command(name = "trials",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a study's trials table: number, state, value (values_0, values_1, … with several objectives),"
                + " datetime_start, datetime_complete, duration_seconds, params_NAME, user_attrs_NAME, fail_reason.",
            "The text table shows times in local time; --csv and --json give them in ISO-8601 UTC, with the same"
                + " columns as Optuna's trials_dataframe."})
final class TrialsCommand implements Callable<Integer> {

    private static final int MAX_TEXT_CELL = 60;

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOption study;

    @Mixin
    StorageOption storage;

    @Option(names = "--state", paramLabel = "STATE", split = ",", splitSynopsisLabel = ",",
            description = "Only trials in these states: ${COMPLETION-CANDIDATES} (any case; repeat the option or"
                    + " separate with commas).")
    List<TrialState> states = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "COLUMN",
            description = "Order by this column (or parameter or user attribute name): value and values_N best first"
                    + " in the study's direction, other columns ascending; empty cells last. Default: number.")
    String sort;

    @Option(names = "--reverse", description = "Reverse the order of --sort.")
    boolean reverse;

    @Option(names = "--top", paramLabel = "N",
            description = "Only the first N trials. Without --sort the N best by value (best first), and without"
                    + " --state only COMPLETE trials, as 'best' counts them.")
    Integer top;

    @Option(names = "--csv", description = "Print CSV (RFC 4180, as 'export --csv' writes).")
    boolean csv;

    @Option(names = "--json", description = "Print a JSON array with one object per trial, keyed by column.")
    boolean json;

    @Override
    public Integer call() {
        if (csv && json) {
            throw new ParameterException(spec.commandLine(), "--csv and --json cannot be combined");
        }
        if (top != null && top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        Study s = Stores.load(study.name, storage.url);
        TrialsTable table;
        try {
            table = s.trialsTable();
        } finally {
            Stores.close(s.storage());
        }
        List<String> columns = table.columns();
        Set<TrialState> wanted = states.isEmpty() ? EnumSet.allOf(TrialState.class) : EnumSet.copyOf(states);
        String sortColumn = sort;
        if (top != null && sort == null) {
            if (s.isMultiObjective()) {
                throw new UsageError("study '" + s.name() + "' has "
                        + s.directions().size() + " objectives; give --top with --sort "
                        + valueColumns(columns).stream().collect(Collectors.joining(" or ")));
            }
            sortColumn = "value";
            if (states.isEmpty()) {
                wanted = EnumSet.of(TrialState.COMPLETE);
            }
        }
        int stateColumn = columns.indexOf("state");
        List<List<Object>> all = table.rows();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (wanted.contains(TrialState.valueOf((String) all.get(i).get(stateColumn)))) {
                rows.add(i);
            }
        }
        if (sortColumn != null) {
            Comparator<List<Object>> order = order(columns, s.directions(), sortColumn);
            rows.sort((a, b) -> order.compare(all.get(a), all.get(b)));
        }
        if (top != null && rows.size() > top) {
            rows = rows.subList(0, top);
        }
        print(s, table, rows);
        return 0;
    }

    /** Prints the table's rows of these indexes, in this order. */
    private void print(Study s, TrialsTable table, List<Integer> rows) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> columns = table.columns();
        if (csv) {
            // The table's own CSV, record by record, so that cells are written exactly as 'export --csv' writes them.
            List<String> records = Csv.records(table.toCsv());
            out.print(records.get(0));
            rows.forEach(i -> out.print(records.get(i + 1)));
        } else if (json) {
            JsonArray array = new JsonArray();
            rows.forEach(i -> array.add(JsonOutput.row(columns, table.rows().get(i))));
            out.println(JsonOutput.text(array));
        } else if (rows.isEmpty()) {
            out.println(states.isEmpty() && top == null ? "study '" + s.name() + "' has no trials"
                    : "no trials of study '" + s.name() + "' match");
        } else {
            TextTable text = new TextTable(columns);
            for (int i : rows) {
                List<String> cells = new ArrayList<>(columns.size());
                for (Object cell : table.rows().get(i)) {
                    String c = Formats.cell(cell);
                    cells.add(c.length() > MAX_TEXT_CELL ? c.substring(0, MAX_TEXT_CELL - 1) + "…" : c);
                }
                text.add(cells);
            }
            text.print(out);
        }
        out.flush();
    }

    private static List<String> valueColumns(List<String> columns) {
        return columns.stream().filter(c -> c.equals("value") || c.startsWith("values_")).collect(Collectors.toList());
    }

    /**
     * The order of --sort: objective columns best first in their direction, other columns ascending (numbers
     * by value, before text); empty cells and NaN last whatever the direction.
     */
    private Comparator<List<Object>> order(List<String> columns, List<Direction> directions, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            index = columns.indexOf("params_" + name);
        }
        if (index < 0) {
            index = columns.indexOf("user_attrs_" + name);
        }
        if (index < 0) {
            throw new UsageError("--sort " + name + ": no such column; the columns are "
                    + String.join(", ", columns));
        }
        String column = columns.get(index);
        boolean descending = reverse;
        if (column.equals("value")) {
            descending ^= directions.get(0) == Direction.MAXIMIZE;
        } else if (column.startsWith("values_")) {
            descending ^= directions.get(Integer.parseInt(column.substring("values_".length()))) == Direction.MAXIMIZE;
        }
        int i = index;
        Comparator<Object> ascending = TrialsCommand::compareCells;
        Comparator<Object> present = descending ? ascending.reversed() : ascending;
        return (a, b) -> {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean xEmpty = isEmpty(x);
            boolean yEmpty = isEmpty(y);
            if (xEmpty || yEmpty) {
                return Boolean.compare(xEmpty, yEmpty);
            }
            return present.compare(x, y);
        };
    }

    private static boolean isEmpty(Object cell) {
        return cell == null || (cell instanceof Double d && d.isNaN());
    }

    /** Ascending order of two non-empty cells: numbers by value and before anything else, then by text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareCells(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number || b instanceof Number) {
            return a instanceof Number ? -1 : 1;
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
