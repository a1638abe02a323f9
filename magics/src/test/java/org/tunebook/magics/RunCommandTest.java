package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.SpaceObjective;
import org.tunebook.Study;
import org.tunebook.TrialState;

class RunCommandTest {

    private final Notebook nb = new Notebook();

    @AfterEach
    void close() {
        nb.close();
    }

    private static final Objective QUADRATIC = trial -> {
        double x = trial.suggestFloat("x", -10, 10);
        return (x - 2) * (x - 2);
    };

    @Test
    void runsTrialsInTheCellAndEndsWithASummary() {
        String name = Notebook.unique("q");
        nb.variables.put("f", QUADRATIC);
        nb.line("new " + name + " --seed 3");
        RecordingDisplay out = nb.line("run " + name + " --objective f --trials 12");
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(12);
        assertThat(out.handles).hasSize(1);
        Output summary = out.handles.get(0).latest();
        assertThat(summary.text()).startsWith("'" + name + "' done: 12/12 trials (12 complete, 0 pruned, 0 failed) in ")
                .contains("best " + Format.number(study.bestValue()) + " (#" + study.bestTrial().number() + "): x=");
        assertThat(summary.html()).get().asString().contains("done");
    }

    @Test
    void aSeededStudyRepeatsItsParameters() {
        nb.variables.put("f", QUADRATIC);
        String a = Notebook.unique("a");
        String b = Notebook.unique("b");
        nb.line("new " + a + " --seed 11");
        nb.line("new " + b + " --seed 11");
        nb.line("run " + a + " --objective f --trials 5");
        nb.line("run " + b + " --objective f --trials 5");
        assertThat(params(a)).isEqualTo(params(b));
        // a second run goes on with the sampler's sequence rather than repeating it
        nb.line("run " + a + " --objective f --trials 5");
        List<Object> xs = params(a);
        assertThat(xs.subList(5, 10)).doesNotContainAnyElementsOf(xs.subList(0, 5));
    }

    private List<Object> params(String study) {
        return nb.magics.study(study).orElseThrow().trials().stream().map(t -> t.params().get("x")).toList();
    }

