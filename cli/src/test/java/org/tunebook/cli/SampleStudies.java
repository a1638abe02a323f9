package org.tunebook.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/**
 * Studies made with the core API in a storage, for the storage commands' tests, all closed again so that each
 * command opens its own storage object:
 * <ul>
 *   <li>{@code rf} (maximize): trials 0–4 COMPLETE with values 0.5, 0.9, 0.7, 0.9, 0.1 (trial 1 is the best:
 *   the earliest of the two 0.9s), trial 5 FAIL with a reason holding a comma and quotes, trial 6 PRUNED with
 *   the value 0.3, trial 7 RUNNING; parameters {@code lr} (float), {@code layers} (int), {@code act}
 *   (categorical); a user attribute {@code note} on every trial, with a comma in trial 2's; on trial 0 also
 *   {@code tags}, a list with a line break in an element, and {@code config}, a map;</li>
 *   <li>{@code pareto} (minimize, maximize): trials with values (1, 1), (2, 3), (3, 2), (0.5, 0.5), and a
 *   FAIL trial; the front is trials 0, 1 and 3;</li>
 *   <li>{@code empty} (minimize): no trials.</li>
 * </ul>
 */
final class SampleStudies {

    static final double[] RF_VALUES = {0.5, 0.9, 0.7, 0.9, 0.1};

    private SampleStudies() {
    }

    /** Writes the three studies into the storage at {@code url}. */
    static void write(String url) {
        Study rf = Tune.study().name("rf").storage(url).direction(Direction.MAXIMIZE).sampler(new RandomSampler(7))
                .create();
        for (int i = 0; i < 8; i++) {
            Trial t = rf.ask();
            t.suggestFloat("lr", 1e-4, 1e-1);
            t.suggestInt("layers", 1, 4);
            t.suggestCategorical("act", "relu", "tanh");
            t.setUserAttr("note", i == 2 ? "slow, but steady" : "trial " + i);
            if (i == 0) {
                t.setUserAttr("tags", List.of("baseline", "multi\nline"));
                t.setUserAttr("config", Map.of("depth", 3));
            }
            if (i < RF_VALUES.length) {
                rf.tell(t, RF_VALUES[i]);
            } else if (i == 5) {
                rf.fail(t, "diverged: loss=\"nan\", step 3");
            } else if (i == 6) {
                t.report(0.3, 0);
                rf.tell(t, TrialState.PRUNED);
            }
            // trial 7 stays RUNNING
        }
        Study pareto = Tune.study().name("pareto").storage(url).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(7)).create();
        double[][] values = {{1, 1}, {2, 3}, {3, 2}, {0.5, 0.5}};
        for (double[] v : values) {
            Trial t = pareto.ask();
            t.suggestFloat("x", 0, 1);
            pareto.tell(t, v);
        }
        Trial failed = pareto.ask();
        failed.suggestFloat("x", 0, 1);
        pareto.fail(failed, "no values");
        Tune.study().name("empty").storage(url).create();
        rf.storage().close();
    }

    /** Loads a study in a new storage object, applies {@code read} to it, and closes the storage again. */
    static <T> T read(String name, String url, Function<Study, T> read) {
        Study study = Tune.load(name, url);
        try {
            return read.apply(study);
        } finally {
            study.storage().close();
        }
    }

    /** A SQLite URL for a file in {@code dir}. */
    static String sqlite(Path dir, String file) {
        return "sqlite:" + dir.resolve(file);
    }
}
