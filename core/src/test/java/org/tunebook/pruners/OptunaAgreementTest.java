package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/**
 * Each pruner against Python Optuna (Debian's python3-optuna 3.1) on the same scripted studies: 80 trials with
 * noisy learning curves (ties, NaN and infinite reports among them), run one after the other; the step at which
 * each trial is pruned, the rung attributes and the Hyperband brackets must be the same. Fails (never skips) if
 * Optuna is missing.
 */
class OptunaAgreementTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** A pruner configuration, in Java and as the Python script's settings. */
    enum Case {
        MEDIAN(() -> new MedianPruner(3, 2, 1, 1), Map.of("kind", "median", "startup", 3, "warmup", 2, "interval", 1,
                "min_trials", 1)),
        MEDIAN_INTERVAL(() -> new MedianPruner(5, 3, 4, 3), Map.of("kind", "median", "startup", 5, "warmup", 3,
                "interval", 4, "min_trials", 3)),
        PERCENTILE_25(() -> new PercentilePruner(25, 2, 0, 2, 2), Map.of("kind", "percentile", "percentile", 25.0,
                "startup", 2, "warmup", 0, "interval", 2, "min_trials", 2)),
        THRESHOLD(() -> ThresholdPruner.builder().lower(0.05).upper(1.6).warmupSteps(1).intervalSteps(2).build(),
                Map.of("kind", "threshold", "lower", 0.05, "upper", 1.6, "warmup", 1, "interval", 2)),
        PATIENT_ALONE(() -> new PatientPruner(2, 0.01), Map.of("kind", "patient", "patience", 2, "min_delta", 0.01)),
        PATIENT_MEDIAN(() -> new PatientPruner(new MedianPruner(2, 0), 1), Map.of("kind", "patient", "patience", 1,
                "min_delta", 0.0, "wrapped", Map.of("kind", "median", "startup", 2, "warmup", 0, "interval", 1,
                        "min_trials", 1))),
        SHA_AUTO(() -> new SuccessiveHalvingPruner(), Map.of("kind", "sha", "reduction_factor", 4,
                "min_early_stopping_rate", 0, "bootstrap_count", 0)),
        SHA(() -> SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(2).build(), Map.of("kind", "sha",
                "min_resource", 1, "reduction_factor", 2, "min_early_stopping_rate", 0, "bootstrap_count", 0)),
        SHA_RATE_BOOTSTRAP(() -> SuccessiveHalvingPruner.builder().minResource(2).reductionFactor(3).minEarlyStoppingRate(1)
                .bootstrapCount(2).build(), Map.of("kind", "sha", "min_resource", 2, "reduction_factor", 3,
                "min_early_stopping_rate", 1, "bootstrap_count", 2)),
        HYPERBAND_AUTO(() -> new HyperbandPruner(), Map.of("kind", "hyperband", "min_resource", 1, "reduction_factor", 3,
                "bootstrap_count", 0)),
        HYPERBAND(() -> HyperbandPruner.builder().minResource(1).maxResource(30).reductionFactor(2).build(),
                Map.of("kind", "hyperband", "min_resource", 1, "max_resource", 30, "reduction_factor", 2,
                        "bootstrap_count", 0)),
        HYPERBAND_BOOTSTRAP(() -> HyperbandPruner.builder().minResource(2).maxResource(30).reductionFactor(3)
                .bootstrapCount(1).build(), Map.of("kind", "hyperband", "min_resource", 2, "max_resource", 30,
                "reduction_factor", 3, "bootstrap_count", 1));

        /** A new pruner each time: SHA and Hyperband keep their automatic estimates for their life. */
        final Supplier<Pruner> pruner;
        final Map<String, Object> python;

        Case(Supplier<Pruner> pruner, Map<String, Object> python) {
            this.pruner = pruner;
            this.python = python;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void minimizing(Case c) throws Exception {
        agree(c, Direction.MINIMIZE, 11);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void maximizing(Case c) throws Exception {
        agree(c, Direction.MAXIMIZE, 12);
    }

    private static void agree(Case c, Direction direction, long seed) throws Exception {
        List<double[]> curves = curves(direction, seed);
        String name = "agree-" + c.name().toLowerCase() + "-" + direction;
        Pruner pruner = c.pruner.get();
        Study named = Tune.study().name(name).storage(new InMemoryStorage()).direction(direction).pruner(pruner)
                .create();
        List<Integer> javaPrunedAt = new ArrayList<>();
        for (double[] curve : curves) {
            javaPrunedAt.add(PrunerFixtures.prunedAt(named, curve));
        }
        JsonObject optuna = runOptuna(name, direction, c.python, curves);
        List<Integer> optunaPrunedAt = new ArrayList<>();
        optuna.getAsJsonArray("pruned_at").forEach(e -> optunaPrunedAt.add(e.getAsInt()));
        assertThat(javaPrunedAt).as("pruned at, per trial").isEqualTo(optunaPrunedAt);
        assertThat(javaPrunedAt).as("the scenario prunes some trials and completes others").contains(-1)
                .anyMatch(step -> step >= 0);
        List<FrozenTrial> trials = named.trials();
        JsonArray attrs = optuna.getAsJsonArray("system_attrs");
        for (int i = 0; i < trials.size(); i++) {
            assertThat(rungs(trials.get(i).systemAttrs())).as("rung attributes of trial %d", i)
                    .isEqualTo(rungs(attrs.get(i).getAsJsonObject()));
        }
        if (pruner instanceof HyperbandPruner hyperband) {
            assertThat(hyperband.bracketCount(named)).isEqualTo(optuna.get("n_brackets").getAsInt());
            JsonArray brackets = optuna.getAsJsonArray("brackets");
            for (int i = 0; i < trials.size(); i++) {
                assertThat(hyperband.bracketOf(named, i)).as("bracket of trial %d", i)
                        .isEqualTo(brackets.get(i).getAsInt());
            }
        }
    }

    private static Map<String, Double> rungs(Map<String, Object> attrs) {
        Map<String, Double> rungs = new LinkedHashMap<>();
        attrs.forEach((k, v) -> {
            if (k.startsWith("completed_rung_")) {
                rungs.put(k, ((Number) v).doubleValue());
            }
        });
        return rungs;
    }

    private static Map<String, Double> rungs(JsonObject attrs) {
        Map<String, Double> rungs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : attrs.entrySet()) {
            if (e.getKey().startsWith("completed_rung_")) {
                rungs.put(e.getKey(), e.getValue().getAsDouble());
            }
        }
        return rungs;
    }

    /**
     * 80 learning curves of 30 steps, rounded to two decimals so that ties happen: losses falling from about 1 to
     * 0.1 when minimizing, accuracies rising when maximizing; a few carry a NaN or an infinite report.
     */
    static List<double[]> curves(Direction direction, long seed) {
        Random random = new Random(seed);
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double floor = 0.1 + 0.5 * random.nextDouble();
            double rate = 0.05 + 0.3 * random.nextDouble();
            double[] curve = new double[30];
            for (int s = 0; s < curve.length; s++) {
                double loss = floor + (1 - floor) * Math.exp(-rate * s) + 0.03 * random.nextGaussian();
                curve[s] = Math.round((direction == Direction.MINIMIZE ? loss : 1 - loss) * 100) / 100.0;
            }
            if (i % 13 == 7) {
                curve[random.nextInt(curve.length)] = Double.NaN;
            }
            if (i % 17 == 9) {
                curve[random.nextInt(curve.length)] = random.nextBoolean() ? Double.POSITIVE_INFINITY
                        : Double.NEGATIVE_INFINITY;
            }
            curves.add(curve);
        }
        return curves;
    }

    private static JsonObject runOptuna(String study, Direction direction, Map<String, Object> pruner,
            List<double[]> curves) throws Exception {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("study", study);
        scenario.put("direction", direction == Direction.MINIMIZE ? "minimize" : "maximize");
        scenario.put("pruner", pruner);
        scenario.put("curves", curves);
        Path script = Paths.get(OptunaAgreementTest.class.getResource("/pruners/optuna_pruners.py").toURI());
        Process p = new ProcessBuilder(PYTHON, script.toString()).start();
        p.getOutputStream().write(GSON.toJson(scenario).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + script + " failed (is Debian's python3-optuna installed? install/test.sh"
                    + " installs it):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
