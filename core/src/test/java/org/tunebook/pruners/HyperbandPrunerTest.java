package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunebook.pruners.PrunerFixtures.addCompleted;
import static org.tunebook.pruners.PrunerFixtures.constant;
import static org.tunebook.pruners.PrunerFixtures.prunedAt;
import static org.tunebook.pruners.PrunerFixtures.study;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/** Hyperband: bracket count and spread, trials competing within their bracket only, automatic maximum. */
class HyperbandPrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new HyperbandPruner();
    }

    private static HyperbandPruner hyperband(int min, int max, int eta) {
        return HyperbandPruner.builder().minResource(min).maxResource(max).reductionFactor(eta).build();
    }

    @Test
    void theNumberOfBracketsIsOptunasIncludingItsFloatingPointRounding() {
        Study study = study(Direction.MINIMIZE, new NopPruner());
        assertThat(hyperband(1, 81, 3).bracketCount(study)).isEqualTo(5);
        assertThat(hyperband(1, 27, 3).bracketCount(study)).isEqualTo(4);
        assertThat(hyperband(3, 243, 3).bracketCount(study)).isEqualTo(5);
        // math.log(1000, 10) is 2.9999999999999996 in Python too: 3 brackets, not 4
        assertThat(hyperband(1, 1000, 10).bracketCount(study)).isEqualTo(3);
        assertThat(hyperband(1, 125, 5).bracketCount(study)).isEqualTo(4);
        assertThat(hyperband(5, 5, 2).bracketCount(study)).isEqualTo(1);
    }

    @Test
    void trialsAreSpreadOverTheBracketsByHyperbandsBudgets() {
        // 4 brackets with eta 3: budgets ceil(4 * 3^s / (s + 1)) for s = 3..0 are 27, 12, 6, 4 out of 49
        Study study = Tune.study().name("spread").storage(new InMemoryStorage()).create();
        HyperbandPruner pruner = hyperband(1, 27, 3);
        int[] counts = new int[4];
        for (int n = 0; n < 49_000; n++) {
            counts[pruner.bracketOf(study, n)]++;
        }
        assertThat(counts[0]).isBetween(26_000, 28_000);
        assertThat(counts[1]).isBetween(11_000, 13_000);
        assertThat(counts[2]).isBetween(5_500, 6_500);
        assertThat(counts[3]).isBetween(3_500, 4_500);
        // the bracket depends on the study's name, as in Optuna
        Study other = Tune.study().name("spread-2").storage(new InMemoryStorage()).create();
        int differ = 0;
        for (int n = 0; n < 100; n++) {
            differ += pruner.bracketOf(study, n) != pruner.bracketOf(other, n) ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(20);
    }

    @Test
    void aTrialCompetesOnlyWithTheTrialsOfItsBracket() {
        HyperbandPruner pruner = hyperband(1, 4, 2); // 3 brackets; bracket 0 has its first rung at step 1
        Study study = Tune.study().name("compete").storage(new InMemoryStorage()).pruner(pruner).create();
        List<Integer> bracketZero = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            (pruner.bracketOf(study, n) == 0 ? bracketZero : others).add(n);
        }
        // good trials in other brackets, then a bad one in bracket 0: alone there, it is not pruned
        int next = 0;
        while (next < bracketZero.get(0)) {
            assertThat(prunedAt(study, constant(0.1, 4))).isEqualTo(-1);
            next++;
        }
        assertThat(prunedAt(study, constant(5, 4))).as("first trial of bracket 0").isEqualTo(-1);
        next++;
        // the next bracket-0 trial, worse than the first bracket-0 trial, is pruned at step 1
        while (next < bracketZero.get(1)) {
            prunedAt(study, constant(0.1, 4));
            next++;
        }
        assertThat(prunedAt(study, constant(6, 4))).as("second trial of bracket 0").isEqualTo(1);
    }

    @Test
    void withTheAutomaticMaximumNothingIsPrunedBeforeATrialCompletes() {
        HyperbandPruner pruner = new HyperbandPruner();
        Study study = study(Direction.MINIMIZE, pruner);
        assertThat(pruner.bracketCount(study)).isZero();
        assertThat(pruner.bracketOf(study, 3)).isZero();
        assertThat(prunedAt(study, constant(1, 9))).isEqualTo(-1);
        assertThat(study.trial(0).systemAttrs()).isEmpty();
        addCompleted(study, constant(1, 27)); // last step 26: maximum resource 27, 4 brackets with eta 3
        assertThat(pruner.bracketCount(study)).isEqualTo(4);
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> HyperbandPruner.builder().reductionFactor(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reduction factor must be >= 2, got 1");
        assertThatThrownBy(() -> HyperbandPruner.builder().minResource(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum resource must be >= 1");
        assertThatThrownBy(() -> HyperbandPruner.builder().maxResource(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum resource must be >= 1");
        assertThatThrownBy(() -> HyperbandPruner.builder().minResource(10).maxResource(5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximum resource 5 is below minimum resource 10");
        assertThatThrownBy(() -> HyperbandPruner.builder().bootstrapCount(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit maximum resource");
        assertThatThrownBy(() -> HyperbandPruner.builder().bootstrapCount(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap count must be >= 0");
        assertThat(new HyperbandPruner().toString())
                .isEqualTo("HyperbandPruner(minResource=1, maxResource=auto, reductionFactor=3, bootstrapCount=0)");
    }
}
