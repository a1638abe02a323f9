package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunebook.Objective;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.TrialState;

class BackgroundRunTest {

    private final Notebook nb = new Notebook();
    /** Each permit lets one trial of the gated objective finish. */
    private final Semaphore permits = new Semaphore(0);
    private final CountDownLatch started = new CountDownLatch(1);

    @AfterEach
    void close() {
        permits.release(1000);
        nb.close();
    }

    private void gatedObjective() {
        nb.variables.put("gated", (Objective) trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            started.countDown();
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let this trial finish");
            }
            return x;
        });
    }

    private StudyRun run(String study) {
        return nb.magics.session().run(study).orElseThrow().run();
    }

    @Test
    void returnsAtOnceUpdatesItsDisplayAndEndsWithASummary() throws Exception {
        gatedObjective();
        String name = Notebook.unique("bg");
        nb.line("new " + name + " --direction max");
        RecordingDisplay cell = nb.line("run " + name + " --objective gated --trials 3 --background");
        // the cell has returned while the first trial waits for a permit
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        RecordingDisplay.Handle progress = cell.handles.get(0);
        assertThat(progress.latest().text()).startsWith("running '" + name + "': 0/3 trials")
                .contains("%tune stop " + name);
        assertThat(progress.latest().html()).get().asString().contains("<progress value=\"0\" max=\"3\">");

        permits.release();
        awaitFinished(name, 1);
        nb.magics.session().run(name).orElseThrow().live().refresh();
        assertThat(progress.latest().text()).contains("1/3 trials (1 complete, 0 pruned, 0 failed");

        // other commands keep working while the run goes on
        assertThat(nb.line("status " + name).lastText()).contains("running '" + name + "'");
        assertThat(nb.line("best " + name).lastText()).startsWith("best of '" + name + "'");

        permits.release(2);
        assertThat(run(name).await(Duration.ofSeconds(30))).isTrue();
        awaitSummary(progress);
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(progress.latest().text()).startsWith("'" + name + "' done: 3/3 trials (3 complete, 0 pruned, 0 failed)")
                .contains("best " + Format.number(study.bestValue()));
        assertThat(nb.line("status " + name).lastText()).contains("done: 3/3 trials");
        assertThat(nb.line("status").lastText()).contains("ended");
    }

    @Test
    void stopEndsTheRunAfterRunningTrialsAndSaysSo() throws Exception {
        gatedObjective();
        String name = Notebook.unique("stopped");
        nb.line("new " + name);
        RecordingDisplay cell = nb.line("run " + name + " --objective gated --background");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nb.line("status").lastText()).contains("running");
        assertThat(nb.line("stop " + name).lastText()).startsWith("stopping the run of '" + name + "'");
        permits.release();
        assertThat(run(name).await(Duration.ofSeconds(30))).isTrue();
        RecordingDisplay.Handle progress = cell.handles.get(0);
        awaitSummary(progress);
        assertThat(progress.latest().text()).startsWith("'" + name + "' stopped: 1 trial (1 complete");
        assertThat(nb.magics.study(name).orElseThrow().trials()).hasSize(1)
                .allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(nb.line("stop " + name).lastText()).isEqualTo("study '" + name + "' has no background run going");
    }

    @Test
    void aSecondBackgroundRunOfTheSameStudyIsRefusedWhileTheFirstGoesOn() throws Exception {
        gatedObjective();
        String name = Notebook.unique("twice");
        nb.line("new " + name);
        nb.line("run " + name + " --objective gated --trials 2 --background");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective gated --trials 2 --background"))
                .isInstanceOf(MagicException.class).hasMessageContaining("already has a background run going");
        assertThatThrownBy(() -> nb.line("new " + name + " --load-if-exists"))
                .hasMessageContaining("has a background run going");
        permits.release(2);
        assertThat(run(name).await(Duration.ofSeconds(30))).isTrue();
        nb.line("run " + name + " --objective gated --trials 1 --background");
        permits.release();
        assertThat(run(name).await(Duration.ofSeconds(30))).isTrue();
        assertThat(nb.magics.study(name).orElseThrow().trials()).hasSize(3);
    }

    @Test
    void stopWithoutANameStopsEveryRunAndCloseStopsThemToo() throws Exception {
        gatedObjective();
        String a = Notebook.unique("a");
        String b = Notebook.unique("b");
        nb.line("new " + a);
        nb.line("new " + b);
        assertThat(nb.line("stop").lastText()).isEqualTo("no background run is going");
        nb.line("run " + a + " --objective gated --background");
        nb.line("run " + b + " --objective gated --background");
        assertThat(nb.line("stop").lastText()).contains(a).contains(b);
        permits.release(2);
        assertThat(run(a).await(Duration.ofSeconds(30))).isTrue();
        assertThat(run(b).await(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theTimerRefreshesTheDisplayWithoutAnyTrialFinishing() throws Exception {
        gatedObjective();
        String name = Notebook.unique("ticking");
        try (TuneMagics fast = new TuneMagics(Variables.of(nb.variables), Plotter.unavailable(), Duration.ofMillis(5))) {
            RecordingDisplay display = new RecordingDisplay();
            fast.line("new " + name, display);
            fast.line("run " + name + " --objective gated --trials 1 --background", display);
            RecordingDisplay.Handle progress = display.handles.get(0);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            // the elapsed time changes, so the timer's refreshes show up as new versions
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (progress.versions.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(progress.versions.size()).isGreaterThanOrEqualTo(3);
            permits.release();
            assertThat(fast.session().run(name).orElseThrow().run().await(Duration.ofSeconds(30))).isTrue();
            awaitSummary(progress);
            int versions = progress.versions.size();
            Thread.sleep(50);
            assertThat(progress.versions).hasSize(versions);
        }
    }

    private void awaitFinished(String study, int trials) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run(study).progress().finished() < trials && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(run(study).progress().finished()).isGreaterThanOrEqualTo(trials);
    }

    /** The summary is written by the run's last worker just after await() returns. */
    private static void awaitSummary(RecordingDisplay.Handle progress) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (progress.latest().text().startsWith("running") && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    @Test
    void aRunStartedInCodeCanBeFollowedLive() throws Exception {
        gatedObjective();
        Study study = org.tunebook.Tune.study().name(Notebook.unique("code")).create();
        StudyRun run = study.optimizeAsync((Objective) nb.variables.get("gated"), org.tunebook.Run.trials(2));
        RecordingDisplay display = new RecordingDisplay();
        nb.magics.follow(run, display);
        assertThat(display.handles.get(0).latest().text()).startsWith("running '" + study.name() + "'");
        permits.release(2);
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        awaitSummary(display.handles.get(0));
        assertThat(display.handles.get(0).latest().text()).startsWith("'" + study.name() + "' done: 2/2 trials");
    }

    @Test
    void stopNowInterruptsRunningTrialsWhichAreKeptAsFailed() throws Exception {
        gatedObjective();
        String name = Notebook.unique("now");
        nb.line("new " + name);
        RecordingDisplay cell = nb.line("run " + name + " --objective gated --trials 5 --background");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nb.line("stop " + name + " --now").lastText()).isEqualTo("interrupted the run of '" + name + "': it has"
                + " ended; the trials that were running are kept as failed (or pruned)");
        assertThat(run(name).isDone()).isTrue();
        RecordingDisplay.Handle progress = cell.handles.get(0);
        awaitSummary(progress);
        assertThat(progress.latest().text()).startsWith("'" + name + "' interrupted: 1/5 trials (0 complete, 0 pruned, 1 failed)");
        assertThat(nb.magics.study(name).orElseThrow().trials()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).contains("interrupted: the run was interrupted");
        });
    }

    @Test
    void stopAndInterruptsReachRunsStartedInCode() throws Exception {
        gatedObjective();
        Study study = org.tunebook.Tune.study().name(Notebook.unique("coded")).create();
        nb.variables.put("coded", study);
        StudyRun first = study.optimizeAsync((Objective) nb.variables.get("gated"), org.tunebook.Run.untilStopped());
        RecordingDisplay display = new RecordingDisplay();
        nb.magics.follow(first, display);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        // a cooperative stop by the study's name: the running trial finishes
        assertThat(nb.line("stop " + study.name()).lastText()).startsWith("stopping the run of '" + study.name() + "'");
        permits.release();
        assertThat(first.await(Duration.ofSeconds(30))).isTrue();
        awaitSummary(display.handles.get(0));
        assertThat(display.handles.get(0).latest().text()).startsWith("'" + study.name() + "' stopped: 1 trial (1 complete");

        // what a kernel does for an interrupt while no cell runs
        StudyRun second = study.optimizeAsync((Objective) nb.variables.get("gated"), org.tunebook.Run.untilStopped());
        RecordingDisplay again = new RecordingDisplay();
        nb.magics.follow(second, again);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.progress().running() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(nb.magics.interruptBackgroundRuns()).isEqualTo(1);
        assertThat(second.await(Duration.ofSeconds(30))).isTrue();
        awaitSummary(again.handles.get(0));
        assertThat(again.handles.get(0).latest().text()).startsWith("'" + study.name() + "' interrupted: 1 trial (0 complete, 0 pruned, 1 failed)");
        assertThat(nb.magics.interruptBackgroundRuns()).isZero();
    }
}
