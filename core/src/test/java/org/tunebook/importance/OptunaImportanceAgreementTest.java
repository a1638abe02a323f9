package org.tunebook.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.Objective;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/**
 * tunebook and Debian's Python Optuna (python3-optuna 3.1, with python3-sklearn for its forest) rank the
 * parameters of the same stored study the same way. The study is written by tunebook to a SQLite file in
 * Optuna 3.1's schema and read by Optuna from that file.
 */
class OptunaImportanceAgreementTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** x dominates, n matters a little, the log-scaled lr and the categorical act not at all. */
    private static final Objective OBJECTIVE = t -> {
        double x = t.suggestFloat("x", -1, 1);
        int n = t.suggestInt("n", 1, 8);
        t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
        t.suggestCategorical("act", "relu", "tanh", "gelu");
        return 10 * x * x + 0.4 * n;
    };

    private Study storedStudy() {
        Path file = dir.resolve("importance.db");
        Study study = Tune.study().name("agree").storage("sqlite:" + file + "?optuna_schema=v3.0.0.d")
                .direction(Direction.MINIMIZE).sampler(new RandomSampler(2024)).create();
        study.optimize(OBJECTIVE, 100);
        return study;
    }

    private String pythonUrl() {
        return "sqlite:///" + dir.resolve("importance.db").toAbsolutePath();
    }

    @Test
    void fanovaRanksTheParametersAsOptunaDoes() throws Exception {
        Study study = storedStudy();
        assertAgree(Importance.of(study), optunaImportances("fanova"));
    }

    @Test
    void meanDecreaseImpurityRanksTheParametersAsOptunaDoes() throws Exception {
        Study study = storedStudy();
        assertAgree(Importance.of(study, new MeanDecreaseImpurityEvaluator()), optunaImportances("mdi"));
    }

    /**
     * Both put x first and n second, with importances a few hundredths apart at most (the two forests differ);
     * the two parameters without effect share the small rest in an order that is noise.
     */
    private static void assertAgree(Map<String, Double> ours, JsonArray optuna) {
        Map<String, Double> theirs = new LinkedHashMap<>();
        for (JsonElement e : optuna) {
            theirs.put(e.getAsJsonArray().get(0).getAsString(), e.getAsJsonArray().get(1).getAsDouble());
        }
        String both = "tunebook " + ours + ", Optuna " + theirs;
        assertThat(List.copyOf(ours.keySet()).subList(0, 2)).as(both).containsExactly("x", "n");
        assertThat(List.copyOf(theirs.keySet()).subList(0, 2)).as(both).containsExactly("x", "n");
        assertThat(theirs.keySet()).as(both).containsExactlyInAnyOrderElementsOf(ours.keySet());
        for (String name : List.of("x", "n")) {
            assertThat(ours.get(name)).as(both).isCloseTo(theirs.get(name), within(0.05));
        }
    }

    /** Runs the script with Debian's Python; fails the test (never skips) if Optuna or scikit-learn is missing. */
    private JsonArray optunaImportances(String evaluator) throws Exception {
        Path script = Paths.get(getClass().getResource("/importance/optuna_importance.py").toURI());
        List<String> cmd = List.of(PYTHON, script.toString(), pythonUrl(), "agree", evaluator);
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + cmd + " failed (are Debian's python3-optuna and python3-sklearn"
                    + " installed? install/test.sh installs them):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonArray();
    }
}
