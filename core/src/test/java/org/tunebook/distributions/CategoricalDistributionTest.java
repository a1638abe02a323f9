package org.tunebook.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalDistributionTest {

    @Test
    void needsAtLeastOneChoice() {
        assertThatThrownBy(() -> new CategoricalDistribution(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one choice");
        assertThatThrownBy(() -> new CategoricalDistribution(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one choice");
    }

    @Test
    void choicesOfUnsupportedTypesAreRefusedByType() {
        assertThatThrownBy(() -> new CategoricalDistribution(List.of("a", Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT1S").hasMessageContaining("Duration")
                .hasMessageContaining("strings, numbers, booleans or null");
        assertThatThrownBy(() -> new CategoricalDistribution(List.of(List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings, numbers, booleans or null");
    }

    @Test
    void acceptsStringsNumbersBooleansAndNull() {
        CategoricalDistribution d = new CategoricalDistribution(Arrays.asList("a", 1, 2.5, 3L, true, null));
        assertThat(d.choices()).containsExactly("a", 1, 2.5, 3L, true, null);
    }

    @Test
    void copiesItsChoices() {
        List<Object> choices = new ArrayList<>(List.of("a", "b"));
        CategoricalDistribution d = new CategoricalDistribution(choices);
        choices.add("c");
        assertThat(d.choices()).containsExactly("a", "b");
        assertThatThrownBy(() -> d.choices().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theInternalValueIsTheIndexOfTheChoice() {
        CategoricalDistribution d = new CategoricalDistribution(Arrays.asList("relu", 2, false, null));
        assertThat(d.toInternal("relu")).isEqualTo(0.0);
        assertThat(d.toInternal(2)).isEqualTo(1.0);
        assertThat(d.toInternal(false)).isEqualTo(2.0);
        assertThat(d.toInternal(null)).isEqualTo(3.0);
        for (int i = 0; i < 4; i++) {
            assertThat(d.toInternal(d.toExternal(i))).isEqualTo((double) i);
        }
        assertThat(d.toExternal(1)).isInstanceOf(Integer.class).isEqualTo(2);
    }

    @Test
    void numbersMatchAChoiceOfAnotherNumericType() {
        CategoricalDistribution d = new CategoricalDistribution(List.of(1, 2.5));
        assertThat(d.toInternal(1L)).isEqualTo(0.0);
        assertThat(d.toInternal(2.5f)).isEqualTo(1.0);
        assertThat(d.indexOf("1")).isEqualTo(-1);
    }

    @Test
    void aValueThatIsNoChoiceIsRefusedNamingTheChoices() {
        CategoricalDistribution d = new CategoricalDistribution(List.of("relu", "tanh"));
        assertThatThrownBy(() -> d.toInternal("swish")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swish").hasMessageContaining("[relu, tanh]");
        assertThat(d.indexOf("swish")).isEqualTo(-1);
        assertThat(d.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void containsTheIndexesOfTheChoices() {
        CategoricalDistribution d = new CategoricalDistribution(List.of("a", "b", "c"));
        assertThat(d.contains(0)).isTrue();
        assertThat(d.contains(2)).isTrue();
        assertThat(d.contains(3)).isFalse();
        assertThat(d.contains(-1)).isFalse();
        assertThat(d.contains(0.5)).isFalse();
        assertThat(d.contains(Double.NaN)).isFalse();
    }

    @Test
    void isSingleWithOneChoice() {
        assertThat(new CategoricalDistribution(List.of("only")).isSingle()).isTrue();
        assertThat(new CategoricalDistribution(Arrays.asList((Object) null)).isSingle()).isTrue();
        assertThat(new CategoricalDistribution(List.of("a", "b")).isSingle()).isFalse();
    }

    @Test
    void equalChoicesMakeEqualDistributions() {
        assertThat(new CategoricalDistribution(List.of("a", "b"))).isEqualTo(new CategoricalDistribution(List.of("a", "b")))
                .hasSameHashCodeAs(new CategoricalDistribution(List.of("a", "b")))
                .isNotEqualTo(new CategoricalDistribution(List.of("b", "a")));
        assertThat(new CategoricalDistribution(List.of("a", "b")).toString()).contains("[a, b]");
    }
}
