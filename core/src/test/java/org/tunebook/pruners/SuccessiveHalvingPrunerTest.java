package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunebook.pruners.PrunerFixtures.addCompleted;
import static org.tunebook.pruners.PrunerFixtures.constant;
import static org.tunebook.pruners.PrunerFixtures.prunedAt;
import static org.tunebook.pruners.PrunerFixtures.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/** Optuna's asynchronous successive halving: rungs, promotion, rung attributes, automatic resource, resuming. */
class SuccessiveHalvingPrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new SuccessiveHalvingPruner();
    }

    @TempDir
    Path dir;

    private static SuccessiveHalvingPruner sha(int minResource, int reductionFactor) {
        return SuccessiveHalvingPruner.builder().minResource(minResource).reductionFactor(reductionFactor).build();
    }

    @Test
    void theFirstTrialIsNeverPrunedAndLeavesItsValueAtEveryRung() {
        Study study = study(Direction.MINIMIZE, sha(1, 2));
        double[] curve = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        assertThat(prunedAt(study, curve)).isEqualTo(-1);
        // rungs end at steps 1, 2, 4 and 8 (1 * 2^k)
        assertThat(study.trial(0).systemAttrs()).containsOnlyKeys("completed_rung_0", "completed_rung_1",
                "completed_rung_2", "completed_rung_3");
        assertThat(study.trial(0).systemAttrs()).containsEntry("completed_rung_0", 8.0)
                .containsEntry("completed_rung_1", 7.0).containsEntry("completed_rung_2", 5.0)
                .containsEntry("completed_rung_3", 1.0);
    }

    @Test
    void aTrialOutsideTheTopFractionAtARungIsPrunedThere() {
        Study study = study(Direction.MINIMIZE, sha(1, 2));
        assertThat(prunedAt(study, constant(1.0, 10))).isEqualTo(-1);
        // two values at rung 0 (step 1): only the better half, i.e. the best, goes on
        assertThat(prunedAt(study, constant(2.0, 10))).isEqualTo(1);
        // equal to the best is promoted
        assertThat(prunedAt(study, constant(1.0, 10))).isEqualTo(-1);
        // good at rung 0 and 1, bad at rung 2 (step 4)
        assertThat(prunedAt(study, 5, 0.5, 0.5, 3, 3, 3, 3, 3, 3, 3)).isEqualTo(4);
        // the pruned trial kept the rungs it passed and the one it failed at
        assertThat(study.trial(3).systemAttrs()).containsOnlyKeys("completed_rung_0", "completed_rung_1",
                "completed_rung_2");
    }

    @Test
    void theCutIsTheTopOneOverReductionFactorOfEveryValueSeenAtTheRung() {
        Study study = study(Direction.MAXIMIZE, sha(1, 4));
        // seven trials reach rung 0 (step 1) with values 1..7, none pruned before since each is judged as it arrives
        for (int v = 1; v <= 7; v++) {
            FrozenTrial.Builder b = FrozenTrial.builder().state(TrialState.PRUNED).value(v)
                    .intermediateValue(0, v).intermediateValue(1, v).systemAttr("completed_rung_0", (double) v);
            study.addTrial(b.build());
        }
        // an eighth value: 8 competing values, index 8 / 4 - 1 = 1, so the second best (7) is the bar
        assertThat(prunedAt(study, 7, 7)).isEqualTo(-1);
        assertThat(prunedAt(study, 6.5, 6.5)).isEqualTo(1); // now 9 values, bar still the second best of them
    }

    @Test
    void withFewerThanReductionFactorValuesOnlyTheBestGoesOn() {
        Study study = study(Direction.MINIMIZE, sha(1, 4));
        assertThat(prunedAt(study, constant(3, 4))).isEqualTo(-1);
        assertThat(prunedAt(study, constant(2, 4))).isEqualTo(-1);
        assertThat(prunedAt(study, constant(2.5, 4))).isEqualTo(1);
    }

    @Test
    void minEarlyStoppingRateMovesTheFirstRung() {
        Study study = study(Direction.MINIMIZE, SuccessiveHalvingPruner.builder().minResource(2).reductionFactor(3)
                .minEarlyStoppingRate(1).build());
        assertThat(prunedAt(study, constant(1, 20))).isEqualTo(-1);
        assertThat(study.trial(0).systemAttrs()).containsOnlyKeys("completed_rung_0", "completed_rung_1");
        // first rung at 2 * 3 = step 6, second at 18
        assertThat(prunedAt(study, constant(5, 20))).isEqualTo(6);
    }

    @Test
    void bootstrapCountPrunesUntilEnoughTrialsHaveReachedTheRung() {
        Study study = study(Direction.MINIMIZE, SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(2)
                .bootstrapCount(2).build());
        // as in Optuna: the first two trials at rung 0 are pruned there, whatever their values
        assertThat(prunedAt(study, constant(1, 4))).isEqualTo(1);
        assertThat(prunedAt(study, constant(1, 4))).isEqualTo(1);
        assertThat(prunedAt(study, constant(1, 4))).isEqualTo(2); // promoted at rung 0, alone at rung 1
    }

    @Test
    void theAutomaticMinimumResourceWaitsForACompletedTrial() {
        Study study = study(Direction.MINIMIZE, new SuccessiveHalvingPruner());
        // nothing completed: no pruning, and no rung attributes
        assertThat(prunedAt(study, constant(1, 5))).isEqualTo(-1);
        assertThat(study.trial(0).systemAttrs()).isEmpty();
        addCompleted(study, constant(1, 300)); // last step 299: min resource 299 / 100 = 2
        // rungs at 2, 8, 32, ...: after a good trial has left its rung values, a far worse one is pruned at step 2
        assertThat(prunedAt(study, constant(1, 40))).isEqualTo(-1);
        assertThat(study.trial(2).systemAttrs()).containsOnlyKeys("completed_rung_0", "completed_rung_1",
                "completed_rung_2");
        assertThat(prunedAt(study, constant(50, 40))).isEqualTo(2);
        // the estimate stays with the pruner, as in Optuna, even when longer trials complete later
        addCompleted(study, constant(1, 1000));
        assertThat(prunedAt(study, constant(60, 40))).isEqualTo(2);
    }

    @Test
    void nanAtARungPrunesAndInfinitiesAreRanked() {
        Study study = study(Direction.MINIMIZE, sha(1, 2));
        assertThat(prunedAt(study, constant(1, 4))).isEqualTo(-1);
        // NaN before the rung is not looked at; NaN at the rung's end prunes without leaving a rung value
        assertThat(prunedAt(study, Double.NaN, Double.NaN)).isEqualTo(1);
        assertThat(study.trial(1).systemAttrs()).isEmpty();
        assertThat(prunedAt(study, 0, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(prunedAt(study, 0, Double.NEGATIVE_INFINITY, 0.5)).isEqualTo(-1);
        assertThat(study.trial(3).systemAttrs()).containsEntry("completed_rung_0", Double.NEGATIVE_INFINITY);
    }

    @Test
    void aStudyResumedFromSqliteWithANewPrunerPrunesAsTheOriginalWould() throws Exception {
        Path original = dir.resolve("original.db");
        String name = "sha-resume";
        // the first half of the run, written by one process
        SuccessiveHalvingPruner pruner = sha(1, 3);
        Study first = Tune.study().name(name).storage("sqlite:" + original).direction(Direction.MINIMIZE)
                .pruner(pruner).create();
        List<double[]> curves = curves(40);
        for (int i = 0; i < 20; i++) {
            prunedAt(first, curves.get(i));
        }
        first.storage().close();
        Path copy = dir.resolve("copy.db");
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        // go on twice: in the original file with the pruner that ran so far, and in the copy with a new pruner
        Study goOn = Tune.study().name(name).storage("sqlite:" + original).pruner(pruner).load();
        Study resumed = Tune.study().name(name).storage("sqlite:" + copy).pruner(sha(1, 3)).load();
        List<Integer> expected = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        for (int i = 20; i < 40; i++) {
            expected.add(prunedAt(goOn, curves.get(i)));
            actual.add(prunedAt(resumed, curves.get(i)));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).as("the second half prunes some trials at later rungs too")
                .contains(-1).anyMatch(step -> step > 1);
        // Optuna's rung attributes are in the file
        assertThat(resumed.trials()).allSatisfy(t -> assertThat(t.systemAttrs()).containsKey("completed_rung_0"));
        goOn.storage().close();
        resumed.storage().close();
    }

    /** Noisy decreasing curves of 27 steps, the same for every call. */
    private static List<double[]> curves(int n) {
        java.util.Random random = new java.util.Random(5);
        List<double[]> curves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double start = 1 + random.nextDouble();
            double rate = 0.05 + 0.2 * random.nextDouble();
            double[] c = new double[27];
            for (int s = 0; s < c.length; s++) {
                c[s] = start * Math.exp(-rate * s) + 0.02 * random.nextGaussian();
            }
            curves.add(c);
        }
        return curves;
    }

    @Test
    void aTrialWithoutReportsIsNotPruned() {
        Study study = study(Direction.MINIMIZE, sha(1, 2));
        Trial t = study.ask();
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder().reductionFactor(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reduction factor must be >= 2, got 1");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder().minResource(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum resource must be >= 1");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder().minEarlyStoppingRate(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("early-stopping rate must be >= 0");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder().bootstrapCount(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap count must be >= 0, got -2");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder().bootstrapCount(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit minimum resource");
        assertThat(new SuccessiveHalvingPruner().toString()).isEqualTo("SuccessiveHalvingPruner(minResource=auto,"
                + " reductionFactor=4, minEarlyStoppingRate=0, bootstrapCount=0)");
    }

    @Test
    void enormousRungsDoNotOverflow() {
        Study study = study(Direction.MINIMIZE, SuccessiveHalvingPruner.builder().minResource(1_000_000)
                .reductionFactor(1000).minEarlyStoppingRate(5).build());
        Trial t = study.ask();
        t.report(1, Integer.MAX_VALUE - 1);
        assertThat(t.shouldPrune()).isFalse();
    }
}
