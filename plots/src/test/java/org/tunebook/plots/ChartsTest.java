package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small drawing helpers every plot shares. */
class ChartsTest {

    @Test
    void namedTicksNameIntegersAndKeepEveryOtherLabelDistinctAndInvisible() {
        var ticks = Charts.namedTicks(List.of("relu", "tanh", "relu"));
        assertThat(ticks.apply(0.0)).isEqualTo("relu");
        assertThat(ticks.apply(1.0)).isEqualTo("tanh");
        assertThat(ticks.apply(2.0)).startsWith("relu").isNotEqualTo("relu");
        assertThat(ticks.apply(0.5)).matches("\u200B+").isNotEqualTo(ticks.apply(1.5)).isNotEqualTo(ticks.apply(-0.5));
        assertThat(ticks.apply(3.0)).matches("\u200B+");
    }

    @Test
    void decimalPatternsKeepTheLeadingZeroAndEnoughDigits() {
        assertThat(Charts.decimalPattern(0, 0.45)).isEqualTo("#,##0.###");
        assertThat(Charts.decimalPattern(0, 80)).isEqualTo("#,##0");
        assertThat(Charts.decimalPattern(1, 1)).isNull();
        assertThat(Charts.decimalPattern(0, 1e9)).isNull();
    }

    @Test
    void longNotesAreWrappedAtSpaces() {
        assertThat(Charts.wrap("only 1 of the 3 completed trials have the parameters", 20))
                .containsExactly("only 1 of the 3", "completed trials", "have the parameters");
        assertThat(Charts.wrap("short", 20)).containsExactly("short");
    }

    @Test
    void numbersAreShort() {
        assertThat(Numbers.format(3.0)).isEqualTo("3");
        assertThat(Numbers.format(0.123456)).isEqualTo("0.1235");
        assertThat(Numbers.format(1.5e-5)).isEqualTo("1.50e-5");
        assertThat(Numbers.format(12345.678)).isEqualTo("12350");
    }

    @Test
    void binsSplitARangeIntoEqualClasses() {
        Bins bins = Bins.over(new double[] {0, 1, 2, 3, 4, Double.NaN}, 4);
        assertThat(bins.of(0)).isZero();
        assertThat(bins.of(4)).isEqualTo(3);
        assertThat(bins.label(0)).isEqualTo("0 – 1");
        assertThat(bins.split(new double[] {0, 1, 2, 3, 4, Double.NaN}))
                .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3, 4));
        assertThat(Bins.over(new double[] {2, 2}, 4).count()).isEqualTo(1);
    }
}
