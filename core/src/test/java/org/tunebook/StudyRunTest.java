package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tunebook.storage.InMemoryStorage;

/** Background runs: optimizeAsync, progress, listeners, stop, await. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StudyRunTest {

    private static Study study(Direction direction) {
        return Tune.study().storage(new InMemoryStorage()).direction(direction).create();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void optimizeAsyncReturnsAtOnceAndAwaitWaitsForTheEnd() throws Exception {
        Study study = study(Direction.MINIMIZE);
        CountDownLatch gate = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            return t.number();
        }, Run.trials(3));
        // the objective cannot have finished: the gate is closed, so optimizeAsync did not wait for it
        assertThat(run.isDone()).isFalse();
        assertThat(run.study()).isSameAs(study);
        assertThat(run.await(Duration.ofMillis(50))).isFalse();
        waitUntil(() -> run.progress().running() == 1);
        Progress during = run.progress();
        assertThat(during.done()).isFalse();
        assertThat(during.finished()).isZero();
        assertThat(during.planned()).isEqualTo(3);
        assertThat(during.bestValue()).isEmpty();
        assertThat(during.bestTrial()).isEqualTo(-1);

        gate.countDown();
        Progress end = run.await();
        assertThat(run.isDone()).isTrue();
        assertThat(end.done()).isTrue();
        assertThat(end.complete()).isEqualTo(3);
        assertThat(end.running()).isZero();
        assertThat(run.await(Duration.ofMillis(1))).isTrue();
        assertThat(run.failure()).isEmpty();
        assertThat(study.trials()).hasSize(3);
    }

    @Test
    void progressCountsByStateAndTracksTheBestValue() throws Exception {
        Study study = study(Direction.MAXIMIZE);
        double[] values = {0.3, 0.9, 0.1, 0.7, 0.8, 0.2, 0.95, 0.5, 0.6, 0.4, 0.99, 0.15};
        StudyRun run = study.optimizeAsync(t -> {
            int n = t.number();
            t.report(values[n], 0);
            if (n % 4 == 1) {
                throw new TrialPrunedException(); // 1, 5, 9
            }
            if (n % 4 == 2) {
                throw new RuntimeException("fails"); // 2, 6, 10
            }
            return values[n];
        }, Run.trials(12).jobs(3));
        Progress end = run.await();

        // compute the expected numbers from the stored trials, independently of the run's counters
        List<FrozenTrial> trials = study.trials();
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAIL).count();
        assertThat(complete).isEqualTo(6);
        assertThat(pruned).isEqualTo(3);
        assertThat(failed).isEqualTo(3);
        assertThat(end.complete()).isEqualTo(6);
        assertThat(end.pruned()).isEqualTo(3);
        assertThat(end.failed()).isEqualTo(3);
        assertThat(end.finished()).isEqualTo(12);
        assertThat(end.planned()).isEqualTo(12);
        assertThat(end.running()).isZero();
        // COMPLETE trials are 0,3,4,7,8,11 (0.3 0.7 0.8 0.5 0.6 0.15): best 0.8 at #4; the larger 0.9, 0.95
        // and 0.99 belong to pruned or failed trials and must not count
        assertThat(end.bestValue()).hasValue(0.8);
        assertThat(end.bestTrial()).isEqualTo(4);
        assertThat(end.bestValue().getAsDouble()).isEqualTo(study.bestValue());
        assertThat(end.bestTrial()).isEqualTo(study.bestTrial().number());
        assertThat(end.elapsed()).isPositive();
        assertThat(end.remaining()).contains(Duration.ZERO);
        assertThat(end.toString()).contains("12/12 trials").contains("6 complete").contains("3 pruned")
                .contains("3 failed").contains("best 0.800000 (#4)").contains("done");
    }

    @Test
    void progressDuringARunEstimatesTheTimeLeft() throws Exception {
        Study study = study(Direction.MINIMIZE);
        CountDownLatch gate = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            if (t.number() == 3 && !gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            Thread.sleep(2);
            return 10 - t.number();
        }, Run.trials(6));
        waitUntil(() -> run.progress().finished() == 3 && run.progress().running() == 1);
        Progress p = run.progress();
        assertThat(p.complete()).isEqualTo(3);
        assertThat(p.planned()).isEqualTo(6);
        assertThat(p.done()).isFalse();
        assertThat(p.bestValue()).hasValue(8.0);
        assertThat(p.bestTrial()).isEqualTo(2);
        // three trials took the elapsed time, three more are left: an estimate is there and is not negative
        assertThat(p.remaining()).hasValueSatisfying(r -> assertThat(r).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(p.toString()).contains("3/6 trials").contains("1 running").contains("left");
        gate.countDown();
        assertThat(run.await().complete()).isEqualTo(6);
    }

    @Test
    void aRunWithOnlyATimeoutHasNoPlannedCountButAnEstimate() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun run = study.optimizeAsync(t -> {
            Thread.sleep(5);
            return 1;
        }, Run.forDuration(Duration.ofSeconds(20)));
        waitUntil(() -> run.progress().finished() >= 1);
        Progress p = run.progress();
        assertThat(p.planned()).isEqualTo(-1);
        assertThat(p.remaining()).hasValueSatisfying(r -> assertThat(r).isLessThanOrEqualTo(Duration.ofSeconds(20)));
        run.stop();
        run.await();
        Study unlimited = study(Direction.MINIMIZE);
        StudyRun forever = unlimited.optimizeAsync(t -> 1, Run.untilStopped());
        waitUntil(() -> forever.progress().finished() >= 1);
        assertThat(forever.progress().remaining()).isEmpty();
        forever.stop();
        forever.await();
    }

    @Test
    void listenersHearOfEveryTrialAndOfTheEnd() throws Exception {
        Study study = study(Direction.MINIMIZE);
        List<Integer> finishedTrials = Collections.synchronizedList(new ArrayList<>());
        List<Integer> progressCounts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger runFinished = new AtomicInteger();
        AtomicReference<Progress> last = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            return t.number();
        }, Run.trials(5).jobs(2));
        run.addListener(new RunListener() {
            @Override
            public void trialFinished(FrozenTrial trial, Progress progress) {
                finishedTrials.add(trial.number());
                progressCounts.add(progress.finished());
            }

            @Override
            public void runFinished(Progress progress) {
                runFinished.incrementAndGet();
                last.set(progress);
                ended.countDown();
            }
        });
        gate.countDown();
        run.await();
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(finishedTrials).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(progressCounts).allSatisfy(c -> assertThat(c).isBetween(1, 5));
        assertThat(progressCounts).contains(5);
        assertThat(runFinished.get()).isEqualTo(1);
        assertThat(last.get().done()).isTrue();
        assertThat(last.get().complete()).isEqualTo(5);

        // a listener added after the end hears of the end at once
        AtomicReference<Progress> late = new AtomicReference<>();
        run.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                late.set(progress);
            }
        });
        assertThat(late.get()).isNotNull();
        assertThat(late.get().done()).isTrue();
        assertThat(late.get().complete()).isEqualTo(5);
        assertThat(runFinished.get()).isEqualTo(1);
    }

    @Test
    void aFailingListenerDoesNotHurtTheRun() throws Exception {
        Study study = study(Direction.MINIMIZE);
        CountDownLatch gate = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            gate.await(30, TimeUnit.SECONDS);
            return 1;
        }, Run.trials(3));
        run.addListener(new RunListener() {
            @Override
            public void trialFinished(FrozenTrial trial, Progress progress) {
                throw new IllegalStateException("listener bug");
            }
        });
        gate.countDown();
        assertThat(run.await().complete()).isEqualTo(3);
        assertThat(run.failure()).isEmpty();
    }

    @Test
    void stopLetsRunningTrialsFinishAndStartsNoMore() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun run = study.optimizeAsync(t -> {
            Thread.sleep(3);
            return t.suggestFloat("x", 0, 1);
        }, Run.untilStopped().jobs(2));
        waitUntil(() -> run.progress().finished() >= 3);
        run.stop();
        Progress end = run.await();
        int count = study.trials().size();
        assertThat(end.finished()).isEqualTo(count);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        Thread.sleep(50);
        assertThat(study.trials()).hasSize(count); // nothing started after the end
    }

    @Test
    void interruptEndsRunningTrialsAsFailedAndStartsNoMore() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun run = study.optimizeAsync(t -> {
            Thread.sleep(60_000);
            return 1;
        }, Run.untilStopped().jobs(2));
        waitUntil(() -> run.progress().running() == 2);
        run.interrupt();
        Progress end = run.await();
        assertThat(end.failed()).isEqualTo(2);
        assertThat(end.running()).isZero();
        assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).contains("interrupted: the run was interrupted");
        });
        assertThat(run.failure()).isEmpty();
        run.interrupt(); // after the end: nothing more happens
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void anInterruptedTrialThatPrunesItselfEndsAsPruned() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun run = study.optimizeAsync(t -> {
            t.suggestFloat("x", 0, 1);
            try {
                while (true) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                throw new TrialPrunedException();
            }
        }, Run.untilStopped());
        waitUntil(() -> run.progress().running() == 1);
        run.interrupt();
        assertThat(run.await().pruned()).isEqualTo(1);
        assertThat(study.trials()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TrialState.PRUNED));
    }

    @Test
    void studyStopStopsEveryRunOfTheStudy() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun a = study.optimizeAsync(t -> 1, Run.untilStopped());
        StudyRun b = study.optimizeAsync(t -> 2, Run.untilStopped());
        waitUntil(() -> a.progress().finished() > 0 && b.progress().finished() > 0);
        study.stop();
        a.await();
        b.await();
        assertThat(a.isDone()).isTrue();
        assertThat(b.isDone()).isTrue();
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void awaitRethrowsWhatStoppedTheRun() throws Exception {
        Study study = study(Direction.MINIMIZE);
        IllegalStateException boom = new IllegalStateException("boom");
        StudyRun run = study.optimizeAsync(t -> {
            throw boom;
        }, Run.trials(5).catching(IllegalArgumentException.class));
        assertThatThrownBy(run::await).isSameAs(boom);
        assertThat(run.failure()).contains(boom);
        assertThat(run.isDone()).isTrue();
        assertThatThrownBy(() -> run.await(Duration.ofSeconds(1))).isSameAs(boom);
    }

    @Test
    void optimizeAsyncOverASpace() throws Exception {
        Study study = study(Direction.MINIMIZE);
        Space space = Space.builder().floatRange("x", -1, 1).intRange("k", 1, 3).build();
        StudyRun run = study.optimizeAsync(space, p -> p.getDouble("x") * p.getInt("k"), Run.trials(8).jobs(2));
        assertThat(run.await().complete()).isEqualTo(8);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.params().keySet()).containsExactly("x", "k"));
    }

    @Test
    void awaitReturnsOnlyAfterTheRunFinishedListenersHaveRun() throws Exception {
        Study study = study(Direction.MINIMIZE);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger listenerDone = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            start.await(30, TimeUnit.SECONDS);
            return 1;
        }, Run.trials(2));
        run.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                entered.countDown();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listenerDone.incrementAndGet();
            }
        });
        start.countDown();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        // every worker has finished, but the run's end is still being announced
        assertThat(run.isDone()).isTrue();
        assertThat(run.await(Duration.ofMillis(20))).isFalse();
        AtomicInteger seenByAwait = new AtomicInteger(-1);
        AtomicReference<Throwable> awaitError = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                run.await();
                seenByAwait.set(listenerDone.get());
            } catch (Throwable e) {
                awaitError.set(e);
            }
        });
        waiter.start();
        gate.countDown();
        waiter.join(30_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(awaitError.get()).isNull();
        assertThat(seenByAwait.get()).isEqualTo(1);
        assertThat(run.await(Duration.ofMillis(1))).isTrue();
    }

    @Test
    void aRunFinishedListenerMayAwaitAndPollItsOwnRun() throws Exception {
        Study study = study(Direction.MINIMIZE);
        AtomicReference<Progress> awaited = new AtomicReference<>();
        AtomicReference<Progress> polled = new AtomicReference<>();
        AtomicReference<Boolean> timedAwait = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            start.await(30, TimeUnit.SECONDS);
            return 1;
        }, Run.trials(3).jobs(2));
        StudyRun[] self = {run};
        run.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                try {
                    polled.set(self[0].progress());
                    timedAwait.set(self[0].await(Duration.ofSeconds(30)));
                    awaited.set(self[0].await()); // on the worker that ends the run: must not wait for itself
                } catch (Throwable e) {
                    error.set(e);
                }
            }
        });
        start.countDown();
        Progress end = run.await();
        assertThat(error.get()).isNull();
        assertThat(timedAwait.get()).isTrue();
        assertThat(awaited.get().done()).isTrue();
        assertThat(awaited.get().complete()).isEqualTo(3);
        assertThat(polled.get().done()).isTrue();
        assertThat(end.complete()).isEqualTo(3);
    }

    @Test
    void awaitOnAWorkerOfTheRunningRunIsRefusedInsteadOfWaitingForever() throws Exception {
        Study study = study(Direction.MINIMIZE);
        AtomicReference<Throwable> fromListener = new AtomicReference<>();
        AtomicReference<Boolean> timed = new AtomicReference<>();
        StudyRun[] self = new StudyRun[1];
        CountDownLatch start = new CountDownLatch(1);
        StudyRun run = study.optimizeAsync(t -> {
            start.await(30, TimeUnit.SECONDS);
            return 1;
        }, Run.trials(1));
        self[0] = run;
        run.addListener(new RunListener() {
            @Override
            public void trialFinished(FrozenTrial trial, Progress progress) {
                try {
                    timed.set(self[0].await(Duration.ofMillis(1)));
                    self[0].await();
                } catch (Throwable e) {
                    fromListener.set(e);
                }
            }
        });
        start.countDown();
        assertThat(run.await().complete()).isEqualTo(1);
        assertThat(timed.get()).isFalse();
        assertThat(fromListener.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker thread");
    }

    @Test
    void anEndedRunHasNoTimeLeft() throws Exception {
        Study study = study(Direction.MINIMIZE);
        StudyRun run = study.optimizeAsync(t -> {
            if (t.number() == 2) {
                study.stop();
            }
            return 1;
        }, Run.trials(1000).timeout(Duration.ofHours(1)));
        AtomicReference<Progress> announced = new AtomicReference<>();
        run.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                announced.set(progress);
            }
        });
        Progress end = run.await();
        assertThat(end.done()).isTrue();
        assertThat(end.finished()).isLessThan(1000);
        assertThat(end.remaining()).contains(Duration.ZERO);
        assertThat(run.progress().remaining()).contains(Duration.ZERO);
        assertThat(announced.get().remaining()).contains(Duration.ZERO);

        Study other = study(Direction.MINIMIZE);
        StudyRun unlimited = other.optimizeAsync(t -> 1, Run.untilStopped());
        waitUntil(() -> unlimited.progress().finished() >= 1);
        assertThat(unlimited.progress().remaining()).isEmpty(); // no estimate while it runs
        unlimited.stop();
        assertThat(unlimited.await().remaining()).contains(Duration.ZERO);
    }

    @Test
    void progressSnapshotsNeverLoseAFinishingTrial() throws Exception {
        // a finishing trial moves from running to its state in one step: finished + running never goes down
        Study study = study(Direction.MINIMIZE);
        int jobs = 4;
        StudyRun run = study.optimizeAsync(t -> 1.0, Run.trials(40_000).jobs(jobs));
        int seen = 0;
        int drops = 0;
        String firstDrop = null;
        while (true) {
            Progress p = run.progress();
            int sum = p.finished() + p.running();
            if (sum < seen) {
                drops++;
                if (firstDrop == null) {
                    firstDrop = "finished + running went from " + seen + " to " + sum + " in " + p;
                }
            }
            seen = Math.max(seen, sum);
            assertThat(p.running()).isBetween(0, jobs);
            if (p.done()) {
                break;
            }
        }
        assertThat(drops).as("%s", firstDrop).isZero();
        Progress end = run.await();
        assertThat(end.finished()).isEqualTo(40_000);
        assertThat(end.running()).isZero();
    }

    @Test
    void toStringDescribesTheRun() throws Exception {
        Study study = Tune.study().name("described").storage(new InMemoryStorage()).create();
        StudyRun run = study.optimizeAsync(t -> 1, Run.trials(2));
        run.await();
        assertThat(run.toString()).contains("described").contains("2/2 trials");
    }
}
