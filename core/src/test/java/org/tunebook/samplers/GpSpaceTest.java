package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** The GP's coordinates: discrete dimensions snap to their grid and step to neighbouring grid values. */
class GpSpaceTest {

    private static final GpSpace SPACE = new GpSpace(new Distribution[] {
        new IntDistribution(1, 20, false, 1),          // 0: int
        new IntDistribution(1, 1000, true, 1),         // 1: log int
        new FloatDistribution(0, 1, false, 0.1),       // 2: stepped float
        new IntDistribution(0, 50, false, 5),          // 3: stepped int
        new FloatDistribution(-5, 5, false, null),     // 4: continuous
        new CategoricalDistribution(java.util.List.of("a", "b", "c"))}); // 5

    @Test
    void discreteCoordinatesSnapToTheCoordinateOfTheNearestGridValue() {
        assertThat(SPACE.snap(0, 0.5)).isCloseTo((11 - 1) / 19.0, within(1e-12)); // 10.5 -> 11 (rint, even)
        assertThat(SPACE.toInternal(0, SPACE.snap(0, 0.3))).isEqualTo(Math.rint(1 + 0.3 * 19));
        double logU = SPACE.snap(1, 0.5); // exp(0.5 * log 1000) = 31.6 -> 32
        assertThat(logU).isCloseTo(Math.log(32) / Math.log(1000), within(1e-12));
        assertThat(SPACE.snap(2, 0.33)).isCloseTo(0.3, within(1e-12));
        assertThat(SPACE.snap(3, 0.47)).isCloseTo(0.5, within(1e-12)); // 23.5 -> 25
        assertThat(SPACE.snap(4, 0.123)).isEqualTo(0.123);
        assertThat(SPACE.snap(4, 1.5)).isEqualTo(1);
        for (int j = 0; j < 4; j++) {
            double u = SPACE.snap(j, 0.37);
            assertThat(SPACE.snap(j, u)).as("snapping dimension %s twice", j).isCloseTo(u, within(1e-12));
            assertThat(SPACE.discrete(j)).isTrue();
        }
        assertThat(SPACE.discrete(4)).isFalse();
        assertThat(SPACE.discrete(5)).isFalse();
        assertThat(SPACE.finite()).isFalse();
    }

    @Test
    void neighboursAreOneGridStepAwayAndStopAtTheEnds() {
        double eleven = SPACE.snap(0, 0.5);
        assertThat(SPACE.toInternal(0, SPACE.neighbour(0, eleven, 1))).isEqualTo(12);
        assertThat(SPACE.toInternal(0, SPACE.neighbour(0, eleven, -1))).isEqualTo(10);
        assertThat(SPACE.neighbour(0, 1.0, 1)).isNaN();
        assertThat(SPACE.neighbour(0, 0.0, -1)).isNaN();
        double v32 = SPACE.snap(1, 0.5);
        assertThat(SPACE.toInternal(1, SPACE.neighbour(1, v32, 1))).isEqualTo(33);
        assertThat(SPACE.toInternal(1, SPACE.neighbour(1, v32, -1))).isEqualTo(31);
        assertThat(SPACE.neighbour(1, 1.0, 1)).isNaN();
        assertThat(SPACE.toInternal(2, SPACE.neighbour(2, 0.3, 1))).isCloseTo(0.4, within(1e-12));
        assertThat(SPACE.neighbour(2, 1.0, 1)).isNaN();
        assertThat(SPACE.toInternal(3, SPACE.neighbour(3, 0.5, -1))).isEqualTo(20);
        assertThat(SPACE.toInternal(3, SPACE.neighbour(3, 0.0, 1))).isEqualTo(5);
    }

    @Test
    void aSpaceOfIntsAndCategoricalsIsFinite() {
        assertThat(new GpSpace(new Distribution[] {new IntDistribution(0, 3, false, 1),
            new CategoricalDistribution(java.util.List.of(1, 2)), new FloatDistribution(0, 1, false, 0.25)}).finite())
                .isTrue();
    }
}
