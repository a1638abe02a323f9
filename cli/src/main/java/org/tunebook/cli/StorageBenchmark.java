package org.tunebook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.bench.SamplerOverhead;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

/**
 * Measures tunebook's cost per trial in a database storage, and the time to load a large study from SQLite.
 * The objective is {@link SamplerOverhead#OBJECTIVE} (optuna_storage.py has its Python twin); every
 * study gets a new database: a new SQLite file, or a new PostgreSQL database made by {@link ServerDatabases}.
 * Opening the storage (which creates Optuna's tables) is not timed; creating the study and running its
 * trials is.
 */
final class StorageBenchmark {

    /** Where each measured study lives: a new, empty database each time, and what to do after it. */
    interface Place {
        /** The URL of a new, empty database. */
        String fresh();

        /** Removes the database of a URL returned by {@link #fresh()}. */
        void drop(String url);
    }

    /** The study written for, and read by, the load measurement. */
    static final String LOAD_STUDY = "load-bench";

    /**
     * The schema revision of the load benchmark's file: Optuna 3.0–3.1's, so that Debian's Optuna 3.1 can load
     * the same file (the current revision only adds an index on trials.study_id).
     */
    static final String LOAD_SCHEMA = "v3.0.0.d";

    private final long seed;

    StorageBenchmark(long seed) {
        this.seed = seed;
    }

    /** New SQLite files in a folder, deleted with their WAL and shared-memory files. */
    static Place sqliteFiles(Path dir) {
        return new Place() {
            private int count;

            @Override
            public String fresh() {
                return "sqlite:" + dir.resolve("bench-" + (++count) + ".db");
            }

            @Override
            public void drop(String url) {
                deleteSqlite(Stores.sqliteFile(url));
            }
        };
    }

    /** Milliseconds per trial of a new study of {@code trials} trials in a new database of {@code place}. */
    double msPerTrial(Place place, int trials) {
        String url = place.fresh();
        try {
            Storage storage = Storages.open(url);
            try {
                long start = System.nanoTime();
                Study study = Tune.study().name("storage-bench").storage(storage).sampler(new RandomSampler(seed))
                        .create();
                study.optimize(SamplerOverhead.OBJECTIVE, Run.trials(trials));
                long elapsed = System.nanoTime() - start;
                requireComplete(study.trials(TrialState.COMPLETE), trials, study);
                return elapsed / 1e6 / trials;
            } finally {
                storage.close();
            }
        } finally {
            place.drop(url);
        }
    }

    /** Timings of {@code repeats} studies, in milliseconds per trial. */
    double[] msPerTrial(Place place, int trials, int repeats) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            ms[r] = msPerTrial(place, trials);
        }
        return ms;
    }

    /**
     * Writes a study of {@code trials} trials into a new SQLite file at Optuna 3.0–3.1's schema, and closes it.
     * Returns the storage URL.
     */
    String writeLoadStudy(Path file, int trials) {
        String url = "sqlite:" + file + "?optuna_schema=" + LOAD_SCHEMA;
        Study study = Tune.study().name(LOAD_STUDY).storage(url).sampler(new RandomSampler(seed)).create();
        try {
            study.optimize(SamplerOverhead.OBJECTIVE, Run.trials(trials));
        } finally {
            study.storage().close();
        }
        return url;
    }

    /**
     * Seconds to load the study of {@link #writeLoadStudy} with a new storage object ({@code Tune.load} opens
     * one, since the last was closed) and list its trials ({@code study.trials()}).
     */
    double loadSeconds(String url, int trials) {
        long start = System.nanoTime();
        Study study = Tune.load(LOAD_STUDY, url);
        List<FrozenTrial> all = study.trials();
        long elapsed = System.nanoTime() - start;
        try {
            if (all.size() != trials) {
                throw new IllegalStateException("loaded " + all.size() + " trials, expected " + trials);
            }
        } finally {
            study.storage().close();
        }
        return elapsed / 1e9;
    }

    private static void requireComplete(List<FrozenTrial> complete, int trials, Study study) {
        if (complete.size() != trials) {
            throw new IllegalStateException("only " + complete.size() + " of " + trials + " benchmark trials completed: "
                    + study.trials().get(0));
        }
    }

    /** Deletes a SQLite file and its journal, WAL and shared-memory files, if present. */
    static void deleteSqlite(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // A leftover file in the benchmark's temporary folder; the folder is removed at the end anyway.
            }
        }
    }

    /** The median of some figures. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
