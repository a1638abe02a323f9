package org.tunebook.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntDistributionTest {

    // ---- bad input, each with its own message ----

    @Test
    void lowAboveHighIsRefused() {
        assertThatThrownBy(() -> new IntDistribution(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low > high").hasMessageContaining("low=5").hasMessageContaining("high=4");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void logWithLowBelowOneIsRefused(int low) {
        assertThatThrownBy(() -> new IntDistribution(low, 10, true, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log").hasMessageContaining("low >= 1").hasMessageContaining("low=" + low);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -2})
    void aNonPositiveStepIsRefused(int step) {
        assertThatThrownBy(() -> new IntDistribution(0, 10, false, step)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must be positive").hasMessageContaining("step=" + step);
    }

    @Test
    void logTogetherWithAStepIsRefused() {
        assertThatThrownBy(() -> new IntDistribution(1, 100, true, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both log-scaled and stepped").hasMessageContaining("step=2");
    }

    // ---- step lowers high onto the grid ----

    @Test
    void aStepLowersHighToTheLastGridPoint() {
        assertThat(new IntDistribution(0, 10, false, 3).high()).isEqualTo(9);
        assertThat(new IntDistribution(-5, 5, false, 4).high()).isEqualTo(3);       // -5, -1, 3
        assertThat(new IntDistribution(3, 40, false, 5).high()).isEqualTo(38);
        assertThat(new IntDistribution(0, 10, false, 5).high()).isEqualTo(10);
        assertThat(new IntDistribution(7, 8, false, 5).high()).isEqualTo(7);
    }

    @Test
    void theWholeIntRangeWorks() {
        IntDistribution d = new IntDistribution(Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(d.high()).isEqualTo(Integer.MAX_VALUE);
        assertThat(d.contains(Integer.MIN_VALUE)).isTrue();
        assertThat(d.contains(Integer.MAX_VALUE)).isTrue();
        assertThat(new IntDistribution(Integer.MIN_VALUE, Integer.MAX_VALUE, false, 2).high())
                .isEqualTo(Integer.MAX_VALUE - 1);
    }

    // ---- internal representation ----

    @Test
    void internalAndExternalValuesRoundTrip() {
        IntDistribution d = new IntDistribution(-10, 10);
        for (int v : new int[] {-10, -1, 0, 7, 10}) {
            assertThat(d.toInternal(v)).isEqualTo((double) v);
            assertThat(d.toExternal(d.toInternal(v))).isEqualTo(v).isInstanceOf(Integer.class);
        }
        assertThat(d.toInternal(7L)).isEqualTo(7.0);
        assertThat(d.toInternal(7.0)).isEqualTo(7.0);   // an integral double is an integer
        IntDistribution log = new IntDistribution(1, 1000, true, 1);
        assertThat(log.toExternal(log.toInternal(300))).isEqualTo(300);   // values, not logarithms
    }

    @Test
    void nonIntegersHaveNoInternalValue() {
        IntDistribution d = new IntDistribution(0, 10);
        assertThatThrownBy(() -> d.toInternal(2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.5").hasMessageContaining("not an integer");
        assertThatThrownBy(() -> d.toInternal("3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    // ---- contains ----

    @Test
    void containsIntegersOfTheRangeOnTheStepGrid() {
        IntDistribution d = new IntDistribution(1, 10);
        assertThat(d.contains(1)).isTrue();
        assertThat(d.contains(10)).isTrue();
        assertThat(d.contains(0)).isFalse();
        assertThat(d.contains(11)).isFalse();
        assertThat(d.contains(3.5)).isFalse();
        assertThat(d.contains(Double.NaN)).isFalse();

        IntDistribution stepped = new IntDistribution(0, 10, false, 3);
        assertThat(stepped.contains(6)).isTrue();
        assertThat(stepped.contains(9)).isTrue();
        assertThat(stepped.contains(7)).isFalse();
        assertThat(stepped.contains(10)).isFalse();   // above the lowered high

        IntDistribution negative = new IntDistribution(-5, 5, false, 4);
        assertThat(negative.contains(-1)).isTrue();
        assertThat(negative.contains(-3)).isFalse();
        assertThat(negative.contains(1)).isFalse();
    }

    @Test
    void isSingleOnlyWhenLowEqualsHigh() {
        assertThat(new IntDistribution(3, 3).isSingle()).isTrue();
        assertThat(new IntDistribution(7, 8, false, 5).isSingle()).isTrue();
        assertThat(new IntDistribution(3, 4).isSingle()).isFalse();
    }

    @Test
    void snapRoundsOntoTheGridAndClamps() {
        IntDistribution d = new IntDistribution(0, 10, false, 3);
        assertThat(d.snap(4.4)).isEqualTo(3);
        assertThat(d.snap(4.6)).isEqualTo(6);
        assertThat(d.snap(100)).isEqualTo(9);
        assertThat(d.snap(-100)).isEqualTo(0);
    }

    @Test
    void describesItself() {
        assertThat(new IntDistribution(0, 10)).hasToString("int [0, 10]");
        assertThat(new IntDistribution(1, 10, true, 1).toString()).contains("log");
        assertThat(new IntDistribution(0, 10, false, 3).toString()).contains("step 3").contains("9");
    }
}
