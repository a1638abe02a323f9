package org.tunebook.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tunebook.bench.OptunaScripts;

/** Runs {@code optuna_storage.py}, bundled in the jar, with a Python that has Optuna, and reads its JSON. */
final class OptunaStorageBaseline {

    static final String SCRIPT = "optuna_storage.py";

    /** One backend's figures: trials per study and the median milliseconds per trial. */
    record Backend(int trials, double msPerTrial) {
    }

    /** The load figures: trials loaded, seconds of the first load in the process and the median warm one. */
    record Load(int trials, double firstSeconds, double warmSeconds) {
    }

    /** What a run of the script measured; {@code load} is null when no load was asked for. */
    record Figures(String optunaVersion, Map<String, Backend> backends, Load load) {
    }

    /** What to run. */
    record Request(List<String> backends, int trials, int repeats, int warmup, long seed, String pgJdbcUrl,
            Path sqliteDir, Path loadFile, int loadRepeats) {
    }

    private OptunaStorageBaseline() {
    }

    static Figures run(OptunaScripts scripts, Request r) {
        List<String> args = new ArrayList<>(List.of("--backends", String.join(",", r.backends()), "--trials",
                String.valueOf(r.trials()), "--repeats", String.valueOf(r.repeats()), "--warmup",
                String.valueOf(r.warmup()), "--seed", String.valueOf(r.seed())));
        if (r.sqliteDir() != null) {
            args.addAll(List.of("--dir", r.sqliteDir().toString()));
        }
        if (r.backends().contains("postgresql")) {
            args.addAll(List.of("--pg-url", sqlAlchemyUrl(r.pgJdbcUrl())));
        }
        if (r.loadFile() != null) {
            args.addAll(List.of("--load-url", "sqlite:///" + r.loadFile().toAbsolutePath(), "--load-study",
                    StorageBenchmark.LOAD_STUDY, "--load-repeats", String.valueOf(r.loadRepeats())));
        }
        return parse(OptunaOptions.run(scripts, SCRIPT, args, null));
    }

    /** Reads the script's JSON. */
    static Figures parse(String json) {
        try {
            JsonObject o = JsonParser.parseString(json.strip()).getAsJsonObject();
            Map<String, Backend> backends = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("results").entrySet()) {
                JsonObject b = e.getValue().getAsJsonObject();
                backends.put(e.getKey(), new Backend(b.get("trials").getAsInt(), b.get("ms_per_trial").getAsDouble()));
            }
            Load load = null;
            if (o.has("load")) {
                JsonObject l = o.getAsJsonObject("load");
                load = new Load(l.get("trials").getAsInt(), l.get("first_s").getAsDouble(), l.get("warm_s").getAsDouble());
            }
            return new Figures(o.has("optuna_version") ? o.get("optuna_version").getAsString() : "?", backends, load);
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new CliException("the Optuna script's output is not what was expected (" + e.getMessage()
                    + "); it was:\n" + OptunaScripts.tail(json), e);
        }
    }

    private static final Pattern JDBC_PG = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(?:\\?(.*))?");

    /**
     * SQLAlchemy's URL ({@code postgresql://user:password@host:port/db}) for a JDBC PostgreSQL URL with
     * {@code user} and {@code password} in its query; other query options are dropped.
     */
    static String sqlAlchemyUrl(String jdbcUrl) {
        Matcher m = JDBC_PG.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new CliException("--pg-url must look like jdbc:postgresql://HOST[:PORT]/DATABASE?user=U&password=P,"
                    + " got " + Stores.display(jdbcUrl));
        }
        String user = null;
        String password = null;
        if (m.group(3) != null) {
            for (String pair : m.group(3).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                }
            }
        }
        String credentials = user == null ? "" : encode(user) + (password == null ? "" : ":" + encode(password)) + "@";
        return "postgresql://" + credentials + m.group(1) + "/" + m.group(2);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
