package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/** Optuna's percentile/median pruning rules, checked on hand-made studies. */
class PercentilePrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new PercentilePruner(25, 3, 2, 1, 1);
    }

    private static Study study(Direction direction, Pruner pruner) {
        return Tune.study().storage(new InMemoryStorage()).direction(direction).pruner(pruner).create();
    }

    /** Adds a COMPLETE trial that reported {@code curve[step]} at every step. */
    private static void addCompleted(Study study, double... curve) {
        FrozenTrial.Builder b = FrozenTrial.builder().value(curve[curve.length - 1]);
        for (int step = 0; step < curve.length; step++) {
            b.intermediateValue(step, curve[step]);
        }
        study.addTrial(b.build());
    }

    /** A running trial that has reported {@code value} at {@code step}, asked whether to prune. */
    private static boolean prunesAt(Study study, int step, double value) {
        Trial t = study.ask();
        t.report(value, step);
        boolean prune = t.shouldPrune();
        study.tell(t, TrialState.FAIL); // leave the study as it was for the next question (FAIL is not counted)
        return prune;
    }

    @Test
    void medianPrunerPrunesATrialWorseThanTheMedianWhenMinimizing() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            addCompleted(study, v);
        }
        // median of 1..5 is 3
        assertThat(prunesAt(study, 0, 3.5)).isTrue();
        assertThat(prunesAt(study, 0, 100)).isTrue();
        assertThat(prunesAt(study, 0, 3.0)).isFalse(); // equal to the median is not worse
        assertThat(prunesAt(study, 0, 2.5)).isFalse();
        assertThat(prunesAt(study, 0, -100)).isFalse();
    }

    @Test
    void medianPrunerPrunesATrialWorseThanTheMedianWhenMaximizing() {
        Study study = study(Direction.MAXIMIZE, new MedianPruner(0, 0));
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            addCompleted(study, v);
        }
        assertThat(prunesAt(study, 0, 2.5)).isTrue();
        assertThat(prunesAt(study, 0, -100)).isTrue();
        assertThat(prunesAt(study, 0, 3.0)).isFalse();
        assertThat(prunesAt(study, 0, 3.5)).isFalse();
    }

    @Test
    void theMedianOfAnEvenCountIsInterpolated() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        for (double v : new double[] {1, 2, 3, 4}) {
            addCompleted(study, v);
        }
        // median 2.5
        assertThat(prunesAt(study, 0, 2.6)).isTrue();
        assertThat(prunesAt(study, 0, 2.4)).isFalse();
    }

    @Test
    void otherPercentilesUseTheirOwnThresholdMirroredForMaximize() {
        Study min = study(Direction.MINIMIZE, new PercentilePruner(25, 0, 0, 1, 1));
        Study max = study(Direction.MAXIMIZE, new PercentilePruner(25, 0, 0, 1, 1));
        for (double v : new double[] {5, 1, 4, 2, 3}) {
            addCompleted(min, v);
            addCompleted(max, v);
        }
        // minimize: keep the best quarter, threshold = 25th percentile of 1..5 = 2
        assertThat(prunesAt(min, 0, 2.5)).isTrue();
        assertThat(prunesAt(min, 0, 2.0)).isFalse();
        // maximize: the best quarter are the largest, threshold = 75th percentile = 4
        assertThat(prunesAt(max, 0, 3.5)).isTrue();
        assertThat(prunesAt(max, 0, 4.0)).isFalse();
    }

    @Test
    void theThresholdIsTakenAtTheTrialsLastStep() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        // at step 0 everybody is near 10, at step 2 near 1
        addCompleted(study, 10, 5, 1);
        addCompleted(study, 11, 6, 2);
        addCompleted(study, 12, 7, 3);
        // 4 is fine at step 0 but worse than the median (2) at step 2
        assertThat(prunesAt(study, 0, 4)).isFalse();
        assertThat(prunesAt(study, 2, 4)).isTrue();
        // no completed trial reported at step 7: nothing to compare with
        assertThat(prunesAt(study, 7, 1000)).isFalse();
    }

    @Test
    void theTrialsBestValueOverItsStepsIsCompared() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        addCompleted(study, 5, 5);
        addCompleted(study, 5, 5);
        addCompleted(study, 5, 5);
        Trial t = study.ask();
        t.report(1.0, 0); // good early
        t.report(9.0, 1); // bad now, but its best (1.0) is still better than the median 5 at step 1
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void noPruningBeforeTheStartupTrialsHaveCompleted() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(3, 0));
        addCompleted(study, 1);
        addCompleted(study, 1);
        // pruned, failed and running trials are not completed trials
        study.addTrial(FrozenTrial.builder().state(TrialState.PRUNED).value(1).intermediateValue(0, 1).build());
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).intermediateValue(0, 1).build());
        assertThat(prunesAt(study, 0, 1000)).isFalse();
        addCompleted(study, 1);
        assertThat(prunesAt(study, 0, 1000)).isTrue();
    }

    @Test
    void theDefaultMedianPrunerWaitsForFiveCompletedTrials() {
        Study study = study(Direction.MINIMIZE, new MedianPruner());
        for (int i = 0; i < 4; i++) {
            addCompleted(study, 1);
        }
        assertThat(prunesAt(study, 0, 1000)).isFalse();
        addCompleted(study, 1);
        assertThat(prunesAt(study, 0, 1000)).isTrue();
    }

    @Test
    void noPruningBeforeTheWarmUpSteps() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 3));
        addCompleted(study, 1, 1, 1, 1, 1, 1);
        Trial t = study.ask();
        for (int step = 0; step < 3; step++) {
            t.report(1000, step);
            assertThat(t.shouldPrune()).as("step %d is a warm-up step", step).isFalse();
        }
        t.report(1000, 3);
        assertThat(t.shouldPrune()).isTrue();
    }

    @Test
    void pruningIsCheckedOncePerIntervalOfSteps() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0, 3, 1));
        addCompleted(study, 1, 1, 1, 1, 1, 1, 1, 1);
        Trial t = study.ask();
        boolean[] expected = {true, false, false, true, false, false, true, false};
        for (int step = 0; step < expected.length; step++) {
            t.report(1000, step);
            assertThat(t.shouldPrune()).as("step %d", step).isEqualTo(expected[step]);
        }
    }

    @Test
    void intervalsCountFromTheEndOfTheWarmUp() {
        // warm-up 2, interval 3: the pruning steps are 2, 5, 8, ...
        Study study = study(Direction.MINIMIZE, new PercentilePruner(50, 1, 2, 3, 1));
        addCompleted(study, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Trial t = study.ask();
        boolean[] expected = {false, false, true, false, false, true, false, false, true};
        for (int step = 0; step < expected.length; step++) {
            t.report(1000, step);
            assertThat(t.shouldPrune()).as("step %d", step).isEqualTo(expected[step]);
        }
    }

    @Test
    void aTrialThatSkipsStepsIsCheckedWhenItEntersANewInterval() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0, 10, 1));
        addCompleted(study, new double[30]);
        Trial t = study.ask();
        t.report(1000, 3); // first report: checked
        assertThat(t.shouldPrune()).isTrue();
        Trial u = study.ask();
        u.report(1000, 0);
        u.report(1000, 12); // previous report (0) is before the interval starting at 10: checked
        assertThat(u.shouldPrune()).isTrue();
        u.report(1000, 15); // previous report (12) is inside the same interval: not checked
        assertThat(u.shouldPrune()).isFalse();
    }

    @Test
    void minTrialsAtTheStepIsRequired() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0, 1, 3));
        addCompleted(study, 1, 1);
        addCompleted(study, 1, 1);
        addCompleted(study, 1); // reported only at step 0
        assertThat(prunesAt(study, 0, 1000)).isTrue(); // 3 trials reported at step 0
        assertThat(prunesAt(study, 1, 1000)).isFalse(); // only 2 at step 1
        addCompleted(study, 1, 1);
        assertThat(prunesAt(study, 1, 1000)).isTrue();
    }

    @Test
    void aTrialThatReportedOnlyNaNIsPruned() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0));
        addCompleted(study, 1, 1);
        Trial t = study.ask();
        t.report(Double.NaN, 0);
        assertThat(t.shouldPrune()).isTrue();
        // a trial whose earlier report was fine is judged by its best value, as in Optuna
        Trial u = study.ask();
        u.report(0.5, 0);
        u.report(Double.NaN, 1);
        assertThat(u.shouldPrune()).isFalse();
    }

    @Test
    void nanValuesOfCompletedTrialsAreIgnored() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0));
        study.addTrial(FrozenTrial.builder().value(0).intermediateValue(0, Double.NaN).build());
        addCompleted(study, 1);
        addCompleted(study, 3);
        // the threshold is the median of {1, 3} = 2, not something involving NaN
        assertThat(prunesAt(study, 0, 2.5)).isTrue();
        assertThat(prunesAt(study, 0, 1.5)).isFalse();
    }

    @Test
    void aTrialWithoutReportsIsNotPruned() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        addCompleted(study, 1);
        assertThat(study.ask().shouldPrune()).isFalse();
    }

    @Test
    void constructorsValidateEverySetting() {
        assertThatThrownBy(() -> new PercentilePruner(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentile").hasMessageContaining("0 and 100").hasMessageContaining("-1");
        assertThatThrownBy(() -> new PercentilePruner(100.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 and 100");
        assertThatThrownBy(() -> new PercentilePruner(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentile");
        assertThatThrownBy(() -> new PercentilePruner(50, -1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startup");
        assertThatThrownBy(() -> new MedianPruner(5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up").hasMessageContaining("-1");
        assertThatThrownBy(() -> new MedianPruner(5, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new MedianPruner(5, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum trials");
        // the extremes are valid
        assertThat(new PercentilePruner(0).toString()).contains("percentile=0.0");
        assertThat(new PercentilePruner(100).toString()).contains("percentile=100.0");
        assertThat(new MedianPruner().toString()).contains("MedianPruner").contains("percentile=50.0")
                .contains("startupTrials=5").contains("warmupSteps=0");
    }

    @Test
    void aMultiObjectiveStudyCannotBePruned() {
        Study study = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .create();
        FrozenTrial running = FrozenTrial.builder().state(TrialState.RUNNING).intermediateValue(0, 1).build();
        assertThatThrownBy(() -> new MedianPruner().prune(study, running))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("multi-objective")
                .hasMessageContaining("MedianPruner");
        assertThatThrownBy(() -> new PercentilePruner(10).prune(study, running))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("PercentilePruner");
    }

    @Test
    void nopPrunerNeverPrunes() {
        Study study = study(Direction.MINIMIZE, new NopPruner());
        for (int i = 0; i < 6; i++) {
            addCompleted(study, 1);
        }
        assertThat(prunesAt(study, 0, 1e9)).isFalse();
        assertThat(study.pruner().toString()).isEqualTo("NopPruner");
    }

    @Test
    void endToEndBadTrialsArePrunedAndKeepTheirLastReportAsValue() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(5, 0));
        study.optimize(t -> {
            // trials 5, 7, 9 are far worse than the others at every step
            double base = t.number() >= 5 && t.number() % 2 == 1 ? 5 : 0;
            double loss = Double.NaN;
            for (int step = 0; step < 10; step++) {
                loss = base + 1.0 / (step + 1);
                t.report(loss, step);
                if (t.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return loss;
        }, Run.trials(10));
        for (FrozenTrial t : study.trials()) {
            if (t.number() >= 5 && t.number() % 2 == 1) {
                assertThat(t.state()).as("trial %d", t.number()).isEqualTo(TrialState.PRUNED);
                // pruned at the first step it was checked, with that report as its value
                assertThat(t.intermediateValues()).hasSize(1);
                assertThat(t.value()).isEqualTo(6.0);
            } else {
                assertThat(t.state()).as("trial %d", t.number()).isEqualTo(TrialState.COMPLETE);
                assertThat(t.intermediateValues()).hasSize(10);
                assertThat(t.value()).isCloseTo(0.1, within(1e-12));
            }
        }
    }

    @Test
    void endToEndWhenMaximizing() {
        Study study = study(Direction.MAXIMIZE, new MedianPruner(3, 2));
        study.optimize(t -> {
            boolean bad = t.number() >= 3 && t.number() % 2 == 0;
            double acc = 0;
            for (int step = 0; step < 8; step++) {
                acc = (bad ? 0.2 : 0.6) + 0.01 * step;
                t.report(acc, step);
                if (t.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return acc;
        }, Run.trials(8));
        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.COMPLETE,
                TrialState.PRUNED, TrialState.COMPLETE);
        FrozenTrial pruned = study.trial(4);
        // warm-up of 2 steps: reported at 0, 1, 2 and pruned at step 2
        assertThat(pruned.intermediateValues().keySet()).containsExactly(0, 1, 2);
        assertThat(pruned.value()).isCloseTo(0.22, within(1e-12));
    }

    // ---- the percentile itself ----

    @Test
    void linearPercentileOnHandComputedCases() {
        assertThat(PercentilePruner.linearPercentile(new double[] {4, 1, 3, 2}, 50)).isEqualTo(2.5);
        assertThat(PercentilePruner.linearPercentile(new double[] {1, 3}, 25)).isEqualTo(1.5);
        assertThat(PercentilePruner.linearPercentile(new double[] {10}, 37)).isEqualTo(10);
        assertThat(PercentilePruner.linearPercentile(new double[] {5, -1, 7}, 0)).isEqualTo(-1);
        assertThat(PercentilePruner.linearPercentile(new double[] {5, -1, 7}, 100)).isEqualTo(7);
        // numpy.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9.1
        assertThat(PercentilePruner.linearPercentile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90))
                .isCloseTo(9.1, within(1e-12));
        double[] input = {3, 1, 2};
        PercentilePruner.linearPercentile(input, 50);
        assertThat(input).containsExactly(3, 1, 2); // the caller's array is not reordered
    }

    @Test
    void linearPercentileGivesWhatNumpyGivesWithInfinities() {
        double inf = Double.POSITIVE_INFINITY;
        // numpy 1.24: np.nanpercentile(a, q) for each case
        assertThat(PercentilePruner.linearPercentile(new double[] {inf}, 50)).isNaN();
        assertThat(PercentilePruner.linearPercentile(new double[] {1, inf, 3}, 50)).isNaN();
        assertThat(PercentilePruner.linearPercentile(new double[] {1, inf}, 50)).isNaN();
        assertThat(PercentilePruner.linearPercentile(new double[] {1, inf}, 25)).isEqualTo(inf);
        assertThat(PercentilePruner.linearPercentile(new double[] {-inf, inf}, 50)).isNaN();
        assertThat(PercentilePruner.linearPercentile(new double[] {-inf, 1, 2}, 0)).isNaN();
        assertThat(PercentilePruner.linearPercentile(new double[] {1, 2, 3, inf}, 25)).isEqualTo(1.75);
    }

    @Test
    void infiniteReportsOfCompletedTrialsLeaveTheThresholdUndefinedAsInOptuna() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0));
        addCompleted(study, 1);
        addCompleted(study, Double.POSITIVE_INFINITY);
        assertThat(prunesAt(study, 0, 1e300)).isFalse();
        // a trial reporting an infinity is judged like any other value
        Study finite = study(Direction.MINIMIZE, new MedianPruner(1, 0));
        addCompleted(finite, 1);
        addCompleted(finite, 2);
        assertThat(prunesAt(finite, 0, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(prunesAt(finite, 0, Double.NEGATIVE_INFINITY)).isFalse();
    }

    @Test
    void nanReportsCountTowardsTheMinimumTrialsAsInOptuna() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(1, 0, 1, 3));
        addCompleted(study, 1);
        addCompleted(study, 2);
        study.addTrial(FrozenTrial.builder().value(0).intermediateValue(0, Double.NaN).build());
        // three completed trials reported at step 0, one of them NaN: the median of {1, 2} decides
        assertThat(prunesAt(study, 0, 1.6)).isTrue();
        assertThat(prunesAt(study, 0, 1.4)).isFalse();
    }

    @Test
    void linearPercentileAgreesWithCommonsMathR7() {
        // R-7 is the estimator numpy uses by default; commons-math implements it independently
        Random random = new Random(99);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(30);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextBoolean() ? random.nextGaussian() * 100 : random.nextInt(5);
            }
            double q = round % 10 == 0 ? 100 : 0.01 + random.nextDouble() * 99.99;
            double expected = new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                    .evaluate(Arrays.copyOf(values, n), q);
            assertThat(PercentilePruner.linearPercentile(values, q)).as("q=%s of %s", q, Arrays.toString(values))
                    .isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
        }
    }
}
