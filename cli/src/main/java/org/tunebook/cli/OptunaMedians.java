package org.tunebook.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.tunebook.bench.OptunaScripts;

/**
 * Optuna's side of {@code bench quality} and {@code bench pareto}: optuna_quality.py run in its own process while
 * tunebook's side runs (nothing is timed, so the two may share the machine), and the medians and quartiles it
 * reports.
 */
final class OptunaMedians {

    private static final String SCRIPT = "optuna_quality.py";

    /**
     * One sampler's median and quartiles at one budget (of one function), and the value of each seed (best values
     * or hypervolumes; empty when the script did not report them).
     */
    record Stats(double median, double q1, double q3, double[] values) {
    }

    /**
     * What the script reported: Optuna's version (null when it did not run), the figures by the caller's key,
     * and the samplers Optuna lacks with the reason.
     */
    record Results(String version, Map<String, Stats> byKey, Map<String, String> unavailable) {

        /** No Optuna figures: the comparison did not run. */
        static final Results NONE = new Results(null, Map.of(), Map.of());

        Stats get(String key) {
            return byKey.get(key);
        }
    }

    private final CompletableFuture<JsonObject> output;

    private OptunaMedians(CompletableFuture<JsonObject> output) {
        this.output = output;
    }

    /** Starts the script with {@code args}; null when {@code scripts} is null (no Optuna to compare with). */
    static OptunaMedians start(OptunaScripts scripts, List<String> args) {
        return scripts == null ? null : new OptunaMedians(CompletableFuture.supplyAsync(() ->
                OptunaOptions.json(SCRIPT, OptunaOptions.run(scripts, SCRIPT, args, null))));
    }

    /** Waits for the script and reads its results, each filed under {@code key} of its JSON entry. */
    Results await(Function<JsonObject, String> key) {
        JsonObject json;
        try {
            json = output.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        Map<String, Stats> byKey = new LinkedHashMap<>();
        for (JsonElement e : json.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            byKey.put(key.apply(r), new Stats(r.get("median").getAsDouble(), r.get("q1").getAsDouble(),
                    r.get("q3").getAsDouble(), perSeed(r)));
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        json.getAsJsonObject("unavailable").entrySet().forEach(e -> unavailable.put(e.getKey(), e.getValue().getAsString()));
        return new Results(json.get("optuna_version").getAsString(), byKey, unavailable);
    }

    private static double[] perSeed(JsonObject result) {
        for (String name : List.of("best_values", "hypervolumes")) {
            if (result.has(name)) {
                JsonArray values = result.getAsJsonArray(name);
                double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values.get(i).getAsDouble();
                }
                return v;
            }
        }
        return new double[0];
    }
}
