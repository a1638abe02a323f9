package org.tunebook.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.pruners.HyperbandPruner;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.pruners.NopPruner;
import org.tunebook.pruners.Pruner;
import org.tunebook.pruners.SuccessiveHalvingPruner;
import org.tunebook.storage.InMemoryStorage;

/**
 * The pruning benchmark behind {@code tunebook bench pruning}: for each seed, the same {@link LearningCurves}
 * (random configurations, one curve each) are run as a study with no pruning, the median pruner, successive halving
 * and Hyperband, all with Optuna's default settings, and the total epochs trained and the best final accuracy of a
 * completed trial are recorded. The same curves, in the same trial order, can be run by Python Optuna's pruners
 * ({@link #runOptuna}), so the two are compared on identical inputs.
 *
 * <pre>{@code
 * PruningBenchmark bench = new PruningBenchmark(100, 50, List.of(1L, 2L, 3L, 4L, 5L));
 * System.out.println(PruningBenchmark.table(bench.runTunebook(), bench.runOptuna("/usr/bin/python3")));
 * }</pre>
 */
public final class PruningBenchmark {

    /** The pruners compared, by the name the table and the Python script use. */
    static final Map<String, Supplier<Pruner>> PRUNERS = new LinkedHashMap<>();

    static {
        PRUNERS.put("none", NopPruner::new);
        PRUNERS.put("median", MedianPruner::new);
        PRUNERS.put("successive_halving", SuccessiveHalvingPruner::new);
        PRUNERS.put("hyperband", HyperbandPruner::new);
    }

    /**
     * One pruner's figures, one entry per seed; {@code engine} is {@code tunebook} or {@code optuna VERSION}.
     */
    public record Row(String engine, String pruner, long[] epochs, double[] best, long[] millis) {

        /** The mean of the total epochs over the seeds. */
        public double meanEpochs() {
            double s = 0;
            for (long e : epochs) {
                s += e;
            }
            return s / epochs.length;
        }

        /** The mean of the best final accuracies over the seeds. */
        public double meanBest() {
            double s = 0;
            for (double b : best) {
                s += b;
            }
            return s / best.length;
        }

        /** The mean wall-clock time of a study, in milliseconds. */
        public double meanMillis() {
            double s = 0;
            for (long m : millis) {
                s += m;
            }
            return s / millis.length;
        }
    }

    private final int trials;
    private final int epochs;
    private final List<Long> seeds;

    /** A benchmark of {@code trials} trials of {@code epochs} epochs per study, one study per seed and pruner. */
    public PruningBenchmark(int trials, int epochs, List<Long> seeds) {
        if (trials < 1 || epochs < 1 || seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("the pruning benchmark needs trials >= 1, epochs >= 1 and a seed; got "
                    + trials + " trials, " + epochs + " epochs, seeds " + seeds);
        }
        this.trials = trials;
        this.epochs = epochs;
        this.seeds = List.copyOf(seeds);
    }

