package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.pruners.Pruner;
import org.tunebook.storage.InMemoryStorage;

/** A pruner that keeps per-trial state in system attributes reads back at each check what it wrote before. */
class PrunerStateTest {

    @TempDir
    Path dir;

    /** Counts its calls per trial in a system attribute, through the storage as Optuna's pruners write. */
    private static final class CountingPruner implements Pruner {
        final List<Object> seen = new ArrayList<>();

        @Override
        public boolean prune(Study study, FrozenTrial trial) {
            Object previous = trial.systemAttrs().get("calls");
            seen.add(previous);
            int calls = previous == null ? 1 : ((Number) previous).intValue() + 1;
            study.storage().setTrialSystemAttr(trial.id(), "calls", calls);
            return false;
        }
    }

    @Test
    void aPrunerSeesTheAttributesItWroteAtEarlierChecksInMemory() {
        checkCounting(Tune.study().storage(new InMemoryStorage()));
    }

    @Test
    void aPrunerSeesTheAttributesItWroteAtEarlierChecksInSqlite() {
        checkCounting(Tune.study().storage("sqlite:" + dir.resolve("state.db")));
    }

    private static void checkCounting(StudyBuilder builder) {
        CountingPruner pruner = new CountingPruner();
        Study study = builder.pruner(pruner).create();
        Trial trial = study.ask();
        for (int step = 0; step < 3; step++) {
            trial.report(step, step);
            assertThat(trial.shouldPrune()).isFalse();
        }
        assertThat(pruner.seen).containsExactly(null, 1, 2);
        // the trial's own view shows what the pruner wrote, and so does the stored trial once finished
        assertThat(trial.systemAttrs()).containsEntry("calls", 3);
        FrozenTrial done = study.tell(trial, 1.0);
        assertThat(done.systemAttrs()).containsEntry("calls", 3);
    }
}
