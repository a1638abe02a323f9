package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

class BestCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "best.db");
        SampleStudies.write(url);
    }

    @Test
    void printsTheBestTrialWithItsParametersAndUserAttributes() {
        FrozenTrial best = SampleStudies.read("rf", url, Study::bestTrial);
        assertThat(best.number()).isEqualTo(1);

        CliRun run = CliRun.of("best", "--study", "rf", "--storage", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("study 'rf' (maximize, 8 trials): best trial #1, value 0.9\n")
                .contains("params:\n  lr      " + best.params().get("lr") + "\n")
                .contains("  layers  " + best.params().get("layers") + "\n")
                .contains("  act     " + best.params().get("act") + "\n")
                .contains("user attrs:\n  note  trial 1\n");
    }

    @Test
    void jsonIsTheBestTrial() {
        FrozenTrial best = SampleStudies.read("rf", url, Study::bestTrial);

        CliRun run = CliRun.of("best", "--study", "rf", "--storage", url, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.get("study").getAsString()).isEqualTo("rf");
        assertThat(o.get("directions").toString()).isEqualTo("[\"maximize\"]");
        JsonObject t = o.getAsJsonObject("best_trial");
        assertThat(t.get("number").getAsInt()).isEqualTo(best.number());
        assertThat(t.get("value").getAsDouble()).isEqualTo(best.value());
        assertThat(t.getAsJsonObject("params").get("lr").getAsDouble()).isEqualTo(best.params().get("lr"));
        assertThat(t.getAsJsonObject("params").get("layers").getAsInt())
                .isEqualTo(((Number) best.params().get("layers")).intValue());
        assertThat(t.getAsJsonObject("params").get("act").getAsString()).isEqualTo(best.params().get("act"));
        assertThat(t.getAsJsonObject("user_attrs").get("note").getAsString()).isEqualTo("trial 1");
        assertThat(o.has("best_trials")).isFalse();
    }

    @Test
    void aMultiObjectiveStudyGivesItsParetoFront() {
        List<Integer> front = SampleStudies.read("pareto", url, s -> s.bestTrials().stream().map(FrozenTrial::number).toList());
        assertThat(front).containsExactlyInAnyOrder(0, 1, 3);

        CliRun text = CliRun.of("best", "--study", "pareto", "--storage", url);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("study 'pareto' (minimize,maximize, 5 trials): Pareto front of 3 trials\n")
                .containsPattern("(?m)^number +values_0 +values_1 +params_x$")
                .containsPattern("(?m)^ +1 +2 +3 +0\\.\\d+$")
                .doesNotContainPattern("(?m)^ +2 +3 +2 ");

        CliRun json = CliRun.of("best", "--study", "pareto", "--storage", url, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonArray trials = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("best_trials");
        List<Integer> numbers = new ArrayList<>();
        trials.forEach(e -> numbers.add(e.getAsJsonObject().get("number").getAsInt()));
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(front);
        JsonObject second = trials.get(numbers.indexOf(1)).getAsJsonObject();
        assertThat(second.get("values").toString()).isEqualTo("[2.0,3.0]");
    }

    @Test
    void aStudyWithoutCompletedTrialsIsAnError() {
        CliRun run = CliRun.of("best", "--study", "empty", "--storage", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: study 'empty' has no completed trial yet (0 trials in all); run some"
                + " trials first\n");
        assertThat(run.out()).isEmpty();
    }
}
