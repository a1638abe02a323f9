package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.samplers.RandomSampler;

/**
 * Python Optuna (Debian's python3-optuna, 3.1) and tunebook read and extend each other's studies, in SQLite
 * files and in PostgreSQL and MariaDB databases. Optuna 3.1 uses the schema revision v3.0.0.d, so these
 * databases stay in that layout.
 */
class OptunaInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    /** A database both sides can reach: tunebook's URL and SQLAlchemy's. */
    record Backend(String name, String url, String pythonUrl) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static int files;

    static List<Backend> backends() {
        Path file = dir.resolve("interop-" + (files++) + ".db");
        return List.of(new Backend("SQLite", "sqlite:" + file, "sqlite:///" + file.toAbsolutePath()),
                server("PostgreSQL", TestDatabases.freshPostgres(), "postgresql"),
                server("MariaDB", TestDatabases.freshMariaDb(), "mysql+pymysql"));
    }

    /** SQLAlchemy's URL for a JDBC URL of the form jdbc:kind://host:port/db?user=u&password=p. */
    private static Backend server(String name, String jdbcUrl, String driver) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String hostAndDb = rest.substring(0, rest.indexOf('?'));
        String user = rest.replaceAll(".*[?&]user=([^&]*).*", "$1");
        String password = rest.replaceAll(".*[?&]password=([^&]*).*", "$1");
        return new Backend(name, jdbcUrl, driver + "://" + user + ":" + password + "@" + hostAndDb);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void optunaReadsAndExtendsWhatTunebookWrites(Backend backend) throws Exception {
        String file = backend.pythonUrl();
        python("init", file, null);
        String url = backend.url();
        Study study = Tune.study().name("java").storage(url).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(7)).create();
        assertThat(((JdbcStorage) study.storage()).schemaRevision()).isEqualTo("v3.0.0.d");
        study.setUserAttr("owner", "java");

        Trial complete = study.ask();
        suggestEverything(complete, true);
        for (double v : new double[] {0.1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            complete.report(v, complete.intermediateValues().size());
        }
        complete.setUserAttr("note", Map.of("list", List.of(1, 2.5, "three")));
        study.tell(complete, 1.5);

        Trial pruned = study.ask();
        suggestEverything(pruned, false);
        pruned.report(0.3, 0);
        pruned.report(0.2, 4);
        study.tell(pruned, TrialState.PRUNED);

        Trial failed = study.ask();
        suggestEverything(failed, false);
        study.fail(failed, "java failure");

        Trial infinite = study.ask();
        suggestEverything(infinite, true);
        study.tell(infinite, Double.NEGATIVE_INFINITY);

        study.enqueue(Map.of("x", 0.5));

        Study mo = Tune.study().name("java_mo").storage(url).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(3)).create();
        mo.optimize(Objective.multi(t -> new double[] {t.suggestFloat("a", 0, 1), t.suggestFloat("b", 0, 1)}),
                Run.trials(4));

        assertSameStudy(study.trials(), dump(file, "java"), "MAXIMIZE");
        assertSameStudy(mo.trials(), dump(file, "java_mo"), "MINIMIZE", "MAXIMIZE");
        assertThat(dump(file, "java").getAsJsonObject("user_attrs").get("owner").getAsString()).isEqualTo("java");

        python("add", file, "java");
        List<FrozenTrial> after = Tune.load("java", url).trials();
        assertThat(after).hasSize(6);
        assertThat(after.get(4).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(after.get(4).params()).containsEntry("x", 0.5);
        assertThat(after.get(5).params()).containsEntry("x", 0.25);
        assertThat(after.get(5).value()).isEqualTo(0.25);
        assertThat(pythonOutput("revision", file, null).trim()).isEqualTo("v3.0.0.d");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void tunebookReadsAndExtendsWhatOptunaWrites(Backend backend) throws Exception {
        String file = backend.pythonUrl();
        python("write", file, "py");
        String url = backend.url();
        Study study = Tune.study().name("py").storage(url).sampler(new RandomSampler(11)).load();
        assertThat(study.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(study.userAttrs()).containsEntry("owner", "python");
        assertSameStudy(study.trials(), dump(file, "py"), "MAXIMIZE");
        Study mo = Tune.load("py_mo", url);
        assertThat(mo.directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
        assertSameStudy(mo.trials(), dump(file, "py_mo"), "MINIMIZE", "MAXIMIZE");
        assertThat(mo.bestTrials()).isNotEmpty();

        // The WAITING trial Optuna enqueued runs here first, with its fixed parameters.
        study.optimize(t -> {
            double x = t.suggestFloat("x", -1.0, 1.0);
            int n = t.suggestInt("n", 1, 9, 2);
            return x + n;
        }, Run.trials(3));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(9);
        assertThat(trials.get(6).params()).containsEntry("x", 0.5).containsEntry("n", 3);
        assertThat(trials.get(6).value()).isEqualTo(3.5);

        JsonObject again = dump(file, "py");
        assertThat(again.getAsJsonArray("trials")).hasSize(9);
        assertSameStudy(Tune.load("py", url).trials(), again, "MAXIMIZE");
        assertThat(pythonOutput("revision", file, null).trim()).isEqualTo("v3.0.0.d");
    }

    /**
     * A storage object remembers where each study's trials end, so as not to read them all for each new
     * trial; trials Optuna adds meanwhile, a finished one and an enqueued one, must still be seen: the next
     * trials are numbered after Optuna's, and Optuna's enqueued trial runs first.
     */
    @ParameterizedTest
    @MethodSource("backends")
    void trialsOptunaAddsBetweenTunebookRunsAreNumberedAfterAndClaimed(Backend backend) throws Exception {
        String file = backend.pythonUrl();
        python("init", file, null);
        Study study = Tune.study().name("turns").storage(backend.url()).sampler(new RandomSampler(5)).create();
        Objective objective = t -> t.suggestFloat("x", 0, 1);
        study.optimize(objective, Run.trials(2));
        python("extend", file, "turns");
        study.optimize(objective, Run.trials(2));

        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(trials.get(3).params()).containsEntry("x", 0.75);
        assertThat(trials.get(3).systemAttrs()).containsKey("fixed_params");
        assertSameStudy(trials, dump(file, "turns"), "MINIMIZE");
    }

    private static void suggestEverything(Trial t, boolean withSlope) {
        t.suggestFloat("x", -1.0, 1.0);
        t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
        t.suggestFloat("q", 0.0, 1.0, 0.25);
        t.suggestInt("n", 1, 9, 2);
        t.suggestInt("units", 8, 512, Scale.LOG);
        Object act = t.suggestCategorical("act", java.util.Arrays.asList("relu", "tanh", null));
        t.suggestCategorical("flag", true, false);
        t.suggestCategorical("size", 16, 32, 64);
        if ("relu".equals(act) || withSlope) {
            t.suggestFloat("slope", 0.0, 0.3);
        }
    }

    /** Every trial as tunebook sees it equals the trial as Python Optuna sees it. */
    private static void assertSameStudy(List<FrozenTrial> trials, JsonObject python, String... directions) {
        JsonArray dirs = python.getAsJsonArray("directions");
        assertThat(dirs).hasSize(directions.length);
        for (int i = 0; i < directions.length; i++) {
            assertThat(dirs.get(i).getAsString()).isEqualTo(directions[i]);
        }
        JsonArray pyTrials = python.getAsJsonArray("trials");
        assertThat(trials).hasSize(pyTrials.size());
        for (int i = 0; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            JsonObject p = pyTrials.get(i).getAsJsonObject();
            String what = "trial " + i;
            assertThat(t.number()).as(what).isEqualTo(p.get("number").getAsInt());
            assertThat(t.state().name()).as(what).isEqualTo(p.get("state").getAsString());
            if (p.get("values").isJsonNull()) {
                assertThat(t.hasValue()).as(what + " has no values").isFalse();
            } else {
                JsonArray values = p.getAsJsonArray("values");
                assertThat(t.values()).as(what).hasSize(values.size());
                for (int k = 0; k < values.size(); k++) {
                    assertSameNumber(t.values()[k], values.get(k), what + " value " + k);
                }
            }
            JsonObject params = p.getAsJsonObject("params");
            assertThat(t.params().keySet()).as(what).containsExactlyInAnyOrderElementsOf(params.keySet());
            for (String name : params.keySet()) {
                assertSameValue(t.params().get(name), params.get(name), what + " param " + name);
                assertSameDistribution(t.distributions().get(name),
                        p.getAsJsonObject("distributions").getAsJsonObject(name), what + " distribution " + name);
            }
            JsonObject inter = p.getAsJsonObject("intermediate");
            assertThat(t.intermediateValues()).as(what).hasSize(inter.size());
            for (String step : inter.keySet()) {
                assertSameNumber(t.intermediateValues().get(Integer.parseInt(step)), inter.get(step), what + " step " + step);
            }
            JsonObject attrs = p.getAsJsonObject("user_attrs");
            assertThat(t.userAttrs().keySet()).as(what).containsExactlyInAnyOrderElementsOf(attrs.keySet());
            for (String key : attrs.keySet()) {
                assertSameValue(t.userAttrs().get(key), attrs.get(key), what + " user attr " + key);
            }
            JsonElement reason = p.get("fail_reason");
            assertThat(t.failReason().orElse(null)).as(what).isEqualTo(reason.isJsonNull() ? null : reason.getAsString());
            JsonElement fixed = p.get("fixed_params");
            if (!fixed.isJsonNull()) {
                assertSameValue(t.systemAttrs().get("fixed_params"), fixed, what + " fixed params");
            }
        }
    }

    private static void assertSameNumber(double java, JsonElement python, String what) {
        if (python.isJsonPrimitive() && python.getAsJsonPrimitive().isString()) {
            String s = python.getAsString();
            double expected = s.equals("nan") ? Double.NaN : s.equals("inf") ? Double.POSITIVE_INFINITY
                    : Double.NEGATIVE_INFINITY;
            if (Double.isNaN(expected)) {
                assertThat(java).as(what).isNaN();
            } else {
                assertThat(java).as(what).isEqualTo(expected);
            }
        } else {
            assertThat(java).as(what).isCloseTo(python.getAsDouble(), within(1e-12));
        }
    }

    /** Compares a parameter or attribute value, keeping Python's distinction of bool, number, string and None. */
    private static void assertSameValue(Object java, JsonElement python, String what) {
        if (python.isJsonNull()) {
            assertThat(java).as(what).isNull();
        } else if (python.isJsonArray()) {
            List<?> list = (List<?>) java;
            assertThat(list).as(what).hasSize(python.getAsJsonArray().size());
            for (int i = 0; i < list.size(); i++) {
                assertSameValue(list.get(i), python.getAsJsonArray().get(i), what + "[" + i + "]");
            }
        } else if (python.isJsonObject()) {
            @SuppressWarnings("unchecked")
            Map<Object, ?> map = (Map<Object, ?>) java;
            assertThat(new java.util.HashSet<Object>(map.keySet())).as(what).isEqualTo(new java.util.HashSet<Object>(python.getAsJsonObject().keySet()));
            python.getAsJsonObject().entrySet().forEach(e -> assertSameValue(map.get(e.getKey()), e.getValue(),
                    what + "." + e.getKey()));
        } else if (python.getAsJsonPrimitive().isBoolean()) {
            assertThat(java).as(what).isEqualTo(python.getAsBoolean());
        } else if (python.getAsJsonPrimitive().isNumber()) {
            assertThat(java).as(what).isInstanceOf(Number.class);
            assertThat(((Number) java).doubleValue()).as(what).isEqualTo(python.getAsDouble());
        } else {
            assertThat(java).as(what).isEqualTo(python.getAsString());
        }
    }

    private static void assertSameDistribution(Distribution d, JsonObject python, String what) {
        switch (python.get("kind").getAsString()) {
            case "float" -> {
                FloatDistribution f = (FloatDistribution) d;
                assertThat(f.low()).as(what).isEqualTo(python.get("low").getAsDouble());
                assertThat(f.high()).as(what).isEqualTo(python.get("high").getAsDouble());
                assertThat(f.log()).as(what).isEqualTo(python.get("log").getAsBoolean());
                assertThat(f.step()).as(what).isEqualTo(python.get("step").isJsonNull() ? null
                        : python.get("step").getAsDouble());
            }
            case "int" -> {
                IntDistribution i = (IntDistribution) d;
                assertThat(i.low()).as(what).isEqualTo(python.get("low").getAsInt());
                assertThat(i.high()).as(what).isEqualTo(python.get("high").getAsInt());
                assertThat(i.log()).as(what).isEqualTo(python.get("log").getAsBoolean());
                assertThat(i.step()).as(what).isEqualTo(python.get("step").getAsInt());
            }
            default -> {
                List<Object> choices = ((CategoricalDistribution) d).choices();
                JsonArray py = python.getAsJsonArray("choices");
                assertThat(choices).as(what).hasSize(py.size());
                for (int k = 0; k < py.size(); k++) {
                    assertSameValue(choices.get(k), py.get(k), what + " choice " + k);
                }
            }
        }
    }

    private static JsonObject dump(String file, String study) throws Exception {
        return JsonParser.parseString(pythonOutput("dump", file, study)).getAsJsonObject();
    }

    private static void python(String command, String file, String study) throws Exception {
        pythonOutput(command, file, study);
    }

    /** Runs the interop script with Debian's Python; fails the test (never skips) if Optuna is missing. */
    private static String pythonOutput(String command, String url, String study) throws Exception {
        Path script = Paths.get(OptunaInteropTest.class.getResource("/interop/optuna_interop.py").toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), command, url));
        if (study != null) {
            cmd.add(study);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + cmd + " failed (is Debian's python3-optuna installed? install/test.sh"
                    + " installs it):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
