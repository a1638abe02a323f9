package org.tunebook.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunebook best}: a study's best trial, or its Pareto front when it has several objectives. */
@Command(name = "best",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the best COMPLETE trial of a study (the earliest on ties): number, value, parameters, user"
                + " attributes. For a study with several objectives, prints the Pareto front: the COMPLETE trials"
                + " that no other dominates.",
            "--json prints {\"study\", \"directions\", \"best_trial\": {...}} or, with several objectives,"
                + " {\"study\", \"directions\", \"best_trials\": [...]}; each trial has number, state, value (or"
                + " values), params, user_attrs, datetime_start and datetime_complete.",
            "Exit code 1 when no trial has completed."})
final class BestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOption study;

    @Mixin
    StorageOption storage;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        Study s = Stores.load(study.name, storage.url);
        List<FrozenTrial> best;
        int total;
        try {
            total = s.trials().size();
            if (s.isMultiObjective()) {
                best = s.bestTrials();
                if (best.isEmpty()) {
                    throw new CliException("study '" + s.name() + "' has no completed trial yet (" + total
                            + " trials in all), so it has no Pareto front");
                }
            } else {
                try {
                    best = List.of(s.bestTrial());
                } catch (IllegalStateException e) {
                    throw new CliException(e.getMessage(), e);
                }
            }
        } finally {
            Stores.close(s.storage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.text(json(s, best)));
        } else if (s.isMultiObjective()) {
            printFront(out, s, best, total);
        } else {
            printBest(out, s, best.get(0), total);
        }
        out.flush();
        return 0;
    }

    private static JsonObject json(Study s, List<FrozenTrial> best) {
        JsonObject o = new JsonObject();
        o.addProperty("study", s.name());
        o.add("directions", JsonOutput.of(s.directions()));
        if (s.isMultiObjective()) {
            JsonArray front = new JsonArray();
            best.forEach(t -> front.add(JsonOutput.trial(t, true)));
            o.add("best_trials", front);
        } else {
            o.add("best_trial", JsonOutput.trial(best.get(0), false));
        }
        return o;
    }

    private static void printBest(PrintWriter out, Study s, FrozenTrial t, int total) {
        out.printf(Locale.ROOT, "study '%s' (%s, %d trials): best trial #%d, value %s%n", s.name(),
                Formats.direction(s.direction()), total, t.number(), t.value());
        printMap(out, "params", t.params());
        printMap(out, "user attrs", t.userAttrs());
        t.duration().ifPresent(d -> out.printf(Locale.ROOT, "started %s, took %.3f s%n", Formats.time(t.started()),
                d.toNanos() / 1e9));
    }

    private static void printMap(PrintWriter out, String title, Map<String, Object> map) {
        if (map.isEmpty()) {
            return;
        }
        out.println(title + ":");
        int width = map.keySet().stream().mapToInt(String::length).max().orElse(0);
        map.forEach((k, v) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", k, v));
    }

    private static void printFront(PrintWriter out, Study s, List<FrozenTrial> front, int total) {
        out.printf(Locale.ROOT, "study '%s' (%s, %d trials): Pareto front of %d trial%s%n", s.name(),
                Formats.directions(s.directions()), total, front.size(), front.size() == 1 ? "" : "s");
        Set<String> params = new LinkedHashSet<>();
        Set<String> attrs = new LinkedHashSet<>();
        front.forEach(t -> {
            params.addAll(t.params().keySet());
            attrs.addAll(t.userAttrs().keySet());
        });
        List<String> headers = new ArrayList<>(List.of("number"));
        for (int i = 0; i < s.directions().size(); i++) {
            headers.add("values_" + i);
        }
        params.forEach(p -> headers.add("params_" + p));
        attrs.forEach(a -> headers.add("user_attrs_" + a));
        TextTable table = new TextTable(headers);
        for (FrozenTrial t : front) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(t.number()));
            for (double v : t.values()) {
                row.add(Formats.number(v));
            }
            params.forEach(p -> row.add(Formats.cell(t.params().get(p))));
            attrs.forEach(a -> row.add(Formats.cell(t.userAttrs().get(a))));
            table.add(row);
        }
        table.print(out);
    }
}
