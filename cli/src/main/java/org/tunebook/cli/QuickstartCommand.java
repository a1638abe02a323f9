package org.tunebook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Progress;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;
import org.tunebook.storage.JdbcStorage;
import org.tunebook.storage.Storages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tunebook quickstart}: tunes a simulated neural network end to end, with a random sampler and a median
 * pruner, printing a line per finished trial, the run's progress twice a second, and then the best trial. The study
 * is kept in a SQLite file by default, so a second run continues it and Python Optuna can open it.
 */
@Command(name = "quickstart",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Tunes a simulated neural network (learning rate on a log scale, number of layers, activation,"
                + " dropout), reporting its accuracy every epoch to a median pruner.",
            "The study 'quickstart' is stored in quickstart.db (SQLite, Optuna's schema) in the current directory;"
                + " running the command again continues it. --storage memory keeps nothing.",
            "With --jobs 1 the whole run is reproducible from the seed; with more jobs each trial's parameters"
                + " and accuracy curve still are, but which trials get pruned can depend on timing."})
final class QuickstartCommand implements Callable<Integer> {

    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "60", description = "Trials to run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--jobs", paramLabel = "K", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the sampler and the simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epoch-millis", paramLabel = "MS", defaultValue = "5",
            description = "How long each simulated epoch takes, in milliseconds (default: ${DEFAULT-VALUE}).")
    long epochMillis;

    @Option(names = "--storage", paramLabel = "URL", defaultValue = "sqlite:quickstart.db",
            description = "Where the study lives (default: ${DEFAULT-VALUE}); memory keeps nothing (a fresh study each run).")
    String storage;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Study study = Tune.study()
                .name("quickstart")
                .storage(storage.equals("memory") ? new InMemoryStorage() : Storages.open(storage))
                .direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(seed))
                .pruner(new MedianPruner(5, 3))
                .loadIfExists(true)
                .create();
        int before = study.trials().size();
        out.printf(Locale.ROOT, "quickstart: %d trials, %d job(s), seed %d, %d epochs per trial, %s, %s%n",
                trials, jobs, seed, SimulatedTraining.EPOCHS, study.sampler(), study.pruner());
        out.printf(Locale.ROOT, "study 'quickstart' in %s: %s%n", study.storage().url(),
                before == 0 ? "new" : "continued, " + before + " trials so far");
        out.flush();

        StudyRun run = study.optimizeAsync(new SimulatedTraining(seed, epochMillis),
                Run.trials(trials).jobs(jobs).callbacks(new TrialPrinter(out)));
        int shown = 0;
        while (!run.await(PROGRESS_EVERY)) {
            Progress progress = run.progress();
            if (progress.finished() > shown) {
                shown = progress.finished();
                print(out, "progress: " + progress);
            }
        }
        print(out, "finished: " + run.await());
        int status = printSummary(study, out);
        if (study.storage() instanceof JdbcStorage jdbc && jdbc.file() != null) {
            out.printf(Locale.ROOT, "%nstored in %s; run again to continue, or open it in Python (Optuna >= 3.2;"
                    + " for Optuna 3.0-3.1 create the file with --storage '%s?optuna_schema=v3.0.0.d'):%n"
                    + "  optuna.load_study(study_name='quickstart', storage='sqlite:///%s')%n",
                    study.storage().url(), "sqlite:" + jdbc.file(), jdbc.file().toAbsolutePath());
            out.flush();
        }
        study.storage().close();
        return status;
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void validate() {
        if (trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        if (epochMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--epoch-millis must be >= 0, got " + epochMillis);
        }
    }

    private static int printSummary(Study study, PrintWriter out) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (FrozenTrial t : study.trials()) {
            counts.merge(t.state(), 1, Integer::sum);
        }
        StringJoiner byState = new StringJoiner(", ");
        for (TrialState state : TrialState.values()) {
            if (state.isFinished() || counts.containsKey(state)) {
                byState.add(state + " " + counts.getOrDefault(state, 0));
            }
        }
        out.println();
        out.println("trials by state: " + byState);
        if (counts.getOrDefault(TrialState.COMPLETE, 0) == 0) {
            out.println("no trial completed, so there is no best trial");
            out.flush();
            return 1;
        }
        FrozenTrial best = study.bestTrial();
        out.printf(Locale.ROOT, "best trial: #%d, accuracy %.4f%n", best.number(), best.value());
        best.params().forEach((name, value) -> out.printf(Locale.ROOT, "  %-14s %s%n", name, Formats.value(value)));
        out.flush();
        return 0;
    }
}
