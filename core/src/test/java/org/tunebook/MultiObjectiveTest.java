package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

class MultiObjectiveTest {

    private static Study study(Direction... directions) {
        return Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(5)).directions(directions).create();
    }

    @Test
    void aMultiObjectiveRunStoresEveryValueAndItsParetoFront() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        // the classic trade-off: error goes down and cost goes up with x
        study.optimize(Objective.multi(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {(1 - x) + y, x - y};
        }), Run.trials(60).jobs(2));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(60).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            double x = (Double) t.params().get("x");
            double y = (Double) t.params().get("y");
            assertThat(t.values()).containsExactly((1 - x) + y, x - y);
        });
        List<FrozenTrial> front = study.bestTrials();
        assertThat(front).isNotEmpty();
        Set<Integer> frontNumbers = front.stream().map(FrozenTrial::number).collect(Collectors.toSet());
        for (FrozenTrial t : trials) {
            boolean dominated = trials.stream().anyMatch(o -> o != t
                    && o.values()[0] <= t.values()[0] && o.values()[1] >= t.values()[1]
                    && (o.values()[0] < t.values()[0] || o.values()[1] > t.values()[1]));
            assertThat(frontNumbers.contains(t.number())).as("trial %d on the front", t.number()).isEqualTo(!dominated);
        }
    }

    @Test
    void valuesOfTheWrongCountOrWithNaNFailTheTrial() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE);
        study.optimize(Objective.multi(t -> switch (t.number()) {
            case 0 -> new double[] {1, 2};
            case 1 -> new double[] {1, Double.NaN, 3};
            case 2 -> new double[] {1, 2, 3, 4};
            default -> new double[] {1, 2, 3};
        }), Run.trials(4));
        assertThat(study.trial(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(0).failReason()).hasValueSatisfying(r -> assertThat(r).contains("2 value(s)")
                .contains("3 objective(s)"));
        assertThat(study.trial(1).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(1).failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(study.trial(2).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(3).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(3).values()).containsExactly(1, 2, 3);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(3);
    }

    @Test
    void aSingleValueObjectiveInAMultiObjectiveStudyFails() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        study.optimize(t -> 1.0, Run.trials(1));
        assertThat(study.trial(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(0).failReason()).hasValueSatisfying(r -> assertThat(r).contains("1 value(s)"));
    }

    @Test
    void askAndTellWithSeveralValues() {
        Study study = study(Direction.MAXIMIZE, Direction.MINIMIZE);
        Trial a = study.ask();
        study.tell(a, 0.9, 120);
        Trial b = study.ask();
        study.tell(b, 0.8, 200); // dominated by a
        Trial c = study.ask();
        study.tell(c, 0.95, 300);
        Trial d = study.ask();
        study.tell(d, 0.5, Double.NaN);
        assertThat(study.trial(3).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 2);
        assertThat(study.trialsTable().columns()).contains("values_0", "values_1");
    }

    @Test
    void aMultiObjectiveFunctionHasNoSingleValue() {
        MultiObjective f = t -> new double[] {1, 2};
        assertThatThrownBy(() -> f.evaluate(null)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("evaluateAll");
        assertThat(Objective.multi(f)).isSameAs(f);
    }

    @Test
    void shouldPruneInAMultiObjectiveStudyWithAPercentilePrunerIsRefused() {
        Study study = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .pruner(new MedianPruner()).create();
        Trial t = study.ask();
        assertThatThrownBy(t::shouldPrune).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("multi-objective");
    }
}
