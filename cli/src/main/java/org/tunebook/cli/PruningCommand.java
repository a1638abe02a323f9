package org.tunebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunebook.bench.OptunaScripts;
import org.tunebook.bench.PruningBenchmark;
import org.tunebook.bench.PruningBenchmark.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook bench pruning}: the epochs each pruner saves on synthetic learning curves and the best final
 * value it keeps, side by side with Optuna's pruners on the same curves when a Python with Optuna is at hand.
 */
@Command(name = "pruning",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the epochs pruners save, and the best value they keep, on synthetic learning curves: accuracy"
                + " after each epoch = a - b*exp(-c*epoch) + noise, with a, b, c derived from a random learning rate,"
                + " number of layers and dropout. Studies of --trials trials run with no pruning, the median pruner,"
                + " successive halving and Hyperband at Optuna's default settings, one per pruner and seed (1 to N"
                + " for --seeds N).",
            "Prints the mean over seeds of the epochs trained per study, the share saved against no pruning, the"
                + " best final accuracy of a completed trial and the wall time of a study.",
            "If the Python interpreter can import optuna, Optuna's pruners then run the same curves in the same trial"
                + " order (the script optuna_pruning.py travels in the tunebook jar), and both are printed side by"
                + " side."})
final class PruningCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptunaOptions optuna;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "100",
            description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "50",
            description = "Epochs per learning curve (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
            description = "Seeds 1 .. N: one set of curves, and one study per pruner, each (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        OptunaScripts scripts = optuna.resolve(out, "python3-optuna", "optuna");
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        PruningBenchmark bench = new PruningBenchmark(trials, epochs, seedList);
        out.printf(Locale.ROOT, "pruning: %d trials of %d epochs per study (%d epochs without pruning), seeds 1-%d;"
                + " means over the seeds%n", trials, epochs, trials * epochs, seeds);
        out.flush();
        List<Row> ours = bench.runTunebook();
        List<Row> theirs = null;
        if (scripts != null) {
            out.println("running optuna_pruning.py with " + scripts.python() + " (the same curves, in the same"
                    + " order)...");
            out.flush();
            try {
                theirs = bench.runOptuna(scripts.python());
            } catch (IOException e) {
                throw new CliException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while Optuna's pruners were running", e);
            }
        }
        out.println();
        if (theirs != null) {
            out.println("each cell: tunebook / " + "Optuna" + theirs.get(0).engine().substring("optuna".length()));
        }
        table(ours, theirs).print(out);
        out.println("epochs: trained per study; saved: against no pruning; best final: the best final accuracy of a"
                + " completed trial; ms per study: wall time of a study.");
        out.flush();
        return 0;
    }

    /** The table: tunebook's figures, or with Optuna's, each cell "tunebook / Optuna". */
    static TextTable table(List<Row> ours, List<Row> theirs) {
        TextTable table = new TextTable(List.of("pruner", "epochs", "saved", "best final", "ms per study"));
        for (int i = 0; i < ours.size(); i++) {
            Row r = ours.get(i);
            if (theirs == null) {
                table.add(List.of(r.pruner(), epochs(r), saved(r, ours.get(0)), best(r), ms(r)));
            } else {
                Row t = theirs.get(i);
                table.add(List.of(r.pruner(), epochs(r) + " / " + epochs(t),
                        saved(r, ours.get(0)) + " / " + saved(t, theirs.get(0)), best(r) + " / " + best(t),
                        ms(r) + " / " + ms(t)));
            }
        }
        return table;
    }

    private static String epochs(Row r) {
        return String.format(Locale.ROOT, "%.1f", r.meanEpochs());
    }

    private static String saved(Row r, Row none) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * (1 - r.meanEpochs() / none.meanEpochs()));
    }

    private static String best(Row r) {
        return String.format(Locale.ROOT, "%.4f", r.meanBest());
    }

    private static String ms(Row r) {
        return String.format(Locale.ROOT, "%.0f", r.meanMillis());
    }

    private void validate() {
        if (trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
    }
}
