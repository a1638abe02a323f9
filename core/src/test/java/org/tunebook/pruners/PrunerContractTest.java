package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;

/**
 * The contract every pruner must pass. A pruner's test extends this class, implements {@link #create()} and adds
 * tests of its own. Every check runs real studies through the public API.
 *
 * <p>What is checked:
 * <ul>
 *   <li>a trial that has reported nothing is never pruned, in a fresh study and in one with history;</li>
 *   <li>NaN and infinite reports, in the running trial and in finished ones, and steps reported out of order or
 *   with gaps, get an answer (no exception) and leave the study usable;</li>
 *   <li>four worker threads sharing the pruner ({@code Run.jobs(4)}) finish every trial as COMPLETE or PRUNED,
 *   never FAIL, and pruned trials keep their last report as value;</li>
 *   <li>a study resumed from SQLite with a new pruner object makes the same decisions as the pruner that ran the
 *   study so far: whatever state the pruner keeps per trial is in the storage;</li>
 *   <li>the contract's learning curves get some trials pruned, so the checks above are not vacuous.</li>
 * </ul>
 */
public abstract class PrunerContractTest {

    @TempDir
    Path contractDir;

    /** A new pruner; two calls must give pruners that decide the same way. */
    protected abstract Pruner create();

    /**
     * Whether the pruner prunes some of the contract's trials (noisy learning curves of 30 steps, a third of them
     * far worse than the rest, some diverging). Default true; only a pruner that never prunes returns false.
     */
    protected boolean prunesContractCurves() {
        return true;
    }

    private Study memoryStudy() {
        return Tune.study().storage(new InMemoryStorage()).direction(Direction.MINIMIZE).pruner(create()).create();
    }

    /**
     * Trial {@code number}'s learning curve: a loss falling from about 1 towards a floor, with noise; every third
     * trial is far worse, every seventh diverges after step 15.
     */
    static double[] curve(int number) {
        Random random = new Random(1000 + number);
        double floor = number % 3 == 2 ? 0.8 + 0.2 * random.nextDouble() : 0.1 + 0.3 * random.nextDouble();
        double rate = 0.1 + 0.2 * random.nextDouble();
        double[] curve = new double[30];
        for (int s = 0; s < curve.length; s++) {
            curve[s] = floor + (1.2 - floor) * Math.exp(-rate * s) + 0.02 * random.nextGaussian();
            if (number % 7 == 6 && s > 15) {
                curve[s] += 0.5 * (s - 15);
            }
        }
        return curve;
    }

    /** Runs trial-number-indexed curves, stopping at the first prune; returns the pruned step (or -1). */
    private static int run(Study study) {
        Trial t = study.ask();
        double[] c = curve(t.number());
        for (int step = 0; step < c.length; step++) {
            t.report(c[step], step);
            if (t.shouldPrune()) {
                study.tell(t, TrialState.PRUNED);
                return step;
            }
        }
        study.tell(t, c[c.length - 1]);
        return -1;
    }

    @Test
    void aTrialThatHasReportedNothingIsNeverPruned() {
        Study fresh = memoryStudy();
        assertThat(fresh.ask().shouldPrune()).isFalse();
        Study withHistory = memoryStudy();
        for (int i = 0; i < 20; i++) {
            run(withHistory);
        }
        Trial t = withHistory.ask();
        t.setUserAttr("note", "nothing reported");
        assertThat(t.shouldPrune()).isFalse();
    }

    @Test
    void nanAndInfiniteReportsAndOddStepsGetAnAnswerAndLeaveTheStudyUsable() {
        Study study = memoryStudy();
        for (int i = 0; i < 10; i++) {
            run(study);
        }
        study.addTrial(FrozenTrial.builder().value(0.5).intermediateValue(0, Double.NaN).intermediateValue(1, 0.5)
                .build());
        study.addTrial(FrozenTrial.builder().value(0.5).intermediateValue(0, Double.POSITIVE_INFINITY)
                .intermediateValue(1, Double.NEGATIVE_INFINITY).intermediateValue(2, 0.5).build());
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Trial t = study.ask();
            for (int step = 0; step < 12; step++) {
                t.report(step % 4 == 1 ? special : 1.0 / (step + 1), step);
                assertThatCode(t::shouldPrune).as("a check after reporting %s", special).doesNotThrowAnyException();
            }
            study.tell(t, TrialState.PRUNED);
            Trial only = study.ask();
            only.report(special, 0);
            assertThatCode(only::shouldPrune).doesNotThrowAnyException();
            study.tell(only, TrialState.FAIL);
        }
        Trial odd = study.ask();
        for (int step : new int[] {7, 3, 11, 40, 0}) {
            odd.report(0.5, step);
            assertThatCode(odd::shouldPrune).as("steps out of order").doesNotThrowAnyException();
        }
        study.tell(odd, 0.5);
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> run(study)).doesNotThrowAnyException();
        }
    }

    @Test
    void fourWorkersShareThePrunerSafely() {
        Study study = memoryStudy();
        study.optimize(t -> {
            double[] c = curve(t.number());
            for (int step = 0; step < c.length; step++) {
                t.report(c[step], step);
                Thread.yield();
                if (t.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return c[c.length - 1];
        }, Run.trials(80).jobs(4));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(80);
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).as("%s", t)
                .isIn(TrialState.COMPLETE, TrialState.PRUNED));
        for (FrozenTrial t : study.trials(TrialState.PRUNED)) {
            double last = t.intermediateValues().get(t.intermediateValues().lastKey());
            assertThat(t.value()).isEqualTo(last);
        }
        if (prunesContractCurves()) {
            assertThat(study.trials(TrialState.PRUNED)).as("pruned trials").isNotEmpty();
        }
    }

    @Test
    void aStudyResumedFromSqliteWithANewPrunerDecidesAsTheOriginalPruner() throws Exception {
        Path original = contractDir.resolve("original.db");
        String name = "resume-" + getClass().getSimpleName();
        Pruner pruner = create();
        Study first = Tune.study().name(name).storage("sqlite:" + original).direction(Direction.MINIMIZE)
                .pruner(pruner).create();
        for (int i = 0; i < 30; i++) {
            run(first);
        }
        first.storage().close();
        Path copy = contractDir.resolve("copy.db");
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        Study goOn = Tune.study().name(name).storage("sqlite:" + original).pruner(pruner).load();
        Study resumed = Tune.study().name(name).storage("sqlite:" + copy).pruner(create()).load();
        List<Integer> expected = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(run(goOn));
            actual.add(run(resumed));
        }
        goOn.storage().close();
        resumed.storage().close();
        assertThat(actual).as("pruned step per trial (-1: completed) after resuming").isEqualTo(expected);
        if (prunesContractCurves()) {
            assertThat(expected).as("the resumed half prunes some trials").anyMatch(step -> step >= 0);
        } else {
            assertThat(expected).as("a pruner that prunes nothing, after resuming").allMatch(step -> step == -1);
        }
    }
}
