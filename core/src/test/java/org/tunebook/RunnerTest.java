package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/** The runner behind optimize: limits, failures, stops, timeouts, interrupts, reproducibility. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerTest {

    private static Study study() {
        return Tune.study().storage(new InMemoryStorage()).create();
    }

    private static long count(Study study, TrialState state) {
        return study.trials().stream().filter(t -> t.state() == state).count();
    }

    @Test
    void runTrialsIsAGlobalCapAcrossJobs() {
        for (int round = 0; round < 5; round++) {
            Study study = study();
            AtomicInteger calls = new AtomicInteger();
            study.optimize(t -> {
                calls.incrementAndGet();
                return t.suggestFloat("x", 0, 1);
            }, Run.trials(37).jobs(4));
            assertThat(calls.get()).isEqualTo(37);
            assertThat(study.trials()).hasSize(37);
            assertThat(study.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(range(37));
            assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void zeroTrialsRunNothing() {
        Study study = study();
        study.optimize(t -> 1.0, Run.trials(0).jobs(3));
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void optimizeWithATrialCountRunsThatMany() {
        Study study = study();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 6);
        assertThat(study.trials()).hasSize(6);
        // a second optimize adds to the same study
        study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        assertThat(study.trials()).hasSize(8);
    }

    @Test
    void anObjectiveThatThrowsFailsItsTrialWithTheExceptionAndTheStudyGoesOn() {
        Study study = study();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() % 2 == 1) {
                throw new IllegalStateException("diverged at trial " + t.number());
            }
            return x;
        }, Run.trials(6));
        assertThat(study.trials()).hasSize(6);
        for (FrozenTrial t : study.trials()) {
            if (t.number() % 2 == 1) {
                assertThat(t.state()).isEqualTo(TrialState.FAIL);
                assertThat(t.hasValue()).isFalse();
                assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r)
                        .contains("java.lang.IllegalStateException")
                        .contains("diverged at trial " + t.number()));
                assertThat(t.params()).containsKey("x"); // the parameters of a failed trial are kept
            } else {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            }
        }
    }

    @Test
    void aCheckedExceptionIsCaughtByDefault() {
        Study study = study();
        study.optimize(t -> {
            if (t.number() == 0) {
                throw new IOException("disk full");
            }
            return 1.0;
        }, Run.trials(3));
        assertThat(study.trial(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(0).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("java.io.IOException").contains("disk full"));
        assertThat(count(study, TrialState.COMPLETE)).isEqualTo(2);
    }

    @Test
    void nanFailsTheTrial() {
        Study study = study();
        study.optimize(t -> t.number() == 1 ? Double.NaN : 1.0, Run.trials(3));
        assertThat(study.trial(1).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(1).failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(study.trial(1).hasValue()).isFalse();
        assertThat(count(study, TrialState.COMPLETE)).isEqualTo(2);
    }

    @Test
    void theWrongNumberOfValuesFailsTheTrial() {
        Study study = study();
        study.optimize(Objective.multi(t -> new double[] {1, 2}), Run.trials(2));
        assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r).contains("2 value(s)")
                    .contains("1 objective(s)"));
        });
        Study nulls = study();
        nulls.optimize(Objective.multi(t -> null), Run.trials(1));
        assertThat(nulls.trial(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(nulls.trial(0).failReason()).hasValueSatisfying(r -> assertThat(r).contains("null"));
    }

    @Test
    void anExceptionTheRunDoesNotCatchStopsItAndIsRethrown() {
        Study study = study();
        IllegalStateException boom = new IllegalStateException("not a tuning problem");
        assertThatThrownBy(() -> study.optimize(t -> {
            if (t.number() == 0) {
                throw new IllegalArgumentException("bad parameter combination");
            }
            if (t.number() == 2) {
                throw boom;
            }
            return 1.0;
        }, Run.trials(10).catching(IllegalArgumentException.class))).isSameAs(boom);
        // the caught one failed its trial, the other failed its trial and stopped the run
        assertThat(study.trials()).hasSize(3);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(0).failReason()).hasValueSatisfying(r -> assertThat(r).contains("bad parameter"));
        assertThat(study.trial(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(2).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(2).failReason()).hasValueSatisfying(r -> assertThat(r).contains("not a tuning problem"));
    }

    @Test
    void anUncaughtCheckedExceptionIsWrappedInObjectiveException() {
        Study study = study();
        IOException io = new IOException("no network");
        assertThatThrownBy(() -> study.optimize(t -> {
            throw io;
        }, Run.trials(5).jobs(2).catching(IllegalArgumentException.class)))
                .isInstanceOf(ObjectiveException.class)
                .hasCause(io)
                .hasMessageContaining("no network");
        assertThat(study.trials()).hasSizeBetween(1, 2); // each worker stops after at most one trial
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL));
    }

    @Test
    void anErrorIsNotCaughtByDefault() {
        Study study = study();
        AssertionError error = new AssertionError("broken invariant");
        assertThatThrownBy(() -> study.optimize(t -> {
            throw error;
        }, Run.trials(5))).isSameAs(error);
        assertThat(study.trials()).hasSize(1);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void trialPrunedExceptionPrunesTheTrialWithItsLastReport() {
        Study study = study();
        study.optimize(t -> {
            for (int step = 0; step < 5; step++) {
                t.report(10.0 - step, step);
                if (t.number() == 1 && step == 2) {
                    throw new TrialPrunedException();
                }
            }
            return 6.0;
        }, Run.trials(3));
        FrozenTrial pruned = study.trial(1);
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.value()).isEqualTo(8.0);
        assertThat(pruned.intermediateValues()).hasSize(3);
        assertThat(pruned.failReason()).isEmpty();
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(2).state()).isEqualTo(TrialState.COMPLETE);
        // a pruned trial is not a candidate for best, even though 8 < 6 is false anyway: check with a better one
        Study s2 = study();
        s2.optimize(t -> {
            t.report(-100, 0);
            if (t.number() == 0) {
                throw new TrialPrunedException("unpromising");
            }
            return 5;
        }, Run.trials(2));
        assertThat(s2.bestTrial().number()).isEqualTo(1);
    }

    @Test
    void callbacksRunAfterEachTrialOnceItIsStored() {
        Study study = study();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Callback first = (s, t) -> {
            calls.add("first#" + t.number() + ":" + t.state());
            if (s != study) {
                problems.add("wrong study");
            }
            if (s.trial(t.number()).state() != t.state()) {
                problems.add("trial " + t.number() + " not stored yet");
            }
        };
        Callback second = (s, t) -> calls.add("second#" + t.number());
        study.optimize(t -> {
            if (t.number() == 1) {
                throw new RuntimeException("x");
            }
            return t.number();
        }, Run.trials(3).callbacks(first).callbacks(second));
        assertThat(problems).isEmpty();
        assertThat(calls).containsExactly("first#0:COMPLETE", "second#0", "first#1:FAIL", "second#1",
                "first#2:COMPLETE", "second#2");
    }

    @Test
    void studyStopFromACallbackStopsAfterTheCurrentTrial() {
        Study study = study();
        study.optimize(t -> t.suggestFloat("x", 0, 1), Run.untilStopped().callbacks((s, t) -> {
            if (t.number() == 4) {
                s.stop();
            }
        }));
        assertThat(study.trials()).hasSize(5);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void studyStopWithSeveralWorkersLetsRunningTrialsFinish() {
        Study study = study();
        study.optimize(t -> {
            Thread.sleep(2);
            return t.suggestFloat("x", 0, 1);
        }, Run.untilStopped().jobs(4).callbacks((s, t) -> {
            if (t.number() >= 10) {
                s.stop();
            }
        }));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.size()).isBetween(11, 40);
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void studyStopFromTheObjectiveStopsTheRun() {
        Study study = study();
        study.optimize(t -> {
            if (t.number() == 2) {
                t.study().stop();
            }
            return 1;
        }, Run.untilStopped());
        assertThat(study.trials()).hasSize(3);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void aCallbackThatThrowsStopsTheRunAndIsRethrown() {
        Study study = study();
        IllegalStateException e = new IllegalStateException("callback broke");
        assertThatThrownBy(() -> study.optimize(t -> 1.0, Run.trials(10).callbacks((s, t) -> {
            if (t.number() == 1) {
                throw e;
            }
        }))).isSameAs(e);
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void aTimeoutStopsStartingTrialsButLetsThemFinish() throws Exception {
        Study study = study();
        StudyRun run = study.optimizeAsync(t -> {
            Thread.sleep(20);
            return t.suggestFloat("x", 0, 1);
        }, Run.trials(1_000_000).timeout(Duration.ofMillis(300)).jobs(2));
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).isNotEmpty();
        assertThat(trials.size()).isLessThan(1_000_000);
        // nobody was interrupted: every trial completed
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void forDurationRunsUntilTheTimeout() throws Exception {
        Study study = study();
        StudyRun run = study.optimizeAsync(t -> {
            Thread.sleep(5);
            return 1.0;
        }, Run.forDuration(Duration.ofMillis(200)));
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(study.trials()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(run.progress().planned()).isEqualTo(-1);
    }

    @Test
    void interruptAtTimeoutInterruptsASleepingTrial() throws Exception {
        Study study = study();
        StudyRun run = study.optimizeAsync(t -> {
            t.suggestFloat("x", 0, 1);
            Thread.sleep(60_000);
            return 1.0;
        }, Run.forDuration(Duration.ofMillis(200)).interruptAtTimeout());
        assertThat(run.await(Duration.ofSeconds(30))).as("the run ended long before the 60 s sleep").isTrue();
        assertThat(study.trials()).hasSize(1);
        FrozenTrial t = study.trial(0);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r).contains("timeout"));
        assertThat(t.params()).containsKey("x");
    }

    @Test
    void interruptAtTimeoutStopsALoopingTrialAtItsNextReport() throws Exception {
        Study study = study();
        AtomicInteger reports = new AtomicInteger();
        StudyRun run = study.optimizeAsync(t -> {
            for (int step = 0; ; step++) {
                t.report(step, step);
                reports.incrementAndGet();
                LockSupport.parkNanos(1_000_000); // a busy computation that does not look at interrupts
            }
        }, Run.trials(3).timeout(Duration.ofMillis(200)).interruptAtTimeout().jobs(2));
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r).contains("timeout"));
            assertThat(t.intermediateValues()).isNotEmpty();
        });
    }

    @Test
    void trialTimeoutInterruptsOnlyTheSlowTrial() throws Exception {
        Study study = study();
        study.optimize(t -> {
            if (t.number() == 1) {
                Thread.sleep(60_000);
            }
            return t.number();
        }, Run.trials(3).trialTimeout(Duration.ofMillis(200)));
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(1).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(1).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("interrupted").contains("longer than its limit"));
        assertThat(study.trial(2).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aTrialThatSurvivesItsInterruptKeepsItsResult() {
        // an objective may catch the interrupt and still return: the trial completes and the run goes on
        Study study = study();
        study.optimize(t -> {
            if (t.number() == 0) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return -1.0;
                }
            }
            return 1.0;
        }, Run.trials(2).trialTimeout(Duration.ofMillis(100)));
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(0).value()).isEqualTo(-1.0);
        assertThat(study.trial(1).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void studyTrialLimitCountsTrialsOfEarlierRuns() {
        Study study = study();
        study.optimize(t -> 1.0, 3);
        study.optimize(t -> 1.0, Run.untilStopped().studyTrialLimit(10));
        assertThat(study.trials()).hasSize(10);
        study.optimize(t -> 1.0, Run.trials(5).studyTrialLimit(10));
        assertThat(study.trials()).hasSize(10);
    }

    @Test
    void studyTrialLimitDoesNotCountWaitingTrialsUntilTheyRun() {
        Study study = study();
        for (int i = 0; i < 3; i++) {
            study.enqueue(Map.of("x", i / 10.0));
        }
        study.optimize(t -> t.suggestFloat("x", 0, 1), Run.untilStopped().studyTrialLimit(5));
        assertThat(study.trials()).hasSize(5).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(study.trials().subList(0, 3)).extracting(t -> t.params().get("x")).containsExactly(0.0, 0.1, 0.2);

        // with as many waiting trials as the limit, exactly those run
        Study queued = study();
        for (int i = 0; i < 4; i++) {
            queued.enqueue(Map.of("x", i / 10.0));
        }
        queued.optimize(t -> t.suggestFloat("x", 0, 1), Run.untilStopped().jobs(2).studyTrialLimit(4));
        assertThat(queued.trials()).hasSize(4).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void studyTrialLimitIsExactWithSeveralWorkers() {
        for (int round = 0; round < 20; round++) {
            Study study = study();
            study.optimize(t -> 1.0, Run.untilStopped().jobs(4).studyTrialLimit(25));
            assertThat(study.trials()).hasSize(25);
        }
    }

    @Test
    void interruptingTheThreadThatCallsOptimizeStopsTheRun() throws Exception {
        Study study = study();
        CountDownLatch running = new CountDownLatch(2);
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                study.optimize(t -> {
                    running.countDown();
                    Thread.sleep(60_000);
                    return 1.0;
                }, Run.untilStopped().jobs(2));
                flagKept.set(Thread.currentThread().isInterrupted());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(30_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isNull();
        assertThat(flagKept.get()).as("the interrupt flag is kept for the caller").isTrue();
        assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r).contains("interrupted"));
        });
    }

    @Test
    void aSeededRandomSamplerGivesTheSameParametersPerTrialWithOneOrFourJobs() {
        Map<Integer, Map<String, Object>> one = paramsByNumber(1);
        Map<Integer, Map<String, Object>> four = paramsByNumber(4);
        assertThat(one).hasSize(40);
        assertThat(four).isEqualTo(one);
        // and a different seed gives different parameters
        Study other = Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(43)).create();
        other.optimize(RunnerTest::threeParams, Run.trials(1));
        assertThat(other.trial(0).params()).isNotEqualTo(one.get(0));
    }

    private static Map<Integer, Map<String, Object>> paramsByNumber(int jobs) {
        Study study = Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(42)).create();
        study.optimize(RunnerTest::threeParams, Run.trials(40).jobs(jobs));
        Map<Integer, Map<String, Object>> byNumber = new TreeMap<>();
        study.trials().forEach(t -> byNumber.put(t.number(), t.params()));
        return byNumber;
    }

    private static double threeParams(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        int n = t.suggestInt("n", 1, 100, Scale.LOG);
        String c = t.suggestCategorical("c", "a", "b", "c", "d");
        return x + n + c.length();
    }

    @Test
    void runSettingsAreValidated() {
        assertThatThrownBy(() -> Run.trials(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0").hasMessageContaining("-1");
        assertThatThrownBy(() -> Run.trials(5).jobs(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs");
        assertThatThrownBy(() -> Run.trials(5).jobs(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs");
        assertThat(Run.trials(5).jobs(-1).jobs()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> Run.trials(5).timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Run.trials(5).timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Run.trials(5).timeout(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Run.forDuration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Run.trials(5).interruptAtTimeout()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a timeout");
        assertThatThrownBy(() -> Run.trials(5).trialTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trial timeout must be positive");
        assertThatThrownBy(() -> Run.trials(5).studyTrialLimit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Run.trials(5).callbacks((Callback) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callback");
        assertThatThrownBy(() -> Run.trials(5).catching()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void runIsImmutable() {
        Run base = Run.trials(10);
        Run wide = base.jobs(3).timeout(Duration.ofMinutes(1)).interruptAtTimeout().trialTimeout(Duration.ofSeconds(5))
                .studyTrialLimit(50);
        assertThat(base.jobs()).isEqualTo(1);
        assertThat(base.timeout()).isNull();
        assertThat(base.interruptsAtTimeout()).isFalse();
        assertThat(wide.trials()).isEqualTo(10);
        assertThat(wide.jobs()).isEqualTo(3);
        assertThat(wide.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(wide.interruptsAtTimeout()).isTrue();
        assertThat(wide.trialTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(wide.studyTrialLimit()).isEqualTo(50);
        assertThat(Run.untilStopped().trials()).isEqualTo(-1);
    }
}
