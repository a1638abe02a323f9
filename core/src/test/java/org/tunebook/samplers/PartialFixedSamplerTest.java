package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;

/**
 * The partial-fixed sampler: the sampler contract for the parameters it does not fix (it wraps a seeded
 * random sampler and fixes a name the contract never asks for), plus its own behaviour for fixed ones.
 */
class PartialFixedSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return new PartialFixedSampler(Map.of("never_asked_by_the_contract", 42), new RandomSampler(seed));
    }

    private static Study study(Map<String, ?> fixed) {
        return Tune.study().sampler(new PartialFixedSampler(fixed, new RandomSampler(8))).create();
    }

    @Test
    void fixedParametersKeepTheirValueAndTheOthersVary() {
        Study study = study(Map.of("lr", 0.01, "layers", 3, "activation", "relu"));
        study.optimize(t -> {
            double lr = t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
            int layers = t.suggestInt("layers", 1, 5);
            String activation = t.suggestCategorical("activation", "relu", "tanh");
            double dropout = t.suggestFloat("dropout", 0.0, 0.5);
            int units = t.suggestInt("units", 16, 256);
            return lr + layers + activation.length() + dropout + units;
        }, Run.trials(30));

        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(30).allMatch(t -> t.state() == TrialState.COMPLETE);
        Set<Object> dropouts = new HashSet<>();
        Set<Object> units = new HashSet<>();
        for (FrozenTrial t : trials) {
            assertThat(t.params()).containsEntry("lr", 0.01).containsEntry("layers", 3).containsEntry("activation", "relu");
            assertThat((Double) t.params().get("dropout")).isBetween(0.0, 0.5);
            dropouts.add(t.params().get("dropout"));
            units.add(t.params().get("units"));
        }
        assertThat(dropouts).hasSize(30);
        assertThat(units).hasSizeGreaterThan(10);
    }

    @Test
    void aFixedValueOutsideTheRangeIsUsedAnyway() {
        Study study = study(Map.of("x", 5.0, "k", 50));
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 0, 10), Run.trials(3));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params()).containsEntry("x", 5.0).containsEntry("k", 50);
        }
    }

    @Test
    void aFixedNumberTakesTheTypeOfTheSuggestion() {
        Study study = study(Map.of("x", 1, "k", 4.0));
        Trial t = study.ask();
        assertThat(t.suggest("x", new FloatDistribution(0, 2))).isEqualTo(1.0);
        assertThat(t.suggestInt("k", 0, 10)).isEqualTo(4);
    }

    @Test
    void aFixedNullIsAValueNotAnAbsence() {
        Map<String, Object> fixed = new HashMap<>();
        fixed.put("norm", null);
        Study study = study(fixed);
        study.optimize(t -> String.valueOf(t.suggestCategorical("norm", "batch", "layer", null)).length(),
                Run.trials(10));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.params()).containsEntry("norm", null);
        }
    }

    @Test
    void aFixedCategoricalOutsideTheChoicesIsAClearError() {
        Study study = study(Map.of("activation", "swish"));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestCategorical("activation", "relu", "tanh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'activation'").hasMessageContaining("swish")
                .hasMessageContaining("[relu, tanh]");

        study.optimize(trial -> trial.suggestCategorical("activation", "relu", "tanh").length(), Run.trials(1));
        FrozenTrial failed = study.trials().get(study.trials().size() - 1);
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.failReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("'activation'").contains("swish"));
    }

    @Test
    void aFixedValueOfTheWrongKindIsAClearError() {
        Study study = study(Map.of("layers", 2.5, "lr", "fast"));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestInt("layers", 1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'layers'").hasMessageContaining("2.5").hasMessageContaining("integer");
        assertThatThrownBy(() -> t.suggestFloat("lr", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'").hasMessageContaining("fast").hasMessageContaining("not a number");
    }

    @Test
    void needsFixedValuesAndABaseSampler() {
        assertThatThrownBy(() -> new PartialFixedSampler(null, new RandomSampler()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed values");
        assertThatThrownBy(() -> new PartialFixedSampler(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base sampler");
    }

    @Test
    void theFixedValuesAreCopied() {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("x", 0.5);
        PartialFixedSampler sampler = new PartialFixedSampler(fixed, new RandomSampler(1));
        fixed.put("x", 0.9);
        Study study = Tune.study().sampler(sampler).create();
        assertThat(study.ask().suggestFloat("x", 0, 1)).isEqualTo(0.5);
    }

    /** The base sampler's trial hooks still run: a grid base still hands out its points and stops the study. */
    @Test
    void aGridBaseStillStopsTheStudyWhenItsGridIsDone() {
        Study study = Tune.study()
                .sampler(new PartialFixedSampler(Map.of("b", 7), new GridSampler(Map.of("a", List.of(1, 2, 3)))))
                .create();
        study.optimize(t -> t.suggestInt("a", 0, 5) + t.suggestInt("b", 0, 10), Run.trials(20));

        assertThat(study.trials()).hasSize(3).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(study.trials()).allMatch(t -> t.params().get("b").equals(7));
        assertThat(study.trials().stream().map(t -> t.params().get("a")).toList()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(study.trials()).allMatch(t -> t.systemAttrs().containsKey(GridSampler.GRID_ID));
    }

    /**
     * With a base that samples jointly ("relative" sampling), fixed parameters are taken out of the joint
     * space, so the fixed value wins over the base's proposal for it.
     */
    @Test
    void fixedParametersAreLeftOutOfTheBasesJointSpace() {
        RelativeStub base = new RelativeStub();
        Study study = Tune.study().sampler(new PartialFixedSampler(Map.of("fixed", 0.75), base)).create();
        Trial t = study.ask();

        assertThat(t.suggestFloat("free", 0, 1)).isEqualTo(0.25);
        assertThat(t.suggestFloat("fixed", 0, 1)).isEqualTo(0.75);
        assertThat(base.spaceAsked).containsOnlyKeys("free");
    }

    /** A base sampler that names a fixed joint space of two parameters and proposes 0.25 for all it is asked. */
    private static final class RelativeStub implements Sampler {
        private volatile Map<String, Distribution> spaceAsked;

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
            Map<String, Distribution> space = new LinkedHashMap<>();
            space.put("free", new FloatDistribution(0, 1));
            space.put("fixed", new FloatDistribution(0, 1));
            return space;
        }

        @Override
        public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
            spaceAsked = Map.copyOf(searchSpace);
            Map<String, Double> values = new LinkedHashMap<>();
            searchSpace.keySet().forEach(name -> values.put(name, 0.25));
            return values;
        }

        @Override
        public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
            throw new AssertionError("only the relative step should be used for '" + name + "'");
        }
    }
}
