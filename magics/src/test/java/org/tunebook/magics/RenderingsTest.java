package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.IntDistribution;

class RenderingsTest {

    private static Study study() {
        Study study = Tune.study().name(Notebook.unique("r")).direction(Direction.MAXIMIZE).create();
        study.addTrial(FrozenTrial.builder().value(0.25).param("k", 2, new IntDistribution(1, 3)).build());
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).param("k", 3, new IntDistribution(1, 3)).build());
        return study;
    }

    @Test
    void aStudyRendersAsItsStatus() {
        Study study = study();
        Output out = Renderings.render(study).orElseThrow();
        assertThat(out.text()).startsWith("study '" + study.name() + "'").contains("maximize",
                "2 trials (1 complete, 0 pruned, 1 failed)", "0.25 (trial #0)");
        assertThat(out.html()).get().asString().contains("<table>");
    }

    @Test
    void aTrialsTableRendersAsATable() {
        Output out = Renderings.render(study().trialsTable()).orElseThrow();
        assertThat(out.text()).startsWith("2 trials").contains("params_k", "COMPLETE", "FAIL");
        assertThat(out.html()).get().asString().contains("<th>params_k</th>");
    }

    @Test
    void aTrialASpaceAndARunRender() throws Exception {
        Study study = study();
        assertThat(Renderings.render(study.trial(0)).orElseThrow().text()).startsWith("trial #0")
                .contains("COMPLETE", "0.25", "k");
        assertThat(Renderings.render(Space.builder().intRange("n", 1, 4).build()).orElseThrow().text())
                .contains("n", "int", "1 .. 4");
        StudyRun run = study.optimizeAsync(t -> t.suggestInt("k", 1, 3), Run.trials(2));
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(Renderings.render(run).orElseThrow().text()).startsWith("'" + study.name() + "' done: 2/2 trials");
        assertThat(Renderings.render(run.progress()).orElseThrow().text()).startsWith("2/2 trials (").endsWith("done");
    }

    @Test
    void otherObjectsHaveNoRichForm() {
        assertThat(Renderings.render("text")).isEmpty();
        assertThat(Renderings.render(null)).isEmpty();
    }
}
