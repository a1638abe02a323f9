package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void distanceCountsEditsAndSwaps() {
        assertThat(Names.distance("status", "status")).isZero();
        assertThat(Names.distance("statsu", "status")).isEqualTo(1);
        assertThat(Names.distance("stat", "status")).isEqualTo(2);
        assertThat(Names.distance("RUN", "run")).isZero();
    }

    @Test
    void closestOnlySuggestsLikelyTypos() {
        List<String> commands = List.of("new", "run", "status", "studies", "stop");
        assertThat(Names.closest("stauts", commands)).contains("status");
        assertThat(Names.closest("rn", commands)).contains("run");
        assertThat(Names.closest("export", commands)).isEmpty();
    }
}
