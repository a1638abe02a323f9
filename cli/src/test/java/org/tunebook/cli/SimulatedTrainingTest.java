package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedTrainingTest {

    @Test
    void theCeilingIsHighestAtTheSweetSpot() {
        double best = SimulatedTraining.ceiling(3e-3, 3, "relu", 0.2);

        assertThat(best).isGreaterThan(SimulatedTraining.ceiling(3e-5, 3, "relu", 0.2))
                .isGreaterThan(SimulatedTraining.ceiling(3e-3, 1, "relu", 0.2))
                .isGreaterThan(SimulatedTraining.ceiling(3e-3, 3, "sigmoid", 0.2))
                .isGreaterThan(SimulatedTraining.ceiling(3e-3, 3, "relu", 0.5));
        assertThat(SimulatedTraining.ceiling(1e-5, 1, "sigmoid", 0.5)).isBetween(0.1, best);
    }
}
