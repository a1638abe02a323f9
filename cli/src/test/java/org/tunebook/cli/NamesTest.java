package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(Names.distance("history", "history")).isZero();
        assertThat(Names.distance("histroy", "history")).isEqualTo(1);
        assertThat(Names.distance("hartman6", "hartmann6")).isEqualTo(1);
        assertThat(Names.distance("", "edf")).isEqualTo(3);
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void onlyAPlausibleTypoIsSuggested() {
        List<String> kinds = List.of("history", "importance", "contour", "edf", "rank");
        assertThat(Names.closest("Histroy", kinds)).isEqualTo("history");
        assertThat(Names.closest("contours", kinds)).isEqualTo("contour");
        assertThat(Names.closest("scatter", kinds)).isNull();
        assertThat(Names.closest("pdf", kinds)).isEqualTo("edf");
    }

    @Test
    void pickKeepsTheGivenOrderAndRefusesUnknownNames() {
        Map<String, Integer> known = new LinkedHashMap<>();
        known.put("random", 1);
        known.put("tpe", 2);
        known.put("gp", 3);
        assertThat(Names.pick(known, List.of("gp", "random", "gp"), "sampler", "samplers").keySet())
                .containsExactly("gp", "random");
        assertThatThrownBy(() -> Names.pick(known, List.of("tpee"), "sampler", "samplers"))
                .isInstanceOf(UsageError.class)
                .hasMessage("unknown sampler 'tpee' (did you mean 'tpe'?); the samplers are random, tpe, gp");
    }
}
