package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** status, best, trials, export, studies and load on a study with known trials. */
class ResultCommandsTest {

    private final Notebook nb = new Notebook();
    private String name;
    private Study study;

    @BeforeEach
    void studyWithKnownTrials() {
        name = Notebook.unique("known");
        nb.line("new " + name + " --direction max");
        study = nb.magics.study(name).orElseThrow();
        add(TrialState.COMPLETE, 0.5, 0.01, 2);
        add(TrialState.COMPLETE, 0.9, 0.001, 3);
        add(TrialState.PRUNED, 0.2, 0.1, 1);
        add(TrialState.FAIL, Double.NaN, 0.05, 4);
        add(TrialState.COMPLETE, 0.7, 0.02, 2);
    }

    private void add(TrialState state, double value, double lr, int layers) {
        FrozenTrial.Builder b = FrozenTrial.builder().state(state)
                .param("lr", lr, new FloatDistribution(1e-4, 1, true, null))
                .param("layers", layers, new IntDistribution(1, 4));
        if (!Double.isNaN(value)) {
            b.value(value);
        }
        study.addTrial(b.build());
    }

    @AfterEach
    void close() {
        nb.close();
    }

    @Test
    void statusOfOneStudyShowsCountsBestAndStrategies() {
        Output out = nb.line("status " + name).shown.get(0);
        assertThat(out.text()).contains("study '" + name + "'", "storage", "memory", "direction", "maximize",
                "sampler", "random", "5 trials (3 complete, 1 pruned, 1 failed)", "best value", "0.9 (trial #1)",
                "lr=0.001, layers=3", "background run", "none");
        assertThat(out.html()).get().asString().contains("<table>", "<td style=\"text-align:left\">maximize</td>");
    }

    @Test
    void statusWithoutANameListsTheNotebooksStudies() {
        String other = Notebook.unique("empty");
        nb.line("new " + other);
        String text = nb.line("status").lastText();
        assertThat(text).startsWith("2 studies in this notebook");
        assertThat(text.lines().filter(l -> l.startsWith(name))).singleElement().asString()
                .contains("maximize", "0.9").matches(".*\\s5\\s+3\\s+1\\s+1\\s+0\\s.*");
        assertThat(text).contains(other);
        assertThat(new Notebook().line("status").lastText()).startsWith("no studies in this notebook yet");
    }

    @Test
    void bestShowsTheBestTrialsParameters() {
        Output out = nb.line("best " + name).shown.get(0);
        assertThat(out.text()).startsWith("best of '" + name + "': 0.9 (trial #1, maximize)").contains("lr", "0.001",
                "layers", "3");
        String empty = Notebook.unique("none");
        nb.line("new " + empty);
        assertThat(nb.line("best " + empty).lastText()).isEqualTo("study '" + empty + "' has no completed trial yet"
                + " (0 trials)");
    }

    @Test
    void bestOfSeveralObjectivesIsTheParetoFront() {
        String multi = Notebook.unique("pareto");
        nb.line("new " + multi + " --direction max,min");
        Study s = nb.magics.study(multi).orElseThrow();
        s.addTrial(FrozenTrial.builder().values(0.9, 10).build());
        s.addTrial(FrozenTrial.builder().values(0.8, 5).build());
        s.addTrial(FrozenTrial.builder().values(0.7, 20).build());
        String text = nb.line("best " + multi).lastText();
        assertThat(text).startsWith("Pareto front of '" + multi + "': 2 trials").contains("values_0 (maximize)",
                "values_1 (minimize)");
        assertThat(text.lines().filter(l -> l.matches("\\s*\\d+\\s.*"))).hasSize(2);
    }

    @Test
    void trialsShowsEveryTrialWithParametersByName() {
        Output out = nb.line("trials " + name).shown.get(0);
        List<String> lines = out.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("trials of '" + name + "': 5");
        assertThat(lines.get(1)).contains("number", "state", "value", "lr", "layers")
                .doesNotContain("params_");
        assertThat(lines).hasSize(3 + 5);
        assertThat(out.html()).get().asString().contains("<th>lr</th>");
    }

