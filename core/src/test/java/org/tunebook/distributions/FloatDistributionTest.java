package org.tunebook.distributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatDistributionTest {

    // ---- bad input, each with its own message ----

    @Test
    void lowAboveHighIsRefused() {
        assertThatThrownBy(() -> new FloatDistribution(2.0, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low > high").hasMessageContaining("low=2.0").hasMessageContaining("high=1.0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteBoundsAreRefused(double bad) {
        assertThatThrownBy(() -> new FloatDistribution(bad, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new FloatDistribution(0.0, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-3})
    void logWithANonPositiveLowIsRefused(double low) {
        assertThatThrownBy(() -> new FloatDistribution(low, 1.0, true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log").hasMessageContaining("low > 0").hasMessageContaining("low=" + low);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void aNonPositiveOrNonFiniteStepIsRefused(double step) {
        assertThatThrownBy(() -> new FloatDistribution(0.0, 1.0, false, step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must be positive").hasMessageContaining("step=" + step);
    }

    @Test
    void logTogetherWithStepIsRefused() {
        assertThatThrownBy(() -> new FloatDistribution(1.0, 10.0, true, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both log-scaled and stepped");
    }

    // ---- step lowers high onto the grid, as Optuna does ----

    @Test
    void aStepLowersHighToTheLastGridPoint() {
        assertThat(new FloatDistribution(0, 1, false, 0.3).high()).isEqualTo(0.9);
        assertThat(new FloatDistribution(0.1, 1.0, false, 0.2).high()).isEqualTo(0.9);
        assertThat(new FloatDistribution(-1, 1, false, 0.75).high()).isEqualTo(0.5);
        assertThat(new FloatDistribution(1.0, 1.05, false, 0.1).high()).isEqualTo(1.0);
    }

    /** 0.3 / 0.1 is 2.9999999999999996 in binary floating point; the grid point 0.3 must not be lost. */
    @Test
    void aHighOnTheGridStaysDespiteBinaryRounding() {
        assertThat(new FloatDistribution(0, 0.3, false, 0.1).high()).isEqualTo(0.3);
        assertThat(new FloatDistribution(0, 1, false, 0.1).high()).isEqualTo(1.0);
        assertThat(new FloatDistribution(0.5, 3.0, false, 0.25).high()).isEqualTo(3.0);
        assertThat(new FloatDistribution(0.1, 0.7, false, 0.2).high()).isEqualTo(0.7);
    }

    @Test
    void withoutAStepHighIsKept() {
        FloatDistribution d = new FloatDistribution(0, 0.95);
        assertThat(d.low()).isEqualTo(0.0);
        assertThat(d.high()).isEqualTo(0.95);
        assertThat(d.log()).isFalse();
        assertThat(d.step()).isNull();
    }

    // ---- internal representation ----

    @Test
    void internalAndExternalValuesRoundTrip() {
        FloatDistribution d = new FloatDistribution(-2, 2);
        for (double v : new double[] {-2, -0.3, 0, 1.999}) {
            assertThat(d.toInternal(v)).isEqualTo(v);
            assertThat(d.toExternal(d.toInternal(v))).isEqualTo(v).isInstanceOf(Double.class);
        }
        FloatDistribution log = new FloatDistribution(1e-5, 1e-1, true, null);
        assertThat(log.toExternal(log.toInternal(3e-4))).isEqualTo(3e-4);   // values, not logarithms
        assertThat(d.toInternal(1)).isEqualTo(1.0);                        // any number
        assertThat(d.toInternal(3L)).isEqualTo(3.0);
        assertThat(d.toInternal(0.5f)).isEqualTo(0.5);
    }

    @Test
    void aNonNumberHasNoInternalValue() {
        FloatDistribution d = new FloatDistribution(0, 1);
        assertThatThrownBy(() -> d.toInternal("0.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5").hasMessageContaining("not a number");
        assertThatThrownBy(() -> d.toInternal(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    // ---- contains ----

    @Test
    void containsTheClosedRange() {
        FloatDistribution d = new FloatDistribution(-1, 1);
        assertThat(d.contains(-1)).isTrue();
        assertThat(d.contains(1)).isTrue();
        assertThat(d.contains(0.3)).isTrue();
        assertThat(d.contains(-1.0000001)).isFalse();
        assertThat(d.contains(Math.nextUp(1.0))).isFalse();
        assertThat(d.contains(Double.NaN)).isFalse();
    }

    @Test
    void containsOnlyGridPointsWithAStep() {
        FloatDistribution d = new FloatDistribution(0, 1, false, 0.1);
        assertThat(d.contains(0.3)).isTrue();
        assertThat(d.contains(0.1 + 0.2)).isTrue();   // 0.30000000000000004: on the grid up to rounding
        assertThat(d.contains(1.0)).isTrue();
        assertThat(d.contains(0.15)).isFalse();
        FloatDistribution lowered = new FloatDistribution(0, 1, false, 0.3);
        assertThat(lowered.contains(0.9)).isTrue();
        assertThat(lowered.contains(1.0)).isFalse();  // above the lowered high
    }

    @Test
    void isSingleOnlyWhenLowEqualsHigh() {
        assertThat(new FloatDistribution(0.5, 0.5).isSingle()).isTrue();
        assertThat(new FloatDistribution(0.5, 0.5, true, null).isSingle()).isTrue();
        assertThat(new FloatDistribution(1.0, 1.05, false, 0.1).isSingle()).isTrue();
        assertThat(new FloatDistribution(0.5, 0.6).isSingle()).isFalse();
    }

    @Test
    void snapRoundsOntoTheGridAndClamps() {
        FloatDistribution d = new FloatDistribution(0, 1, false, 0.25);
        assertThat(d.snap(0.3)).isEqualTo(0.25);
        assertThat(d.snap(0.4)).isEqualTo(0.5);
        assertThat(d.snap(7)).isEqualTo(1.0);
        assertThat(d.snap(-7)).isEqualTo(0.0);
        assertThat(new FloatDistribution(0, 1).snap(0.123)).isEqualTo(0.123);
    }

    /**
     * Grid points are the decimal values {@code low + k * step}: the same numbers a user writes, {@link
     * FloatDistribution#high()} holds and a grid search over a declared space enumerates, so that equal
     * points compare equal. Binary arithmetic would give 3 * 0.1 = 0.30000000000000004 and 3 * 0.3 =
     * 0.8999999999999999 (so high itself would never be reached).
     */
    @Test
    void snapGivesTheDecimalGridPoints() {
        FloatDistribution tenths = new FloatDistribution(0, 1, false, 0.1);
        assertThat(tenths.snap(0.31)).isEqualTo(0.3);
        assertThat(tenths.snap(0.69)).isEqualTo(0.7);
        assertThat(tenths.snap(0.6)).isEqualTo(0.6);
        assertThat(new FloatDistribution(0, 1, false, 0.3).snap(1.0)).isEqualTo(0.9);
        assertThat(new FloatDistribution(0.1, 1.0, false, 0.2).snap(0.75)).isEqualTo(0.7);
        assertThat(new FloatDistribution(-1, 1, false, 0.1).snap(-0.29)).isEqualTo(-0.3);
        assertThat(tenths.snap(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(tenths.snap(Double.NaN)).isNaN();
        FloatDistribution widest = new FloatDistribution(-Double.MAX_VALUE, Double.MAX_VALUE, false, 1.0);
        assertThat(widest.snap(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
        assertThat(widest.snap(Double.NEGATIVE_INFINITY)).isEqualTo(-Double.MAX_VALUE);
    }

    @Test
    void describesItself() {
        assertThat(new FloatDistribution(0, 1)).hasToString("float [0.0, 1.0]");
        assertThat(new FloatDistribution(1e-5, 1e-1, true, null).toString()).contains("log");
        assertThat(new FloatDistribution(0, 1, false, 0.3).toString()).contains("step 0.3").contains("0.9");
    }
}
