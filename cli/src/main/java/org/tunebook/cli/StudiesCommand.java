package org.tunebook.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tunebook.StudySummary;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunebook studies}: the studies in a storage, one line each. */
@Command(name = "studies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the studies in a storage: name, directions, number of trials, trials per state, best value"
                + " (single-objective studies) and when the first trial started (local time).",
            "--json prints an array of objects instead: name, directions, trials, states, best_value, started"
                + " (ISO-8601, UTC), user_attrs."})
final class StudiesCommand implements Callable<Integer> {

    private static final List<TrialState> STATES = List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL,
            TrialState.RUNNING, TrialState.WAITING);

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOption storage;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StudySummary> studies;
        if (Stores.isEmptyServerDatabase(storage.url)) {
            studies = List.of(); // an empty database: not turned into an empty Optuna storage by looking
        } else {
            Storage opened = Stores.open(storage.url, true);
            try {
                studies = Tune.studies(storage.url);
            } finally {
                Stores.close(opened);
            }
        }
        if (json) {
            JsonArray array = new JsonArray();
            studies.forEach(s -> array.add(json(s)));
            out.println(JsonOutput.text(array));
        } else if (studies.isEmpty()) {
            out.println("no studies in " + Stores.display(storage.url));
        } else {
            table(studies).print(out);
        }
        out.flush();
        return 0;
    }

    private static TextTable table(List<StudySummary> studies) {
        List<String> headers = new ArrayList<>(List.of("name", "directions", "trials"));
        STATES.forEach(s -> headers.add(s.name().toLowerCase(java.util.Locale.ROOT)));
        headers.addAll(List.of("best", "started"));
        TextTable table = new TextTable(headers);
        for (StudySummary s : studies) {
            List<String> row = new ArrayList<>(List.of(s.name(), Formats.directions(s.directions()),
                    String.valueOf(s.trials())));
            STATES.forEach(state -> row.add(String.valueOf(s.countsByState().getOrDefault(state, 0))));
            row.add(s.bestValue().isPresent() ? Formats.number(s.bestValue().getAsDouble()) : "-");
            row.add(s.started() == null ? "-" : Formats.time(s.started()));
            table.add(row);
        }
        return table;
    }

    private static JsonObject json(StudySummary s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name());
        o.add("directions", JsonOutput.of(s.directions()));
        o.addProperty("trials", s.trials());
        JsonObject states = new JsonObject();
        for (TrialState state : TrialState.values()) {
            states.addProperty(state.name(), s.countsByState().getOrDefault(state, 0));
        }
        o.add("states", states);
        o.add("best_value", s.bestValue().isPresent() ? JsonOutput.of(s.bestValue().getAsDouble()) : JsonOutput.of(null));
        o.add("started", JsonOutput.of(s.started()));
        o.add("user_attrs", JsonOutput.of(s.userAttrs()));
        return o;
    }
}
