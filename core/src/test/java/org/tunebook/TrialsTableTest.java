package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.storage.InMemoryStorage;

class TrialsTableTest {

    private static final FloatDistribution X = new FloatDistribution(0, 10);
    private static final IntDistribution N = new IntDistribution(1, 5);

    private static Study study(Direction... directions) {
        return Tune.study().storage(new InMemoryStorage()).directions(directions).create();
    }

    private static Object cell(TrialsTable table, int row, String column) {
        int index = table.columns().indexOf(column);
        assertThat(index).as("column %s in %s", column, table.columns()).isGreaterThanOrEqualTo(0);
        return table.rows().get(row).get(index);
    }

    @Test
    void columnsOfASingleObjectiveStudy() {
        Study study = study(Direction.MINIMIZE);
        study.addTrial(FrozenTrial.builder().value(1.5).param("x", 2.0, X).userAttr("note", "a").build());
        study.addTrial(FrozenTrial.builder().value(0.5).param("n", 3, N).userAttr("gpu", true).build());
        study.fail(study.ask(), "boom");
        TrialsTable table = study.trialsTable();
        assertThat(table.columns()).containsExactly("number", "state", "value", "datetime_start",
                "datetime_complete", "duration_seconds", "params_x", "params_n", "user_attrs_note", "user_attrs_gpu",
                "fail_reason");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r).hasSize(table.columns().size()));

        assertThat(cell(table, 0, "number")).isEqualTo(0);
        assertThat(cell(table, 0, "state")).isEqualTo("COMPLETE");
        assertThat(cell(table, 0, "value")).isEqualTo(1.5);
        assertThat(cell(table, 0, "params_x")).isEqualTo(2.0);
        assertThat(cell(table, 0, "params_n")).isNull(); // missing parameter: empty cell
        assertThat(cell(table, 0, "user_attrs_note")).isEqualTo("a");
        assertThat(cell(table, 0, "user_attrs_gpu")).isNull();
        assertThat(cell(table, 0, "fail_reason")).isNull();
        assertThat(cell(table, 0, "datetime_start")).isNotNull();
        assertThat((Double) cell(table, 0, "duration_seconds")).isGreaterThanOrEqualTo(0.0);

        assertThat(cell(table, 1, "params_x")).isNull();
        assertThat(cell(table, 1, "params_n")).isEqualTo(3);
        assertThat(cell(table, 1, "user_attrs_gpu")).isEqualTo(true);

        assertThat(cell(table, 2, "state")).isEqualTo("FAIL");
        assertThat(cell(table, 2, "value")).isNull();
        assertThat(cell(table, 2, "fail_reason")).isEqualTo("boom");
    }

    @Test
    void multiObjectiveStudiesHaveOneValueColumnPerObjective() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE);
        study.addTrial(FrozenTrial.builder().values(1, 2, 3).build());
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).build());
        TrialsTable table = study.trialsTable();
        assertThat(table.columns()).contains("values_0", "values_1", "values_2").doesNotContain("value");
        assertThat(table.columns().indexOf("values_0")).isEqualTo(2);
        assertThat(cell(table, 0, "values_0")).isEqualTo(1.0);
        assertThat(cell(table, 0, "values_1")).isEqualTo(2.0);
        assertThat(cell(table, 0, "values_2")).isEqualTo(3.0);
        assertThat(cell(table, 1, "values_1")).isNull();
    }

    @Test
    void anEmptyStudyHasTheFixedColumnsAndNoRows() {
        TrialsTable table = study(Direction.MINIMIZE).trialsTable();
        assertThat(table.size()).isZero();
        assertThat(table.columns()).containsExactly("number", "state", "value", "datetime_start",
                "datetime_complete", "duration_seconds", "fail_reason");
        assertThat(table.toCsv()).isEqualTo(String.join(",", table.columns()) + "\r\n");
    }

    @Test
    void csvQuotesCommasQuotesAndNewlines() {
        Study study = study(Direction.MINIMIZE);
        CategoricalDistribution c = new CategoricalDistribution(List.of("a,b", "say \"hi\"", "two\nlines", "plain"));
        study.addTrial(FrozenTrial.builder().value(1).param("c", "a,b", c).userAttr("u", "x\r\ny").build());
        study.addTrial(FrozenTrial.builder().value(2).param("c", "say \"hi\"", c).build());
        study.addTrial(FrozenTrial.builder().value(3).param("c", "two\nlines", c).build());
        study.addTrial(FrozenTrial.builder().value(4).param("c", "plain", c).build());
        String csv = study.trialsTable().toCsv();

        assertThat(csv).contains("\"a,b\"").contains("\"say \"\"hi\"\"\"").contains("\"two\nlines\"")
                .contains("\"x\r\ny\"").contains(",plain,");
        List<List<String>> parsed = parseCsv(csv);
        assertThat(parsed).hasSize(5);
        int col = parsed.get(0).indexOf("params_c");
        int ucol = parsed.get(0).indexOf("user_attrs_u");
        assertThat(parsed.get(1).get(col)).isEqualTo("a,b");
        assertThat(parsed.get(1).get(ucol)).isEqualTo("x\r\ny");
        assertThat(parsed.get(2).get(col)).isEqualTo("say \"hi\"");
        assertThat(parsed.get(3).get(col)).isEqualTo("two\nlines");
        assertThat(parsed.get(4).get(col)).isEqualTo("plain");
        assertThat(parsed.get(2).get(ucol)).isEmpty();
    }

    @Test
    void listAndMapAttributesAreWrittenAsJson() {
        Study study = study(Direction.MINIMIZE);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", List.of(1, 2));
        nested.put("name", "a \"b\"");
        nested.put("none", null);
        study.addTrial(FrozenTrial.builder().value(1)
                .userAttr("map", nested)
                .userAttr("list", Arrays.asList("a", "b,c", true, 1.5, null, "<x>"))
                .userAttr("int", 3).userAttr("float", 0.5).userAttr("flag", true).userAttr("text", "plain")
                .build());
        TrialsTable table = study.trialsTable();
        // rows keep the values as Java objects
        assertThat(cell(table, 0, "user_attrs_map")).isEqualTo(nested);
        List<List<String>> parsed = parseCsv(table.toCsv());
        List<String> header = parsed.get(0);
        List<String> row = parsed.get(1);
        assertThat(row.get(header.indexOf("user_attrs_map")))
                .isEqualTo("{\"k\":[1,2],\"name\":\"a \\\"b\\\"\",\"none\":null}");
        assertThat(row.get(header.indexOf("user_attrs_list"))).isEqualTo("[\"a\",\"b,c\",true,1.5,null,\"<x>\"]");
        assertThat(row.get(header.indexOf("user_attrs_int"))).isEqualTo("3");
        assertThat(row.get(header.indexOf("user_attrs_float"))).isEqualTo("0.5");
        assertThat(row.get(header.indexOf("user_attrs_flag"))).isEqualTo("true");
        assertThat(row.get(header.indexOf("user_attrs_text"))).isEqualTo("plain");
    }

    @Test
    void writeCsvAndReadItBack(@TempDir Path dir) throws Exception {
        Study study = study(Direction.MAXIMIZE);
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.setUserAttr("label", "run, \"" + t.number() + "\"");
            if (t.number() == 2) {
                throw new IllegalStateException("bad, very bad");
            }
            return x;
        }, 4);
        Path file = dir.resolve("trials.csv");
        study.trialsTable().writeCsv(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(text);
        List<String> header = rows.get(0);
        assertThat(header).isEqualTo(study.trialsTable().columns());
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 4; i++) {
            FrozenTrial t = study.trial(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(header.indexOf("number"))).isEqualTo(String.valueOf(i));
            assertThat(row.get(header.indexOf("state"))).isEqualTo(t.state().name());
            assertThat(Double.parseDouble(row.get(header.indexOf("params_x")))).isEqualTo(t.params().get("x"));
            assertThat(row.get(header.indexOf("user_attrs_label"))).isEqualTo("run, \"" + i + "\"");
            if (t.state() == TrialState.COMPLETE) {
                assertThat(Double.parseDouble(row.get(header.indexOf("value")))).isEqualTo(t.value());
                assertThat(row.get(header.indexOf("fail_reason"))).isEmpty();
            }
        }
        assertThat(rows.get(3).get(header.indexOf("state"))).isEqualTo("FAIL");
        assertThat(rows.get(3).get(header.indexOf("value"))).isEmpty();
        assertThat(rows.get(3).get(header.indexOf("fail_reason"))).contains("bad, very bad");

        // writing again replaces the file
        Study other = study(Direction.MINIMIZE);
        other.trialsTable().writeCsv(file);
        assertThat(parseCsv(Files.readString(file))).hasSize(1);
    }

    /** A small RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(ch);
                }
                i++;
                continue;
            }
            if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
            i++;
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
