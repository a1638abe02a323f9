package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {

    private static final List<Direction> MIN_MAX = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);

    private static FrozenTrial trial(int number, double... values) {
        return FrozenTrial.builder().number(number).values(values).build();
    }

    @Test
    void dominanceComparesEachObjectiveInItsDirection() {
        assertThat(Pareto.dominates(new double[] {1, 5}, new double[] {2, 5}, MIN_MAX)).isTrue();
        assertThat(Pareto.dominates(new double[] {1, 6}, new double[] {2, 5}, MIN_MAX)).isTrue();
        assertThat(Pareto.dominates(new double[] {2, 5}, new double[] {1, 5}, MIN_MAX)).isFalse();
        assertThat(Pareto.dominates(new double[] {1, 4}, new double[] {2, 5}, MIN_MAX)).as("a trade-off").isFalse();
        assertThat(Pareto.dominates(new double[] {1, 5}, new double[] {1, 5}, MIN_MAX)).as("equal").isFalse();
    }

    @Test
    void vectorsMustMatchTheDirections() {
        assertThatThrownBy(() -> Pareto.dominates(new double[] {1}, new double[] {1, 2}, MIN_MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per objective");
    }

    @Test
    void theFrontKeepsNonDominatedTrialsInOrderAndTies() {
        List<FrozenTrial> trials = List.of(trial(0, 1, 1), trial(1, 2, 3), trial(2, 3, 2), trial(3, 0.5, 0.5),
                trial(4, 2, 3), trial(5, 3, 1));
        assertThat(Pareto.front(trials, MIN_MAX)).extracting(FrozenTrial::number).containsExactly(0, 1, 3, 4);
        assertThat(Pareto.front(trials, List.of(Direction.MAXIMIZE, Direction.MAXIMIZE)))
                .extracting(FrozenTrial::number).containsExactly(1, 2, 4);
        assertThat(Pareto.front(List.of(), MIN_MAX)).isEmpty();
    }
}
