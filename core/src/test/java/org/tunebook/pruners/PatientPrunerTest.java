package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunebook.pruners.PrunerFixtures.decisions;
import static org.tunebook.pruners.PrunerFixtures.study;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.TrialState;

/** Optuna's PatientPruner: patience over the trial's own reports, then the wrapped pruner decides. */
class PatientPrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new PatientPruner(new MedianPruner(3, 0), 2, 0.0);
    }

    @Test
    void withoutAWrappedPrunerATrialThatStopsImprovingIsPruned() {
        Study study = study(Direction.MINIMIZE, new PatientPruner(1, 0));
        // best before the last two reports is 1; the last two (2, 3) are worse, so after step 2 it is pruned
        assertThat(decisions(study, TrialState.PRUNED, 1, 2, 3)).containsExactly(false, false, true);
        // still improving within the window: kept
        assertThat(decisions(study, TrialState.PRUNED, 3, 4, 2)).containsExactly(false, false, false);
        // equal is not better: the window's best (1) is not worse than before (1), so no pruning
        assertThat(decisions(study, TrialState.PRUNED, 1, 5, 1)).containsExactly(false, false, false);
    }

    @Test
    void patienceZeroLooksOnlyAtTheLatestReport() {
        Study study = study(Direction.MINIMIZE, new PatientPruner(0, 0));
        assertThat(decisions(study, TrialState.PRUNED, 1, 2)).containsExactly(false, true);
        assertThat(decisions(study, TrialState.PRUNED, 2, 1)).containsExactly(false, false);
    }

    @Test
    void whenMaximizingHigherIsBetter() {
        Study study = study(Direction.MAXIMIZE, new PatientPruner(1, 0));
        assertThat(decisions(study, TrialState.PRUNED, 3, 2, 1)).containsExactly(false, false, true);
        assertThat(decisions(study, TrialState.PRUNED, 1, 2, 3)).containsExactly(false, false, false);
    }

    @Test
    void improvementsSmallerThanMinDeltaStillCountAsImprovement() {
        // Optuna's rule: stuck when best(before) + minDelta < best(window); a small gain or a small loss is tolerated
        Study study = study(Direction.MINIMIZE, new PatientPruner(1, 0.1));
        assertThat(decisions(study, TrialState.PRUNED, 1.0, 1.05, 1.08)).containsExactly(false, false, false);
        assertThat(decisions(study, TrialState.PRUNED, 1.0, 1.2, 1.3)).containsExactly(false, false, true);
        Study max = study(Direction.MAXIMIZE, new PatientPruner(1, 0.1));
        assertThat(decisions(max, TrialState.PRUNED, 1.0, 0.95, 0.92)).containsExactly(false, false, false);
        assertThat(decisions(max, TrialState.PRUNED, 1.0, 0.8, 0.7)).containsExactly(false, false, true);
    }

    @Test
    void theWrappedPrunerIsAskedOnlyWhenTheTrialIsStuck() {
        AtomicInteger asked = new AtomicInteger();
        Pruner wrapped = (s, t) -> {
            asked.incrementAndGet();
            return t.intermediateValues().size() >= 5;
        };
        Study study = study(Direction.MINIMIZE, new PatientPruner(wrapped, 1));
        // stuck from step 2 on (best before the window stays 1); the wrapped pruner says yes from the 5th report
        assertThat(decisions(study, TrialState.PRUNED, 1, 2, 3, 4, 5, 6)).containsExactly(false, false, false, false,
                true, true);
        assertThat(asked).hasValue(4);
        asked.set(0);
        assertThat(decisions(study, TrialState.PRUNED, 6, 5, 4, 3, 2, 1)).containsOnly(false);
        assertThat(asked).hasValue(0);
    }

    @Test
    void nanReportsAreSkippedAndAnAllNanSideNeverPrunes() {
        Study study = study(Direction.MINIMIZE, new PatientPruner(1, 0));
        assertThat(decisions(study, TrialState.PRUNED, Double.NaN, 2, 3)).containsExactly(false, false, false);
        assertThat(decisions(study, TrialState.PRUNED, 1, Double.NaN, Double.NaN)).containsExactly(false, false, false);
        assertThat(decisions(study, TrialState.PRUNED, 1, Double.NaN, 3)).containsExactly(false, false, true);
        assertThat(decisions(study, TrialState.PRUNED, 1, Double.POSITIVE_INFINITY, 3))
                .containsExactly(false, false, true);
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> new PatientPruner(new MedianPruner(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patience must be >= 0, got -1");
        assertThatThrownBy(() -> new PatientPruner(2, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum delta").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> new PatientPruner(2, Double.NaN)).hasMessageContaining("minimum delta");
        assertThatThrownBy(() -> new PatientPruner(null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new PatientPruner(patience, minDelta)");
        assertThat(new PatientPruner(new NopPruner(), 3, 0.5).toString())
                .isEqualTo("PatientPruner(NopPruner, patience=3, minDelta=0.5)");
    }
}
