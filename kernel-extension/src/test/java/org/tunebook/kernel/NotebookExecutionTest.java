package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes notebooks/quickstart.ipynb with a real Jupyter client (nbconvert) and checks its outputs. */
class NotebookExecutionTest {

    @Test
    void theQuickstartNotebookRunsWithRichOutputsAndNoErrors(@TempDir Path dir) throws Exception {
        Path notebook = Path.of("..", "notebooks", "quickstart.ipynb").toAbsolutePath().normalize();
        JupyterHarness jupyter = new JupyterHarness(dir);
        JupyterHarness.Result result = jupyter.run(dir, 300, JupyterHarness.JUPYTER.toString(), "nbconvert",
                "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120", notebook.toString(),
                "--output-dir", dir.toString(), "--output", "executed");
        assertThat(result.exitCode()).as(result.output()).isZero();

        JsonArray cells = JsonParser.parseString(Files.readString(dir.resolve("executed.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells");
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement cell : cells) {
            JsonArray out = cell.getAsJsonObject().getAsJsonArray("outputs");
            if (out != null) {
                out.forEach(o -> outputs.add(o.getAsJsonObject()));
            }
        }
        assertThat(outputs).noneMatch(o -> o.get("output_type").getAsString().equals("error"));

        assertThat(outputOf(cells, "%tune run quickstart")).contains("'quickstart' done: 40/40 trials");
        assertThat(html(cells, "%tune best quickstart")).contains("<table>", "best of &#39;quickstart&#39;");
        assertThat(html(cells, "%tune trials quickstart")).contains("<th>x</th>", "<th>layers</th>");
        assertThat(html(cells, "%%tune space net")).contains("1e-5 .. 0.1");
        // the run started in code shows progress that ends, after its cell has finished, with the summary
        assertThat(outputOf(cells, "Objective slow")).contains("'background' done: 60/60 trials");
        double best = Double.parseDouble(outputOf(cells, "background.bestValue()").strip());
        assertThat(best).isBetween(0.1, 2.0);
    }

    private static JsonObject cell(JsonArray cells, String start) {
        for (JsonElement c : cells) {
            JsonObject cell = c.getAsJsonObject();
            if (text(cell.get("source")).startsWith(start)) {
                return cell;
            }
        }
        throw new AssertionError("no cell starts with " + start);
    }

    private static String outputOf(JsonArray cells, String start) {
        return data(cells, start, "text/plain");
    }

    private static String html(JsonArray cells, String start) {
        return data(cells, start, "text/html");
    }

    private static String data(JsonArray cells, String start, String mime) {
        StringBuilder s = new StringBuilder();
        for (JsonElement o : cell(cells, start).getAsJsonArray("outputs")) {
            JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
            if (data != null && data.has(mime)) {
                s.append(text(data.get(mime))).append('\n');
            }
        }
        return s.toString();
    }

    private static String text(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder s = new StringBuilder();
            e.getAsJsonArray().forEach(x -> s.append(x.getAsString()));
            return s.toString();
        }
        return e.getAsString();
    }
}