    @Test
    void trialsFiltersSortsAndCuts() {
        List<String> complete = rows(nb.line("trials " + name + " --state complete").lastText());
        assertThat(complete).hasSize(3).allMatch(l -> l.contains("COMPLETE"));
        assertThat(complete.get(0)).doesNotContain("fail_reason");

        List<String> top2 = rows(nb.line("trials " + name + " --top 2").lastText());
        assertThat(top2).hasSize(2);
        assertThat(top2.get(0)).contains("0.9");
        assertThat(top2.get(1)).contains("0.7");

        List<String> byLr = rows(nb.line("trials " + name + " --sort lr").lastText());
        assertThat(byLr.get(0)).contains("0.001");
        assertThat(byLr.get(4)).contains("0.1");
        List<String> byLrDown = rows(nb.line("trials " + name + " --sort -lr --state complete,pruned").lastText());
        assertThat(byLrDown).hasSize(4);
        assertThat(byLrDown.get(0)).contains("0.1");

        List<String> worstFirst = rows(nb.line("trials " + name + " --sort -value").lastText());
        assertThat(worstFirst.get(0)).contains("0.2");
        assertThat(worstFirst.get(4)).contains("FAIL");
    }

    private static List<String> rows(String text) {
        return text.lines().skip(3).toList();
    }

    @Test
    void trialsOptionsAreChecked() {
        assertThatThrownBy(() -> nb.line("trials " + name + " --state done")).hasMessageContaining(
                "--state: unknown state 'done'; states: complete, pruned, fail, running, waiting");
        assertThatThrownBy(() -> nb.line("trials " + name + " --sort speed")).hasMessageContaining(
                "--sort: no column 'speed' to sort by; columns: number, state, value").hasMessageContaining("lr");
        assertThatThrownBy(() -> nb.line("trials " + name + " --top 0")).hasMessageContaining(
                "--top must be at least 1");
    }

    @Test
    void exportWritesTheTrialsAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trials.csv");
        String text = nb.line("export " + name + " --csv " + file).lastText();
        assertThat(text).isEqualTo("wrote 5 trials of '" + name + "' to " + file.toAbsolutePath());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("number,state,value,").contains("params_lr", "params_layers");
        assertThatThrownBy(() -> nb.line("export " + name)).hasMessageContaining("needs --csv FILE");
        assertThatThrownBy(() -> nb.line("export " + name + " --csv " + dir.resolve("no/such/dir.csv")))
                .isInstanceOf(MagicException.class).hasMessageEndingWith("no/such does not exist");
    }

    @Test
    void studiesListsAStorageAndLoadOpensAStudyFromIt(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("shared.db");
        Study stored = Tune.study().name("stored").storage(url).direction(Direction.MINIMIZE).create();
        stored.addTrial(FrozenTrial.builder().value(1.5).build());
        stored.addTrial(FrozenTrial.builder().value(0.5).build());
        String listing = nb.line("studies --storage " + url).lastText();
        assertThat(listing).startsWith("1 study in " + url).contains("stored", "minimize", "0.5");

        assertThat(nb.line("load stored --storage " + url).lastText())
                .isEqualTo("loaded study 'stored' from " + url + ": minimize, 2 trials (2 complete, 0 pruned, 0 failed)");
        assertThat(nb.line("best stored").lastText()).startsWith("best of 'stored': 0.5 (trial #1, minimize)");
        // without --storage, studies lists memory and every storage the notebook uses
        RecordingDisplay all = nb.line("studies");
        assertThat(all.allText()).contains("in memory", name, "in " + url);

        assertThatThrownBy(() -> nb.line("load missing --storage " + url)).isInstanceOf(MagicException.class)
                .hasMessageContaining("no study named 'missing'").hasMessageContaining("it holds: stored");
        assertThatThrownBy(() -> nb.line("studies --storage ftp://x")).hasMessageContaining(
                "storage URL 'ftp://x' is not understood");
    }
}
