package org.tunebook.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

class PedAnovaEvaluatorTest {

    private static Study study(Direction direction, int trials) {
        Study study = Tune.study().storage(new InMemoryStorage()).direction(direction).sampler(new RandomSampler(3)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -1, 1);
            int n = t.suggestInt("n", 1, 64, Scale.LOG);
            String act = t.suggestCategorical("act", "relu", "tanh");
            t.suggestFloat("noise", 0, 1);
            return x * x + 0.01 * Math.log(n) + (act.equals("relu") ? 0 : 0.05);
        }, trials);
        return study;
    }

    @Test
    void theParameterThatSeparatesTheBestTrialsRanksFirst() {
        Map<String, Double> importances = Importance.of(study(Direction.MINIMIZE, 200), new PedAnovaEvaluator());
        assertThat(importances.keySet()).first().isEqualTo("x");
        assertThat(importances.get("x")).isGreaterThan(0.5);
        assertThat(importances.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void maximizingLooksAtTheHighestValues() {
        Study study = study(Direction.MAXIMIZE, 200);
        PedAnovaEvaluator evaluator = new PedAnovaEvaluator();
        double[] targets = study.trials().stream().mapToDouble(FrozenTrial::value).toArray();
        List<FrozenTrial> top = evaluator.top(study.trials(), targets, Direction.MAXIMIZE);
        assertThat(top).hasSize(20);
        double worstTop = top.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(study.trials().stream().filter(t -> t.value() > worstTop)).hasSize(19);
        assertThat(Importance.of(study, evaluator).keySet()).first().isEqualTo("x");
    }

    @Test
    void theSameTrialsGiveTheSameImportances() {
        Study study = study(Direction.MINIMIZE, 60);
        assertThat(Importance.of(study, new PedAnovaEvaluator())).isEqualTo(Importance.of(study, new PedAnovaEvaluator()));
        assertThat(Importance.of(study, new PedAnovaEvaluator(0.2, false)).keySet()).first().isEqualTo("x");
    }

    @Test
    void atLeastTwoTopTrialsAndAValidQuantile() {
        PedAnovaEvaluator evaluator = new PedAnovaEvaluator(0.01, true);
        Study study = study(Direction.MINIMIZE, 20);
        double[] targets = study.trials().stream().mapToDouble(FrozenTrial::value).toArray();
        assertThat(evaluator.top(study.trials(), targets, Direction.MINIMIZE)).hasSize(2);
        assertThatThrownBy(() -> new PedAnovaEvaluator(0, true)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new PedAnovaEvaluator(1.5, true)).hasMessageContaining("(0, 1]");
    }

    @Test
    void densitiesSumToOneAndValuesGoToTheNearestGridPoint() {
        GridDensity ordered = GridDensity.ordered(new int[] {0, 3, 0, 0, 1}, 1.0);
        double sum = 0;
        for (int k = 0; k < ordered.size(); k++) {
            assertThat(ordered.at(k)).isPositive();
            sum += ordered.at(k);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(ordered.at(1)).isGreaterThan(ordered.at(3));
        GridDensity categorical = GridDensity.categorical(new int[] {3, 1}, 1.0);
        assertThat(categorical.at(0) + categorical.at(1)).isCloseTo(1.0, within(1e-12));
        assertThat(categorical.at(0)).isCloseTo(3.5 / 5, within(1e-12));

        PedAnovaEvaluator.Grid grid = PedAnovaEvaluator.Grid.of(new FloatDistribution(0, 1));
        assertThat(grid.cells()).isEqualTo(50);
        assertThat(grid.cell(0.0)).isZero();
        assertThat(grid.cell(1.0)).isEqualTo(49);
        assertThat(grid.cell(0.5)).isEqualTo(24);
        assertThat(PedAnovaEvaluator.Grid.of(new IntDistribution(1, 5)).cells()).isEqualTo(5);
        assertThat(PedAnovaEvaluator.Grid.of(new IntDistribution(1, 64, true, 1)).cells()).isEqualTo(7);
    }
}
