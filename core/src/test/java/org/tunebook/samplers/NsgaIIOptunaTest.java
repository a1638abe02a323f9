package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * tunebook's NSGA-II and Python Optuna's (Debian's python3-optuna 3.1) continue each other's studies in one
 * SQLite file: generations go on across the two, and the parent population tunebook works out from Optuna's
 * trials is the one Optuna cached in the study.
 */
class NsgaIIOptunaTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Direction[] TWO = {Direction.MINIMIZE, Direction.MINIMIZE};

    @TempDir
    Path dir;

    /** The twin of {@code objective} in optuna_nsga2.py. */
    private static double[] objective(Trial t) {
        double x0 = t.suggestFloat("x0", 0, 1);
        double x1 = t.suggestFloat("x1", 0, 1);
        double lr = t.suggestFloat("lr", 1e-4, 1, Scale.LOG);
        int k = t.suggestInt("k", 0, 6);
        String c = t.suggestCategorical("c", "a", "b", "c");
        double g = 1 + 9 * x1 + Math.abs(Math.log10(lr) + 2) + 0.5 * Math.abs(k - 3) + (c.equals("b") ? 0 : 1);
        return new double[] {x0, g * (1 - Math.sqrt(x0 / g))};
    }

    @Test
    void anOptunaStudyGoesOnHereWithOptunasParentPopulation() throws Exception {
        Path file = dir.resolve("optuna.db");
        JsonObject optuna = python(file, "py", 25, 10, 0);
        // Optuna ran generations 0 and 1 (10 trials each) and 5 trials of generation 2
        JsonArray trials = optuna.getAsJsonArray("trials");
        for (JsonElement e : trials) {
            JsonObject t = e.getAsJsonObject();
            assertThat(t.get("generation").getAsInt()).isEqualTo(t.get("number").getAsInt() / 10);
        }
        List<Integer> optunaParents = numbers(optuna.getAsJsonObject("populations").getAsJsonArray("1"));

        Study study = Tune.study().name("py").storage("sqlite:" + file).directions(TWO).loadIfExists(true)
                .sampler(NsgaIISampler.builder().populationSize(10).seed(1).build()).create();
        NsgaGenerations.Place place = new NsgaGenerations(10, false, false, Duration.ZERO).current(study);
        assertThat(place.generation()).isEqualTo(2);
        assertThat(place.parents().stream().map(FrozenTrial::number)).as("parents after generation 1")
                .containsExactlyInAnyOrderElementsOf(optunaParents);

        study.optimize(Objective.multi(NsgaIIOptunaTest::objective), Run.trials(15));
        for (FrozenTrial t : study.trials().subList(25, 40)) {
            int generation = NsgaIIBehaviourTest.generation(t);
            assertThat(generation).as("generation of trial %d", t.number()).isEqualTo(t.number() / 10);
            if (generation == 2) {
                assertThat(optunaParents).containsAll(NsgaIIBehaviourTest.parents(t));
            }
        }
        study.storage().close();
    }

    @Test
    void optunaGoesOnWithTheGenerationsOfATunebookStudy() throws Exception {
        Path file = dir.resolve("tunebook.db");
        Study study = Tune.study().name("java").storage("sqlite:" + file + "?optuna_schema=v3.0.0.d").directions(TWO)
                .sampler(NsgaIISampler.builder().populationSize(10).seed(3).build()).create();
        study.optimize(Objective.multi(NsgaIIOptunaTest::objective), Run.trials(25));
        study.storage().close();

        JsonObject optuna = python(file, "java", 15, 10, 0);
        JsonArray trials = optuna.getAsJsonArray("trials");
        assertThat(trials).hasSize(40);
        for (JsonElement e : trials) {
            JsonObject t = e.getAsJsonObject();
            assertThat(t.get("generation").getAsInt()).as("generation of trial %s", t.get("number"))
                    .isEqualTo(t.get("number").getAsInt() / 10);
        }
        // Optuna cached the parents its last trial (39, of generation 3) bred from: those chosen after
        // generation 2 from ours of generations 0 and 1 and from the trials of generation 2, ours and its
        JsonObject populations = optuna.getAsJsonObject("populations");
        assertThat(populations.keySet()).containsExactly("2");
        Study again = Tune.load("java", "sqlite:" + file);
        List<FrozenTrial> upToGeneration2 = again.trials(TrialState.COMPLETE).subList(0, 30);
        NsgaGenerations.Place place = new NsgaGenerations(10, false, false, Duration.ZERO).replay(again,
                upToGeneration2);
        assertThat(place.generation()).isEqualTo(3);
        assertThat(place.parents().stream().map(FrozenTrial::number))
                .containsExactlyInAnyOrderElementsOf(numbers(populations.getAsJsonArray("2")));
        again.storage().close();
    }

    private static List<Integer> numbers(JsonArray array) {
        List<Integer> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(n.getAsInt()));
        return numbers;
    }

    /** Runs Optuna's NSGA-II on the study; fails the test (never skips) if Optuna is missing. */
    private static JsonObject python(Path file, String study, int trials, int population, int seed) throws Exception {
        Path script = Paths.get(NsgaIIOptunaTest.class.getResource("/samplers/optuna_nsga2.py").toURI());
        List<String> cmd = List.of(PYTHON, script.toString(), "run", "sqlite:///" + file.toAbsolutePath(), study,
                String.valueOf(trials), String.valueOf(population), String.valueOf(seed));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + cmd + " failed (is Debian's python3-optuna installed? install/test.sh"
                    + " installs it):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
