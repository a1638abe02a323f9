package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes the notebooks of notebooks/ with a real Jupyter client (nbconvert) and checks their outputs. */
class NotebookExecutionTest {

    /** Runs a notebook of notebooks/ end to end and returns its cells with their outputs; no cell may fail. */
    private static JsonArray execute(String name, Path dir) throws Exception {
        // a copy in the test's folder, so that the files a notebook writes (its SQLite study) land there
        Path notebook = Files.copy(Path.of("..", "notebooks", name).toAbsolutePath().normalize(), dir.resolve(name));
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
        return cells;
    }

    @Test
    void theQuickstartNotebookRunsWithRichOutputsAndNoErrors(@TempDir Path dir) throws Exception {
        JsonArray cells = execute("quickstart.ipynb", dir);

        assertThat(outputOf(cells, "%tune new quickstart")).contains("created study 'quickstart' in sqlite:quickstart.db");
        assertThat(dir.resolve("quickstart.db")).as("the notebook's SQLite study").isNotEmptyFile();
        assertThat(outputOf(cells, "%tune run quickstart")).contains("'quickstart' done: 40/40 trials");
        assertThat(html(cells, "%tune best quickstart")).contains("<table>", "best of &#39;quickstart&#39;");
        assertThat(html(cells, "%tune trials quickstart")).contains("<th>x</th>", "<th>layers</th>");
        assertThat(html(cells, "%%tune space net")).contains("1e-5 .. 0.1");
        // the run started in code shows progress that ends, after its cell has finished, with the summary
        assertThat(outputOf(cells, "Objective slow")).contains("'background' done: 60/60 trials");
        double best = Double.parseDouble(outputOf(cells, "background.bestValue()").strip());
        assertThat(best).isBetween(0.1, 2.0);
    }

    @Test
    void thePlotsNotebookShowsChartsAsPngImages(@TempDir Path dir) throws Exception {
        JsonArray cells = execute("plots.ipynb", dir);

        assertThat(png(cells, "%tune plot history net")).isEqualTo(List.of(800, 500));
        assertThat(png(cells, "%tune plot importance net")).isEqualTo(List.of(800, 500));
        assertThat(png(cells, "%tune plot contour net")).isEqualTo(List.of(640, 480));
        assertThat(png(cells, "%tune plot intermediate net")).isEqualTo(List.of(800, 500));
        assertThat(html(cells, "%tune trials net")).contains("<table>", "<th>lr</th>", "<th>dropout</th>");
        // charts of the Java API as a cell's value: one chart, and a list of panels side by side
        assertThat(png(cells, "Study api")).isEqualTo(List.of(800, 500));
        assertThat(png(cells, "SlicePlot.charts")).isEqualTo(List.of(960, 360));
        assertThat(png(cells, "%tune plot parallel api")).isEqualTo(List.of(800, 500));
        // a study with a run going is drawn as it is; stop --now ends the run, and its display says so
        assertThat(png(cells, "Thread.sleep(1500)")).isEqualTo(List.of(800, 500));
        assertThat(outputOf(cells, "%tune stop live --now")).contains("interrupted the run of 'live': it has ended");
        assertThat(outputOf(cells, "Objective slow")).contains("'live' interrupted: ");
        double best = Double.parseDouble(outputOf(cells, "api.bestValue()").strip());
        assertThat(best).isBetween(0.5, 0.95);
    }

    /** The width and height of the one PNG image a cell shows. */
    private static List<Integer> png(JsonArray cells, String start) throws Exception {
        List<List<Integer>> sizes = new ArrayList<>();
        for (JsonElement o : cell(cells, start).getAsJsonArray("outputs")) {
            JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
            if (data != null && data.has("image/png")) {
                byte[] bytes = Base64.getMimeDecoder().decode(text(data.get("image/png")));
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image).as("the image/png output of '" + start + "' decodes").isNotNull();
                sizes.add(List.of(image.getWidth(), image.getHeight()));
            }
        }
        assertThat(sizes).as("image/png outputs of the cell starting with " + start).hasSize(1);
        return sizes.get(0);
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
