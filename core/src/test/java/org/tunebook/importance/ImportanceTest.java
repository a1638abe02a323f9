package org.tunebook.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.samplers.RandomSampler;

/** {@link Importance} with both evaluators: rankings, normalization, reproducibility, and its errors. */
class ImportanceTest {

    private static Study study(Objective objective, int trials) {
        Study study = Tune.study().direction(Direction.MINIMIZE).sampler(new RandomSampler(11)).create();
        study.optimize(objective, trials);
        return study;
    }

    /** x matters a lot, n a little, lr and act not at all. */
    private static final Objective DOMINANT_X = t -> {
        double x = t.suggestFloat("x", 0, 1);
        int n = t.suggestInt("n", 1, 10);
        t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
        t.suggestCategorical("act", "relu", "tanh", "gelu");
        return 10 * x + 0.2 * n;
    };

    @Test
    void aDominantParameterRanksFirstWithFanova() {
        Map<String, Double> importances = Importance.of(study(DOMINANT_X, 80));
        assertThat(importances.keySet()).first().isEqualTo("x");
        assertThat(importances.get("x")).isGreaterThan(0.7);
        assertThat(List.copyOf(importances.keySet()).subList(0, 2)).containsExactly("x", "n");
    }

    @Test
    void aDominantParameterRanksFirstWithMeanDecreaseImpurity() {
        Map<String, Double> importances = Importance.of(study(DOMINANT_X, 80), new MeanDecreaseImpurityEvaluator());
        assertThat(importances.keySet()).first().isEqualTo("x");
        assertThat(importances.get("x")).isGreaterThan(0.6);
    }

    @Test
    void aLogScaledParameterIsAssessedInLogSpace() {
        // the objective changes evenly with log(lr), most of it below lr = 0.01 where a linear axis has little room
        Study study = study(t -> Math.log10(t.suggestFloat("lr", 1e-6, 1, Scale.LOG)) + 0.5 * t.suggestFloat("x", 0, 1), 80);
        assertThat(Importance.of(study).keySet()).first().isEqualTo("lr");
    }

    @Test
    void aCategoricalParameterCanDominate() {
        Study study = study(t -> {
            String act = t.suggestCategorical("act", "relu", "tanh", "gelu");
            return (act.equals("tanh") ? 5.0 : act.equals("gelu") ? 2.0 : 0.0) + 0.1 * t.suggestFloat("x", 0, 1);
        }, 60);
        Map<String, Double> importances = Importance.of(study);
        assertThat(importances.keySet()).containsExactly("act", "x");
        assertThat(importances.get("act")).isGreaterThan(0.9);
    }

    @Test
    void importancesAreNormalizedAndSortedMostImportantFirst() {
        Map<String, Double> importances = Importance.of(study(DOMINANT_X, 50));
        assertThat(importances.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(List.copyOf(importances.values())).allMatch(v -> v >= 0).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(importances.keySet()).containsExactlyInAnyOrder("x", "n", "lr", "act");
    }

    @Test
    void theSameSeedGivesTheSameImportancesAndAnotherSeedOtherNumbers() {
        Study study = study(DOMINANT_X, 40);
        assertThat(Importance.of(study, new FanovaEvaluator(5))).isEqualTo(Importance.of(study, new FanovaEvaluator(5)));
        assertThat(Importance.of(study)).isEqualTo(Importance.of(study));
        assertThat(Importance.of(study, new FanovaEvaluator(6))).isNotEqualTo(Importance.of(study, new FanovaEvaluator(5)));
        assertThat(Importance.of(study, new MeanDecreaseImpurityEvaluator(3)))
                .isEqualTo(Importance.of(study, new MeanDecreaseImpurityEvaluator(3)));
    }

    @Test
    void namedParametersAreTheOnlyOnesAssessed() {
        Map<String, Double> importances = Importance.of(study(DOMINANT_X, 40), new FanovaEvaluator(), "lr", "x");
        assertThat(importances.keySet()).containsExactly("x", "lr");
    }

    @Test
    void conditionalParametersAreLeftOutUnlessNamed() {
        Study study = study(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (x > 0.5) {
                return x + 5 * t.suggestFloat("slope", 0, 1);
            }
            return x;
        }, 60);
        assertThat(Importance.of(study).keySet()).containsExactly("x");
        Map<String, Double> named = Importance.of(study, new FanovaEvaluator(), "x", "slope");
        assertThat(named.keySet()).first().isEqualTo("slope");
    }

    @Test
    void aParameterWithASingleValueHasNoImportanceAndComesLast() {
        Study study = study(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("one", 3, 3), 20);
        Map<String, Double> importances = Importance.of(study);
        assertThat(importances).containsExactly(Map.entry("x", 1.0), Map.entry("one", 0.0));
    }

    @Test
    void aStudyWithoutTrialsIsAClearError() {
        Study study = Tune.study().create();
        assertThatThrownBy(() -> Importance.of(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no completed trial").hasMessageContaining("no trials");
    }

    @Test
    void onlyFailedAndPrunedTrialsAreAClearError() {
        Study study = Tune.study().create();
        FloatDistribution d = new FloatDistribution(0, 1);
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).param("x", 0.5, d).build());
        study.addTrial(FrozenTrial.builder().state(TrialState.PRUNED).param("x", 0.2, d).value(1).build());
        assertThatThrownBy(() -> Importance.of(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no completed trial").hasMessageContaining("2 trials: 1 pruned, 1 failed");
    }

    @Test
    void oneCompletedTrialIsAClearError() {
        Study study = study(DOMINANT_X, 1);
        assertThatThrownBy(() -> Importance.of(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one completed trial");
    }

    @Test
    void equalValuesAreAClearError() {
        Study study = study(t -> t.suggestFloat("x", 0, 1) * 0 + 1, 10);
        assertThatThrownBy(() -> Importance.of(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same value 1.0");
    }

    @Test
    void anUnknownParameterIsAClearError() {
        Study study = study(DOMINANT_X, 5);
        assertThatThrownBy(() -> Importance.of(study, new FanovaEvaluator(), "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y' is in no completed trial")
                .hasMessageContaining("[act, lr, n, x]");
    }

    @Test
    void aMultiObjectiveStudyNeedsTheObjectiveToExplain() {
        Study study = Tune.study().directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(new RandomSampler(2)).create();
        study.optimize(Objective.multi(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            return new double[] {a, 0.1 * a + b};
        }), 40);
        assertThatThrownBy(() -> Importance.of(study)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 objectives");
        assertThat(Importance.of(study, 0, new FanovaEvaluator()).keySet()).first().isEqualTo("a");
        assertThat(Importance.of(study, 1, new FanovaEvaluator()).keySet()).first().isEqualTo("b");
        assertThatThrownBy(() -> Importance.of(study, 2, new FanovaEvaluator()))
                .hasMessageContaining("objectives 0 to 1");
    }

    @Test
    void trialsWithInfiniteValuesAreLeftOut() {
        Study study = study(DOMINANT_X, 30);
        study.addTrial(FrozenTrial.builder().value(Double.POSITIVE_INFINITY)
                .param("x", 0.5, new FloatDistribution(0, 1)).build());
        assertThat(Importance.of(study).keySet()).first().isEqualTo("x");
    }

    @Test
    void aCustomTargetIsExplained() {
        Study study = study(DOMINANT_X, 40);
        Map<String, Double> byN = Importance.of(study.trials(), Direction.MINIMIZE, new FanovaEvaluator(),
                t -> ((Number) t.params().get("n")).doubleValue() * 3, List.of());
        assertThat(byN.get("n")).isGreaterThan(0.9);
    }
}
