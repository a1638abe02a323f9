package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

class TrialsCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "trials.db");
        SampleStudies.write(url);
    }

    @Test
    void csvIsTheStudysTrialsTable() {
        String expected = SampleStudies.read("rf", url, s -> s.trialsTable().toCsv());

        CliRun run = CliRun.of("trials", "--study", "rf", "--storage", url, "--csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected);
        assertThat(run.out().split("\r\n")[0]).startsWith("number,state,value,datetime_start,datetime_complete,"
                + "duration_seconds,params_lr,params_layers,params_act,user_attrs_").endsWith(",fail_reason")
                .contains(",user_attrs_note,", ",user_attrs_tags,", ",user_attrs_config,");
        assertThat(run.out()).contains("\"slow, but steady\"", "\"diverged: loss=\"\"nan\"\", step 3\"");
    }

    @Test
    void jsonHasEveryTrialWithItsValuesAndParameters() {
        List<FrozenTrial> trials = SampleStudies.read("rf", url, Study::trials);

        CliRun run = CliRun.of("trials", "--study", "rf", "--storage", url, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonArray rows = JsonParser.parseString(run.out()).getAsJsonArray();
        assertThat(rows).hasSize(trials.size());
        for (int i = 0; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            JsonObject row = rows.get(i).getAsJsonObject();
            assertThat(row.get("number").getAsInt()).isEqualTo(t.number());
            assertThat(row.get("state").getAsString()).isEqualTo(t.state().name());
            if (t.hasValue()) {
                assertThat(row.get("value").getAsDouble()).isEqualTo(t.value());
            } else {
                assertThat(row.get("value").isJsonNull()).as("value of trial %d", i).isTrue();
            }
            assertThat(row.get("params_lr").getAsDouble()).isEqualTo((Double) t.params().get("lr"));
            assertThat(row.get("params_layers").getAsInt()).isEqualTo(((Number) t.params().get("layers")).intValue());
            assertThat(row.get("params_act").getAsString()).isEqualTo(t.params().get("act"));
            assertThat(row.get("user_attrs_note").getAsString()).isEqualTo(t.userAttrs().get("note"));
            assertThat(row.get("datetime_start").getAsString()).isEqualTo(t.started().toString());
        }
        JsonObject first = rows.get(0).getAsJsonObject();
        assertThat(first.get("user_attrs_tags").toString()).isEqualTo("[\"baseline\",\"multi\\nline\"]");
        assertThat(first.get("user_attrs_config").toString()).isEqualTo("{\"depth\":3}");
        assertThat(rows.get(1).getAsJsonObject().get("user_attrs_tags").isJsonNull()).isTrue();
        assertThat(rows.get(5).getAsJsonObject().get("fail_reason").getAsString()).isEqualTo("diverged: loss=\"nan\", step 3");
        assertThat(rows.get(7).getAsJsonObject().get("datetime_complete").isJsonNull()).isTrue();
    }

    @Test
    void textTableIsAligned() {
        CliRun run = CliRun.of("trials", "--study", "rf", "--storage", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("number  state     value  datetime_start").contains("params_lr", "fail_reason");
        assertThat(lines[2]).matches(" +1 +COMPLETE +0\\.9 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +.*");
        assertThat(lines[6]).contains("FAIL", "diverged: loss=\"nan\", step 3");
        // numbers are right-aligned: the value column ends at the same place in every row
        int end = lines[0].indexOf("value") + "value".length();
        assertThat(lines[1].substring(0, end)).endsWith("0.5");
        assertThat(lines[7].substring(0, end)).endsWith("0.3");
    }

    @Test
    void topIsTheBestCompleteTrialsInTheStudysDirection() {
        assertThat(numbers(CliRun.of("trials", "--study", "rf", "--storage", url, "--top", "3", "--json")))
                .containsExactly(1, 3, 2);
        // with --state, PRUNED trials (value 0.3) count too
        assertThat(numbers(CliRun.of("trials", "--study", "rf", "--storage", url, "--top", "5", "--state",
                "complete,pruned", "--json"))).containsExactly(1, 3, 2, 0, 6);
    }

    @Test
    void sortOrdersByAColumnWithEmptyCellsLast() {
        // value, maximized: best first; the FAIL and RUNNING trials have no value and come last
        assertThat(numbers(CliRun.of("trials", "--study", "rf", "--storage", url, "--sort", "value", "--json")))
                .containsExactly(1, 3, 2, 0, 6, 4, 5, 7);
        assertThat(numbers(CliRun.of("trials", "--study", "rf", "--storage", url, "--sort", "value", "--reverse",
                "--json"))).containsExactly(4, 6, 0, 2, 1, 3, 5, 7);
        // a parameter by its bare name, ascending
        List<Integer> byLr = numbers(CliRun.of("trials", "--study", "rf", "--storage", url, "--sort", "lr", "--json"));
        List<Double> lrs = SampleStudies.read("rf", url, s -> {
            List<Double> l = new ArrayList<>();
            byLr.forEach(n -> l.add((Double) s.trial(n).params().get("lr")));
            return l;
        });
        assertThat(lrs).isSorted().hasSize(8);
        // a multi-objective study's second objective is maximized
        assertThat(numbers(CliRun.of("trials", "--study", "pareto", "--storage", url, "--sort", "values_1", "--top",
                "2", "--json"))).containsExactly(1, 2);
    }

    @Test
    void stateFiltersRows() {
        CliRun run = CliRun.of("trials", "--study", "rf", "--storage", url, "--state", "FAIL", "--state", "running",
                "--csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("5,FAIL,");
        assertThat(lines[2]).startsWith("7,RUNNING,");
    }

    @Test
    void csvOfSelectedRowsIsCutFromTheTablesCsv() {
        List<String> all = Csv.records(SampleStudies.read("rf", url, s -> s.trialsTable().toCsv()));
        assertThat(all).hasSize(9);

        CliRun run = CliRun.of("trials", "--study", "rf", "--storage", url, "--top", "2", "--reverse", "--csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // --reverse with --top: the two worst COMPLETE trials, 4 (0.1) and 0 (0.5, with the list and map attributes)
        assertThat(run.out()).isEqualTo(all.get(0) + all.get(5) + all.get(1));
    }

    @Test
    void csvRecordsMayHoldLineBreaksInQuotedCells() {
        assertThat(Csv.records("a,b\r\n1,\"x\r\ny\"\r\n2,\"say \"\"hi\"\"\"\r\n"))
                .containsExactly("a,b\r\n", "1,\"x\r\ny\"\r\n", "2,\"say \"\"hi\"\"\"\r\n");
        assertThat(Csv.records("a\r\nb")).containsExactly("a\r\n", "b");
    }

    @Test
    void anEmptyStudyAndAnEmptySelectionSaySo() {
        CliRun empty = CliRun.of("trials", "--study", "empty", "--storage", url);
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEqualTo("study 'empty' has no trials\n");
        assertThat(CliRun.of("trials", "--study", "empty", "--storage", url, "--json").out().strip()).isEqualTo("[]");
        CliRun none = CliRun.of("trials", "--study", "rf", "--storage", url, "--state", "waiting");
        assertThat(none.out()).isEqualTo("no trials of study 'rf' match\n");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun column = CliRun.of("trials", "--study", "rf", "--storage", url, "--sort", "bogus");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).startsWith("tunebook: --sort bogus: no such column; the columns are number, state, value,")
                .contains("(see 'tunebook trials --help')");
        assertThat(column.err().lines()).hasSize(1);

        CliRun multi = CliRun.of("trials", "--study", "pareto", "--storage", url, "--top", "2");
        assertThat(multi.exitCode()).isEqualTo(2);
        assertThat(multi.err()).contains("study 'pareto' has 2 objectives; give --top with --sort values_0 or values_1");

        assertThat(CliRun.of("trials", "--study", "rf", "--storage", url, "--csv", "--json").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("trials", "--study", "rf", "--storage", url, "--top", "0").exitCode()).isEqualTo(2);
        CliRun state = CliRun.of("trials", "--study", "rf", "--storage", url, "--state", "done");
        assertThat(state.exitCode()).isEqualTo(2);
        assertThat(state.err()).contains("expected one of [RUNNING, COMPLETE, PRUNED, FAIL, WAITING]");
        assertThat(CliRun.of("trials", "--storage", url).exitCode()).isEqualTo(2);
    }

    private static final Pattern NUMBER = Pattern.compile("\"number\": (\\d+)");

    /** The trial numbers of a --json output, in order; and the run must have succeeded. */
    static List<Integer> numbers(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Integer> numbers = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(run.out()).getAsJsonArray()) {
            numbers.add(e.getAsJsonObject().get("number").getAsInt());
        }
        Matcher m = NUMBER.matcher(run.out());
        int count = 0;
        while (m.find()) {
            count++;
        }
        assertThat(count).isEqualTo(numbers.size());
        return numbers;
    }
}