    @Test
    void aSpaceObjectiveGetsItsConfigurationFromTheSpace() {
        String name = Notebook.unique("ray");
        nb.cell("space net", "lr: float 1e-4..1e-1 log\nlayers: int 1..3\nact: choice relu, tanh");
        SpaceObjective score = p -> p.getInt("layers") + p.getDouble("lr") + (p.getString("act").equals("relu") ? 0 : 1);
        nb.variables.put("score", score);
        nb.line("new " + name);
        nb.line("run " + name + " --objective score --space net --trials 6");
        List<FrozenTrial> trials = nb.magics.study(name).orElseThrow().trials(TrialState.COMPLETE);
        assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.params()).containsOnlyKeys("lr", "layers", "act"));
    }

    @Test
    void aTrialObjectiveWithASpaceSeesTheSpaceSampled() {
        String name = Notebook.unique("both");
        nb.cell("space s", "x: float 0..1");
        nb.variables.put("g", (Objective) trial -> trial.suggestFloat("x", 0, 1) + trial.suggestInt("k", 1, 2));
        nb.line("new " + name);
        nb.line("run " + name + " --objective g --space s --trials 3");
        assertThat(nb.magics.study(name).orElseThrow().trials(TrialState.COMPLETE))
                .allSatisfy(t -> assertThat(t.params()).containsOnlyKeys("x", "k"));
    }

    @Test
    void gridSearchByNameEnumeratesTheSpaceAndStopsByItself() {
        String name = Notebook.unique("grid");
        nb.cell("space g", "a: int 1..3\nb: choice x, y");
        nb.variables.put("f", (SpaceObjective) p -> p.getInt("a"));
        nb.line("new " + name + " --sampler grid");
        RecordingDisplay out = nb.line("run " + name + " --objective f --space g");
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(6);
        assertThat(study.trials().stream().map(t -> t.params().get("a") + "" + t.params().get("b")))
                .containsExactlyInAnyOrder("1x", "1y", "2x", "2y", "3x", "3y");
        assertThat(out.handles.get(0).latest().text()).contains("done: 6 trials");
        nb.variables.put("plain", QUADRATIC);
        assertThatThrownBy(() -> nb.line("run " + name + " --objective plain --trials 2")).hasMessageContaining(
                "grid search needs a space");
    }

    @Test
    void failingTrialsAreCountedAndTheRunGoesOn() {
        String name = Notebook.unique("fails");
        nb.variables.put("f", (Objective) trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            if (trial.number() % 2 == 1) {
                throw new IllegalStateException("odd trial");
            }
            return x;
        });
        nb.line("new " + name);
        RecordingDisplay out = nb.line("run " + name + " --objective f --trials 4");
        assertThat(out.handles.get(0).latest().text()).contains("4/4 trials (2 complete, 0 pruned, 2 failed)");
    }

    @Test
    void anErrorTheRunDoesNotCatchStopsItWithAShortMessage() {
        String name = Notebook.unique("boom");
        nb.variables.put("f", (Objective) trial -> {
            throw new AssertionError("model diverged");
        });
        nb.line("new " + name);
        RecordingDisplay[] out = new RecordingDisplay[1];
        assertThatThrownBy(() -> out[0] = nb.line("run " + name + " --objective f --trials 3"))
                .isInstanceOf(MagicException.class)
                .hasMessage("the run of '" + name + "' stopped: AssertionError: model diverged (the trials before it"
                        + " are kept)");
        assertThat(nb.display.handles.get(0).latest().text()).contains("stopped by an error (AssertionError: model"
                + " diverged)");
    }

    @Test
    void badObjectivesAndLimitsGetSpecificErrors() {
        String name = Notebook.unique("bad");
        nb.line("new " + name);
        nb.variables.put("text", "not a function");
        nb.variables.put("obj", QUADRATIC);
        nb.variables.put("cfg", (SpaceObjective) p -> 1.0);
        assertThatThrownBy(() -> nb.line("run " + name + " --objective nope --trials 1"))
                .hasMessageContaining("no objective 'nope': the notebook has no variable of that name");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective ojb --trials 1"))
                .hasMessageContaining("(did you mean obj?)");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective text --trials 1"))
                .hasMessageContaining("variable 'text' is a java.lang.String, not an objective")
                .hasMessageContaining("usage: %tune run");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective cfg --trials 1"))
                .hasMessageContaining("needs --space");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective obj"))
                .hasMessageContaining("say how long to run: --trials N or --timeout D");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective obj --trials 2 --jobs 0"))
                .hasMessageContaining("--jobs must be at least 1");
        assertThatThrownBy(() -> nb.line("run " + name + " --objective obj --trials 2 --space nowhere"))
                .hasMessageContaining("no space 'nowhere'");
        assertThatThrownBy(() -> nb.line("run elsewhere --objective obj --trials 2"))
                .hasMessageContaining("no study 'elsewhere' in this notebook")
                .hasMessageContaining("%tune new elsewhere");
    }

    @Test
    void aStudyVariableMadeInCodeCanBeRun() {
        Study study = org.tunebook.Tune.study().name(Notebook.unique("code")).create();
        nb.variables.put("myStudy", study);
        nb.variables.put("f", QUADRATIC);
        nb.line("run myStudy --objective f --trials 2 --timeout 1h --jobs 2");
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void anInterruptStopsAForegroundRunAndKeepsItsTrials() throws Exception {
        String name = Notebook.unique("interrupted");
        CountDownLatch firstTrialRunning = new CountDownLatch(1);
        nb.variables.put("slow", (Objective) trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            if (trial.number() == 0) {
                return x;
            }
            firstTrialRunning.countDown();
            Thread.sleep(60_000); // interrupted by the run when the cell is interrupted
            return x;
        });
        nb.line("new " + name);
        RecordingDisplay display = new RecordingDisplay();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                nb.magics.line("run " + name + " --objective slow --trials 100", display);
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        cell.start();
        assertThat(firstTrialRunning.await(30, TimeUnit.SECONDS)).isTrue();
        cell.interrupt();
        cell.join(30_000);
        assertThat(cell.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(MagicException.class).hasMessageContaining("was interrupted after");
        assertThat(flagAfter.get()).isFalse();
        assertThat(display.handles.get(0).latest().text()).contains("interrupted");
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.trials()).hasSizeLessThan(100);
        assertThat(study.trials().stream().map(FrozenTrial::state).toList()).contains(TrialState.COMPLETE)
                .doesNotContain(TrialState.RUNNING);
        assertThat(Set.copyOf(study.trials().stream().map(FrozenTrial::state).toList()))
                .isSubsetOf(TrialState.COMPLETE, TrialState.FAIL);
    }
}