    /** Runs every pruner on every seed's curves in tunebook. */
    public List<Row> runTunebook() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Supplier<Pruner>> p : PRUNERS.entrySet()) {
            long[] spent = new long[seeds.size()];
            double[] best = new double[seeds.size()];
            long[] millis = new long[seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                LearningCurves curves = LearningCurves.generate(seeds.get(s), trials, epochs);
                long start = System.nanoTime();
                Study study = study(seeds.get(s), p.getValue().get(), curves);
                millis[s] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                spent[s] = study.trials().stream().mapToLong(t -> t.intermediateValues().size()).sum();
                best[s] = study.trials(TrialState.COMPLETE).stream().mapToDouble(FrozenTrial::value).max()
                        .orElse(Double.NaN);
            }
            rows.add(new Row("tunebook", p.getKey(), spent, best, millis));
        }
        return rows;
    }

    /** One study: the curves' configurations enqueued in order, each trial reporting its curve until pruned. */
    private Study study(long seed, Pruner pruner, LearningCurves curves) {
        Study study = Tune.study().name("bench-" + seed).storage(new InMemoryStorage()).direction(Direction.MAXIMIZE)
                .pruner(pruner).create();
        for (int i = 0; i < curves.size(); i++) {
            study.enqueue(curves.params(i));
        }
        study.optimize(trial -> {
            trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
            trial.suggestInt("n_layers", 1, 4);
            trial.suggestFloat("dropout", 0, 0.5);
            double[] curve = curves.curve(trial.number());
            for (int epoch = 0; epoch < curve.length; epoch++) {
                trial.report(curve[epoch], epoch);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return curve[curve.length - 1];
        }, Run.trials(curves.size()));
        return study;
    }

    /**
     * Runs Optuna's pruners on the same curves with {@code python} (an interpreter with Optuna, such as Debian's
     * {@code /usr/bin/python3}).
     *
     * @throws IOException if the interpreter cannot run the script (Optuna missing, say), with its error output
     */
    public List<Row> runOptuna(String python) throws IOException, InterruptedException {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String pruner : PRUNERS.keySet()) {
            for (long seed : seeds) {
                LearningCurves curves = LearningCurves.generate(seed, trials, epochs);
                List<Map<String, Object>> params = new ArrayList<>();
                List<double[]> curveList = new ArrayList<>();
                for (int i = 0; i < curves.size(); i++) {
                    params.add(curves.params(i));
                    curveList.add(curves.curve(i));
                }
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("pruner", pruner);
                run.put("study", "bench-" + seed);
                run.put("params", params);
                run.put("curves", curveList);
                runs.add(run);
            }
        }
        String out = new OptunaScripts(python).run("optuna_pruning.py", List.of(), new Gson().toJson(runs));
        try {
            JsonObject json = JsonParser.parseString(out).getAsJsonObject();
            String engine = "optuna " + json.get("optuna_version").getAsString();
            JsonArray results = json.getAsJsonArray("results");
            List<Row> rows = new ArrayList<>();
            int k = 0;
            for (String pruner : PRUNERS.keySet()) {
                long[] spent = new long[seeds.size()];
                double[] best = new double[seeds.size()];
                long[] millis = new long[seeds.size()];
                for (int s = 0; s < seeds.size(); s++) {
                    JsonElement r = results.get(k++);
                    spent[s] = r.getAsJsonObject().get("epochs").getAsLong();
                    JsonElement b = r.getAsJsonObject().get("best");
                    best[s] = b.isJsonNull() ? Double.NaN : b.getAsDouble();
                    millis[s] = r.getAsJsonObject().get("millis").getAsLong();
                }
                rows.add(new Row(engine, pruner, spent, best, millis));
            }
            return rows;
        } catch (RuntimeException e) {
            throw new IOException("Optuna's pruning script printed something unexpected (" + e + "):\n"
                    + OptunaScripts.tail(out), e);
        }
    }

    /** The figures side by side: epochs spent (and the saving against no pruning) and best final accuracy. */
    public static String table(List<Row> tunebook, List<Row> optuna) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-20s %-13s %10s %8s %10s %10s%n", "pruner", "engine", "epochs", "saved",
                "best", "ms/study"));
        List<List<Row>> engines = optuna == null ? List.of(tunebook) : List.of(tunebook, optuna);
        for (int i = 0; i < tunebook.size(); i++) {
            for (List<Row> rows : engines) {
                Row r = rows.get(i);
                double none = rows.get(0).meanEpochs();
                s.append(String.format(Locale.ROOT, "%-20s %-13s %10.1f %7.1f%% %10.4f %10.1f%n", r.pruner(), r.engine(),
                        r.meanEpochs(), 100 * (1 - r.meanEpochs() / none), r.meanBest(), r.meanMillis()));
            }
        }
        return s.toString();
    }

    /**
     * Runs the benchmark and prints the table: {@code [trials [epochs [seeds [python]]]]}, defaults 100 trials, 50
     * epochs, 5 seeds, and Optuna when {@code /usr/bin/python3} can import it.
     */
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seedCount = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String python = args.length > 3 ? args[3] : OptunaScripts.DEFAULT_PYTHON;
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= seedCount; seed++) {
            seeds.add(seed);
        }
        PruningBenchmark bench = new PruningBenchmark(trials, epochs, seeds);
        List<Row> ours = bench.runTunebook();
        List<Row> theirs = null;
        try {
            theirs = bench.runOptuna(python);
        } catch (IOException e) {
            System.err.println("Optuna not run: " + e.getMessage());
        }
        System.out.print(table(ours, theirs));
    }
}
