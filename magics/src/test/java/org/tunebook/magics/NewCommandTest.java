package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.pruners.NopPruner;
import org.tunebook.samplers.CmaEsSampler;
import org.tunebook.samplers.RandomSampler;

class NewCommandTest {

    private final Notebook nb = new Notebook();

    @AfterEach
    void close() {
        nb.close();
    }

    @Test
    void createsAStudyWithDirectionSamplerSeedAndPruner() {
        String name = Notebook.unique("rf");
        RecordingDisplay out = nb.line("new " + name + " --direction max --sampler random --seed 42 --pruner median");
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(study.sampler()).isInstanceOf(RandomSampler.class);
        assertThat(((RandomSampler) study.sampler()).seed()).isEqualTo(42);
        assertThat(study.pruner()).isInstanceOf(MedianPruner.class);
        assertThat(out.lastText()).startsWith("created study '" + name + "' in memory: maximize, sampler random"
                + " (seed 42), pruner");
        assertThat(Tune.load(name).name()).isEqualTo(name);
    }

    @Test
    void defaultsAreMinimizeRandomAndNoPruning() {
        String name = Notebook.unique("plain");
        nb.line("new " + name);
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(study.sampler()).isInstanceOf(RandomSampler.class);
        assertThat(study.pruner()).isInstanceOf(NopPruner.class);
    }

    @Test
    void severalDirectionsMakeAMultiObjectiveStudy() {
        String name = Notebook.unique("multi");
        nb.line("new " + name + " --direction max,min");
        assertThat(nb.magics.study(name).orElseThrow().directions())
                .containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
    }

    @Test
    void storesInSqlite(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("studies.db");
        nb.line("new kept --storage " + url + " --direction max");
        assertThat(Tune.studies(url)).extracting(s -> s.name()).containsExactly("kept");
    }

    @Test
    void anExistingStudyIsRefusedUnlessLoadingIsAsked() {
        String name = Notebook.unique("dup");
        nb.line("new " + name);
        assertThatThrownBy(() -> nb.line("new " + name)).isInstanceOf(MagicException.class)
                .hasMessageContaining("study '" + name + "' already exists in memory")
                .hasMessageContaining("%tune load " + name);
        assertThat(nb.line("new " + name + " --load-if-exists").lastText()).startsWith("loaded study");
    }

    @Test
    void badDirectionSamplerAndPrunerGetSpecificErrors() {
        assertThatThrownBy(() -> nb.line("new x --direction up")).hasMessageContaining(
                "--direction: unknown direction 'up'; use max or min").hasMessageContaining("usage: %tune new NAME");
        assertThatThrownBy(() -> nb.line("new x --sampler rnadom")).hasMessageContaining(
                "unknown sampler 'rnadom' (did you mean random?)").hasMessageContaining("random, grid");
        assertThatThrownBy(() -> nb.line("new x --pruner fastest")).hasMessageContaining("unknown pruner 'fastest'");
        assertThatThrownBy(() -> nb.line("new x --pruner percentile")).hasMessageContaining(
                "the percentile pruner needs settings").hasMessageContaining("new PercentilePruner(25)");
        assertThatThrownBy(() -> nb.line("new x --seed many")).hasMessageContaining("--seed needs a whole number");
        assertThatThrownBy(() -> nb.line("new")).hasMessageContaining("%tune new needs NAME");
    }

    @Test
    void samplersAndPrunersMayComeFromVariables() {
        nb.variables.put("mySampler", new RandomSampler(7));
        nb.variables.put("myPruner", new MedianPruner(1, 0));
        nb.variables.put("notASampler", "hello");
        String name = Notebook.unique("vars");
        nb.line("new " + name + " --sampler mySampler --pruner myPruner");
        Study study = nb.magics.study(name).orElseThrow();
        assertThat(study.sampler()).isSameAs(nb.variables.get("mySampler"));
        assertThat(study.pruner()).isSameAs(nb.variables.get("myPruner"));
        assertThatThrownBy(() -> nb.line("new y --sampler notASampler")).hasMessageContaining(
                "variable 'notASampler' is a java.lang.String, not a Sampler");
        assertThatThrownBy(() -> nb.line("new y --sampler mySampler --seed 3")).hasMessageContaining(
                "--seed applies to samplers chosen by name");
    }

    @Test
    void cmaesIsMadeByNameWithItsSeed() {
        String name = Notebook.unique("cma");
        nb.line("new " + name + " --sampler cmaes --seed 7");
        assertThat(nb.magics.study(name).orElseThrow().sampler()).isInstanceOfSatisfying(CmaEsSampler.class,
                s -> assertThat(s.seed()).isEqualTo(7));
    }

    @Test
    void everyListedSamplerIsEitherMadeOrReportedAsNotAvailableYet() {
        Strategies strategies = new Strategies();
        for (String kind : Strategies.SAMPLERS.keySet()) {
            if (kind.equals("grid")) {
                continue;
            }
            String name = Notebook.unique(kind);
            try {
                nb.line("new " + name + " --sampler " + kind + " --seed 1");
                assertThat(strategies.availableSamplers()).contains(kind);
                assertThat(nb.magics.study(name).orElseThrow().sampler().getClass().getName())
                        .isEqualTo(Strategies.SAMPLERS.get(kind));
            } catch (MagicException e) {
                assertThat(strategies.availableSamplers()).doesNotContain(kind);
                assertThat(e).hasMessage("the " + kind + " sampler is not available yet in this build; available now: "
                        + String.join(", ", strategies.availableSamplers()));
            }
        }
    }

    @Test
    void missingStrategyClassesAreReportedWithWhatIsAvailable() {
        Strategies onlyCore = new Strategies(className -> className.endsWith("RandomSampler")
                || className.endsWith("GridSampler") || className.endsWith("NopPruner")
                ? load(className) : Optional.empty());
        assertThat(onlyCore.availableSamplers()).isEqualTo(List.of("random", "grid"));
        assertThatThrownBy(() -> onlyCore.sampler("tpe", 1L, Variables.none())).hasMessage(
                "the tpe sampler is not available yet in this build; available now: random, grid");
        assertThatThrownBy(() -> onlyCore.pruner("hyperband", Variables.none())).hasMessage(
                "the hyperband pruner is not available yet in this build; available now: none");
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
