package org.tunebook.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/**
 * Which definitions of one parameter may follow each other, as in Optuna: the numeric range (and step) may
 * change between trials; the kind (float, int, categorical), the log flag and the categorical choices may not.
 * Checked on the distributions and through trials of a study.
 */
class CompatibilityTest {

    private static final FloatDistribution FLOAT = new FloatDistribution(0, 1);
    private static final FloatDistribution FLOAT_LOG = new FloatDistribution(1e-3, 1, true, null);
    private static final IntDistribution INT = new IntDistribution(0, 10);
    private static final IntDistribution INT_LOG = new IntDistribution(1, 10, true, 1);
    private static final CategoricalDistribution AB = new CategoricalDistribution(List.of("a", "b"));

    @Test
    void theRangeMayChange() {
        assertThat(FLOAT.isCompatibleWith(new FloatDistribution(-5, 5))).isTrue();
        assertThat(FLOAT.isCompatibleWith(new FloatDistribution(0, 1, false, 0.1))).isTrue();
        assertThat(FLOAT_LOG.isCompatibleWith(new FloatDistribution(1e-6, 10, true, null))).isTrue();
        assertThat(INT.isCompatibleWith(new IntDistribution(5, 500, false, 5))).isTrue();
        assertThat(INT_LOG.isCompatibleWith(new IntDistribution(2, 2000, true, 1))).isTrue();
        assertThat(AB.isCompatibleWith(new CategoricalDistribution(List.of("a", "b")))).isTrue();
    }

    @Test
    void theKindMayNotChange() {
        assertThat(FLOAT.isCompatibleWith(INT)).isFalse();
        assertThat(INT.isCompatibleWith(FLOAT)).isFalse();
        assertThat(FLOAT.isCompatibleWith(AB)).isFalse();
        assertThat(AB.isCompatibleWith(INT)).isFalse();
        assertThat(AB.isCompatibleWith(new CategoricalDistribution(List.of(0, 1)))).isFalse();
    }

    @Test
    void theLogFlagMayNotChange() {
        assertThat(FLOAT.isCompatibleWith(FLOAT_LOG)).isFalse();
        assertThat(FLOAT_LOG.isCompatibleWith(new FloatDistribution(1e-3, 1))).isFalse();
        assertThat(INT.isCompatibleWith(INT_LOG)).isFalse();
        assertThat(INT_LOG.isCompatibleWith(new IntDistribution(1, 10))).isFalse();
    }

    @Test
    void theChoicesMayNotChange() {
        assertThat(AB.isCompatibleWith(new CategoricalDistribution(List.of("a", "b", "c")))).isFalse();
        assertThat(AB.isCompatibleWith(new CategoricalDistribution(List.of("b", "a")))).isFalse();
        assertThat(AB.isCompatibleWith(new CategoricalDistribution(List.of("a")))).isFalse();
    }

    @Test
    void checkCompatibleNamesTheParameterAndBothDefinitions() {
        assertThatCode(() -> Distribution.checkCompatible("x", FLOAT, new FloatDistribution(2, 3)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Distribution.checkCompatible("x", FLOAT, INT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining(FLOAT.toString()).hasMessageContaining(INT.toString());
    }

    // ---- through trials ----

    private static Study study() {
        return Tune.study().sampler(new RandomSampler(4)).create();
    }

    @Test
    void askingForTheSameNameTwiceInATrialReturnsTheSameValue() {
        Study study = study();
        for (int i = 0; i < 10; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", 0, 1);
            assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(x);
            assertThat(t.suggestFloat("x", 5, 6)).as("a new range of a defined parameter").isEqualTo(x);
            int k = t.suggestInt("k", 0, 1000);
            assertThat(t.suggestInt("k", 0, 1000)).isEqualTo(k);
            String c = t.suggestCategorical("c", "a", "b", "c", "d");
            assertThat(t.suggestCategorical("c", "a", "b", "c", "d")).isEqualTo(c);
            double lr = t.suggestFloat("lr", 1e-5, 1, Scale.LOG);
            assertThat(t.suggestFloat("lr", 1e-5, 1, Scale.LOG)).isEqualTo(lr);
            assertThat(t.params()).hasSize(4);
            study.tell(t, x);
        }
    }

    @Test
    void redefiningWithinATrialIsRefusedNamingBothDefinitions() {
        Trial t = study().ask();
        t.suggestFloat("x", 0, 1);
        assertThatThrownBy(() -> t.suggestInt("x", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("float [0.0, 1.0]").hasMessageContaining("int [0, 1]");
        assertThatThrownBy(() -> t.suggestFloat("x", 0.1, 1, Scale.LOG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("float [0.0, 1.0]")
                .hasMessageContaining("float [0.1, 1.0] log");
        t.suggestCategorical("act", "relu", "tanh");
        assertThatThrownBy(() -> t.suggestCategorical("act", "relu", "gelu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'act'").hasMessageContaining("[relu, tanh]").hasMessageContaining("[relu, gelu]");
    }

    @Test
    void redefiningAcrossTrialsIsRefusedNamingBothDefinitions() {
        Study study = study();
        Trial first = study.ask();
        first.suggestFloat("x", 0, 1);
        first.suggestInt("n", 1, 100, Scale.LOG);
        first.suggestCategorical("act", "relu", "tanh");
        study.tell(first, 1.0);

        Trial second = study.ask();
        assertThatThrownBy(() -> second.suggestInt("x", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("float [0.0, 1.0]").hasMessageContaining("int [0, 1]");
        assertThatThrownBy(() -> second.suggestInt("n", 1, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'").hasMessageContaining("int [1, 100] log")
                .hasMessageContaining("int [1, 100]");
        assertThatThrownBy(() -> second.suggestCategorical("act", "relu", "tanh", "gelu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'act'").hasMessageContaining("[relu, tanh]")
                .hasMessageContaining("[relu, tanh, gelu]");
        // The refused definitions left nothing behind; a compatible one with another range is fine.
        assertThat(second.params()).isEmpty();
        assertThat(second.suggestFloat("x", 2, 3)).isBetween(2.0, 3.0);
        assertThat(second.suggestInt("n", 10, 20, Scale.LOG)).isBetween(10, 20);
    }

    @Test
    void anOptimizedTrialThatRedefinesAParameterFailsWithTheReason() {
        Study study = study();
        study.optimize(t -> t.number() == 0 ? t.suggestFloat("x", 0, 1) : t.suggestInt("x", 0, 1), Run.trials(2));
        FrozenTrial second = study.trial(1);
        assertThat(study.trial(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(second.state()).isEqualTo(TrialState.FAIL);
        assertThat(second.failReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'x'").contains("float [0.0, 1.0]").contains("int [0, 1]"));
    }
}
