package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsUnitsAndCompounds() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("1M")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBareNumberIsSecondsAndIsoWorks() {
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesNonsenseAndZero() {
        for (String bad : new String[] {"", "abc", "5 minutes", "10x", "s", "1h-5m", "P"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a duration");
        }
        assertThatThrownBy(() -> Durations.parse("0s")).hasMessageContaining("must be positive");
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.ofNanos(576_421))).isEqualTo("0.58ms");
        assertThat(Durations.format(Duration.ofMillis(12_340))).isEqualTo("12.3s");
        assertThat(Durations.format(Duration.ofSeconds(245))).isEqualTo("4m 05s");
        assertThat(Durations.format(Duration.ofMinutes(123))).isEqualTo("2h 03m");
    }
}
