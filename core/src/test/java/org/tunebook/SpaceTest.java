package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/** Spaces declared up front and the configurations sampled from them. */
class SpaceTest {

    @Test
    void theBuilderKeepsDeclarationOrderAndDistributions() {
        Space space = Space.builder()
                .intRange("n_estimators", 50, 300)
                .intRange("depth", 2, 20, 2)
                .logInt("leaves", 2, 1024)
                .floatRange("dropout", 0.0, 0.5)
                .floatRange("momentum", 0.5, 0.9, 0.1)
                .logFloat("lr", 1e-5, 1e-1)
                .choice("activation", "relu", "tanh")
                .choice("batch", List.of(32, 64))
                .add("custom", new FloatDistribution(1, 2))
                .build();
        assertThat(space.size()).isEqualTo(9);
        assertThat(space.distributions().keySet()).containsExactly("n_estimators", "depth", "leaves", "dropout",
                "momentum", "lr", "activation", "batch", "custom");
        assertThat(space.distributions().get("n_estimators")).isEqualTo(new IntDistribution(50, 300, false, 1));
        assertThat(space.distributions().get("depth")).isEqualTo(new IntDistribution(2, 20, false, 2));
        assertThat(space.distributions().get("leaves")).isEqualTo(new IntDistribution(2, 1024, true, 1));
        assertThat(space.distributions().get("dropout")).isEqualTo(new FloatDistribution(0.0, 0.5, false, null));
        assertThat(space.distributions().get("momentum")).isEqualTo(new FloatDistribution(0.5, 0.9, false, 0.1));
        assertThat(space.distributions().get("lr")).isEqualTo(new FloatDistribution(1e-5, 1e-1, true, null));
        assertThat(space.distributions().get("activation")).isEqualTo(new CategoricalDistribution(List.of("relu", "tanh")));
        assertThat(space.distributions().get("batch")).isEqualTo(new CategoricalDistribution(List.of(32, 64)));
        assertThat(space.toString()).contains("n_estimators").contains("lr");
        assertThatThrownBy(() -> space.distributions().put("x", new FloatDistribution(0, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theBuilderRefusesDuplicatesAndBadRangesAtOnce() {
        Space.Builder b = Space.builder().floatRange("x", 0, 1);
        assertThatThrownBy(() -> b.intRange("x", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("twice");
        assertThatThrownBy(() -> b.floatRange("y", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low > high");
        assertThatThrownBy(() -> b.logFloat("y", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.choice("y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> b.add("", new FloatDistribution(0, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThat(b.build().distributions().keySet()).containsExactly("x");
    }

    @Test
    void anEmptySpaceIsAllowed() {
        Space space = Space.builder().build();
        assertThat(space.size()).isZero();
        Study study = Tune.study().storage(new InMemoryStorage()).create();
        study.optimize(space, p -> p.asMap().size(), Run.trials(2));
        assertThat(study.trials()).hasSize(2).allSatisfy(t -> assertThat(t.value()).isZero());
    }

    @Test
    void optimizeOverASpaceGivesEachTrialAWholeConfiguration() {
        Space space = Space.builder().floatRange("x", -3, 3).intRange("k", 1, 4).choice("sign", -1, 1)
                .choice("on", true, false).build();
        Study study = Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(8)).create();
        study.optimize(space, p -> {
            double x = p.getDouble("x");
            int k = p.getInt("k");
            int sign = p.getInt("sign");
            boolean on = p.getBoolean("on");
            return (on ? 1 : 2) * sign * k * x;
        }, Run.trials(30).jobs(2));
        assertThat(study.trials()).hasSize(30).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params().keySet()).containsExactly("x", "k", "sign", "on");
            double expected = ((Boolean) t.params().get("on") ? 1 : 2) * (Integer) t.params().get("sign")
                    * (Integer) t.params().get("k") * (Double) t.params().get("x");
            assertThat(t.value()).isEqualTo(expected);
            assertThat(t.distributions()).isEqualTo(space.distributions());
        });
    }

    @Test
    void sampleSuggestsEveryParameterInATrial() {
        Space space = Space.builder().floatRange("a", 0, 1).choice("b", "x", "y").build();
        Study study = Tune.study().storage(new InMemoryStorage()).create();
        Trial t = study.ask();
        Params p = space.sample(t);
        assertThat(p.asMap()).isEqualTo(t.params());
        assertThat(p.has("a")).isTrue();
        assertThat(p.has("zzz")).isFalse();
    }

    @Test
    void gridValuesListEveryPointOfDiscreteParameters() {
        Space space = Space.builder().intRange("n", 1, 7, 3).floatRange("m", 0.1, 0.5, 0.1)
                .choice("c", "a", "b").build();
        Map<String, List<Object>> grid = space.gridValues();
        assertThat(grid.get("n")).containsExactly(1, 4, 7);
        assertThat(grid.get("m")).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(grid.get("c")).containsExactly("a", "b");
        assertThatThrownBy(() -> Space.builder().floatRange("x", 0, 1).build().gridValues())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'")
                .hasMessageContaining("step");
        assertThatThrownBy(() -> Space.builder().intRange("big", 0, 10_000_000).build().gridValues())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'big'")
                .hasMessageContaining("too many");
    }

    @Test
    void paramsTypedGetters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lr", 0.01);
        values.put("layers", 3);
        values.put("whole", 4.0);
        values.put("act", "relu");
        values.put("bias", true);
        values.put("none", null);
        Params p = new Params(values);
        assertThat(p.getDouble("lr")).isEqualTo(0.01);
        assertThat(p.getDouble("layers")).isEqualTo(3.0);
        assertThat(p.getInt("layers")).isEqualTo(3);
        assertThat(p.getInt("whole")).isEqualTo(4);
        assertThat(p.getString("act")).isEqualTo("relu");
        assertThat(p.getString("layers")).isEqualTo("3");
        assertThat(p.getBoolean("bias")).isTrue();
        assertThat(p.get("none")).isNull();
        assertThat(p.has("none")).isTrue();
        assertThat(p.get("act")).isEqualTo("relu");
        assertThat(p).isEqualTo(new Params(values)).hasSameHashCodeAs(new Params(values));
        assertThat(p.toString()).contains("lr=0.01");

        assertThatThrownBy(() -> p.get("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'missing'").hasMessageContaining("lr");
        assertThatThrownBy(() -> p.getInt("lr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'").hasMessageContaining("not an integer");
        assertThatThrownBy(() -> p.getDouble("act")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'act'").hasMessageContaining("not a number");
        assertThatThrownBy(() -> p.getInt("none")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> p.getBoolean("act")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a boolean");
        // a copy: changing the source map later does not change the configuration
        values.put("lr", 1.0);
        assertThat(p.getDouble("lr")).isEqualTo(0.01);
        assertThatThrownBy(() -> p.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSpaceObjectiveThatThrowsFailsItsTrial() {
        Study study = Tune.study().storage(new InMemoryStorage()).create();
        Space space = Space.builder().floatRange("x", 0, 1).build();
        study.optimize(space, p -> p.getInt("x"), Run.trials(3)); // x is never an integer: every trial fails
        assertThat(study.trials()).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failReason()).hasValueSatisfying(r -> assertThat(r).contains("not an integer"));
        });
        assertThatThrownBy(() -> study.optimize(space, null, Run.trials(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
