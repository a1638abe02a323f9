package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunebook.pruners.PrunerFixtures.decisions;
import static org.tunebook.pruners.PrunerFixtures.study;

import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.TrialState;

/** Optuna's ThresholdPruner: bounds on the latest value, NaN pruned, warm-up and interval. */
class ThresholdPrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new ThresholdPruner(Double.NEGATIVE_INFINITY, 1.5);
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void optunasDocumentationExamples() {
        // ys_for_upper with upper=1.0 is pruned at its last value, 1.2; ys_for_lower with lower=0.0 at -1
        Study upper = study(Direction.MINIMIZE, ThresholdPruner.builder().upper(1.0).build());
        assertThat(decisions(upper, TrialState.PRUNED, 0.0, 0.1, 0.2, 0.5, 1.2))
                .containsExactly(false, false, false, false, true);
        Study lower = study(Direction.MINIMIZE, ThresholdPruner.builder().lower(0.0).build());
        assertThat(decisions(lower, TrialState.PRUNED, 100.0, 90.0, 0.1, 0.0, -1))
                .containsExactly(false, false, false, false, true);
    }

    @Test
    void onlyTheLatestValueCountsAndTheBoundsThemselvesAreKept() {
        Study study = study(Direction.MAXIMIZE, new ThresholdPruner(0, 1));
        assertThat(decisions(study, TrialState.PRUNED, 0.5, 2, 0.5, 1, 0, -0.1))
                .containsExactly(false, true, false, false, false, true);
    }

    @Test
    void theDirectionDoesNotMatterAndNoOtherTrialIsNeeded() {
        for (Direction d : Direction.values()) {
            Study study = study(d, new ThresholdPruner(-INF, 5));
            assertThat(decisions(study, TrialState.PRUNED, 6)).as("%s", d).containsExactly(true);
        }
    }

    @Test
    void nanIsAlwaysPrunedAndInfinitiesOnlyBeyondABound() {
        Study upperOnly = study(Direction.MINIMIZE, ThresholdPruner.builder().upper(10).build());
        assertThat(decisions(upperOnly, TrialState.PRUNED, Double.NaN)).containsExactly(true);
        assertThat(decisions(upperOnly, TrialState.PRUNED, INF)).containsExactly(true);
        assertThat(decisions(upperOnly, TrialState.PRUNED, -INF)).containsExactly(false);
        Study lowerOnly = study(Direction.MINIMIZE, ThresholdPruner.builder().lower(0).build());
        assertThat(decisions(lowerOnly, TrialState.PRUNED, INF)).containsExactly(false);
        assertThat(decisions(lowerOnly, TrialState.PRUNED, -INF)).containsExactly(true);
    }

    @Test
    void warmUpAndIntervalFollowOptunasSteps() {
        // warm-up 2, interval 3: checked at steps 2, 5, 8
        Study study = study(Direction.MINIMIZE, ThresholdPruner.builder().upper(0).warmupSteps(2).intervalSteps(3)
                .build());
        assertThat(decisions(study, TrialState.PRUNED, 1, 1, 1, 1, 1, 1, 1, 1, 1))
                .containsExactly(false, false, true, false, false, true, false, false, true);
    }

    @Test
    void aTrialWithoutReportsIsNotPruned() {
        Study study = study(Direction.MINIMIZE, new ThresholdPruner(0, 1));
        assertThat(study.ask().shouldPrune()).isFalse();
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> ThresholdPruner.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a lower or an upper bound");
        assertThatThrownBy(() -> new ThresholdPruner(-INF, INF)).hasMessageContaining("lower or an upper");
        assertThatThrownBy(() -> new ThresholdPruner(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower bound 2.0 is above upper bound 1.0");
        assertThatThrownBy(() -> new ThresholdPruner(Double.NaN, 1)).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> ThresholdPruner.builder().warmupSteps(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up steps must be >= 0, got -1");
        assertThatThrownBy(() -> ThresholdPruner.builder().intervalSteps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval steps must be >= 1, got 0");
        // equal bounds are fine: only that value survives
        assertThat(new ThresholdPruner(1, 1).toString()).contains("lower=1.0").contains("upper=1.0");
    }
}
