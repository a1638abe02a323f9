package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunebook.pruners.PrunerFixtures.constant;
import static org.tunebook.pruners.PrunerFixtures.decisions;
import static org.tunebook.pruners.PrunerFixtures.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/** Optuna's WilcoxonPruner: steps are instances, paired with the best trial's, tested one-sided. */
class WilcoxonPrunerTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new WilcoxonPruner(0.1);
    }

    /** Adds a COMPLETE trial with these per-instance values and {@code value} as its objective value. */
    private static void addBest(Study study, double value, double... perInstance) {
        FrozenTrial.Builder b = FrozenTrial.builder().value(value);
        for (int step = 0; step < perInstance.length; step++) {
            b.intermediateValue(step, perInstance[step]);
        }
        study.addTrial(b.build());
    }

    @Test
    void aTrialWorseOnEveryInstanceIsPrunedOnceTheTestIsSure() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1));
        addBest(study, 1, constant(1, 10));
        // all differences positive: p = 2^-n, below 0.1 from n = 4 (1/16) on
        assertThat(decisions(study, TrialState.PRUNED, constant(2, 5))).containsExactly(false, false, false, true, true);
        // better on every instance: never pruned
        assertThat(decisions(study, TrialState.PRUNED, constant(0.5, 10))).containsOnly(false);
    }

    @Test
    void whenMaximizingTheTestLooksTheOtherWay() {
        Study study = study(Direction.MAXIMIZE, new WilcoxonPruner(0.1));
        addBest(study, 1, constant(1, 10));
        assertThat(decisions(study, TrialState.PRUNED, constant(0.5, 5))).containsExactly(false, false, false, true,
                true);
        assertThat(decisions(study, TrialState.PRUNED, constant(2, 10))).containsOnly(false);
    }

    @Test
    void aTrialWhoseAverageAlreadyBeatsTheBestValueIsKept() {
        // the best trial returned 5 (its own aggregate), although its instances reported 1
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1));
        addBest(study, 5, constant(1, 10));
        assertThat(decisions(study, TrialState.PRUNED, constant(2, 10))).containsOnly(false);
    }

    @Test
    void startupStepsAndUnpairedStepsDelayTheTest() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1, 6));
        addBest(study, 1, constant(1, 10));
        assertThat(decisions(study, TrialState.PRUNED, constant(2, 7))).containsExactly(false, false, false, false,
                false, true, true);
        // steps the best trial never reported are not paired
        Study sparse = study(Direction.MINIMIZE, new WilcoxonPruner(0.1));
        addBest(sparse, 1, 1, 1);
        Trial t = sparse.ask();
        for (int step = 0; step < 10; step++) {
            t.report(2, step);
        }
        assertThat(t.shouldPrune()).as("only two pairs: p = 1/4").isFalse();
    }

    @Test
    void nothingIsPrunedWithoutACompletedTrialOrWithNonFiniteReports() {
        Study empty = study(Direction.MINIMIZE, new WilcoxonPruner(0.5));
        assertThat(decisions(empty, TrialState.FAIL, constant(2, 6))).containsOnly(false);
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1));
        addBest(study, 1, constant(1, 10));
        assertThat(decisions(study, TrialState.FAIL, 2, 2, Double.NaN, 2, 2, 2, 2)).containsOnly(false);
        assertThat(decisions(study, TrialState.FAIL, 2, Double.POSITIVE_INFINITY, 2, 2, 2, 2)).containsOnly(false);
        Study nanBest = study(Direction.MINIMIZE, new WilcoxonPruner(0.1));
        addBest(nanBest, 1, 1, 1, Double.NaN, 1, 1, 1);
        assertThat(decisions(nanBest, TrialState.FAIL, constant(2, 6))).containsOnly(false);
    }

    @Test
    void optunasExampleLossOverInstancesPrunesMostTrialsAndKeepsTheGoodOnes() {
        // loss (param - instance)^2 over 100 instances in [-1, 1], reported in a shuffled order per trial
        double[] instances = new double[100];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = -1 + 2.0 * i / (instances.length - 1);
        }
        Study study = Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(4))
                .pruner(new WilcoxonPruner(0.1)).create();
        study.optimize(trial -> {
            double param = trial.suggestFloat("param", -1, 1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < instances.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(trial.number()));
            double sum = 0;
            int seen = 0;
            for (int id : order) {
                double loss = (param - instances[id]) * (param - instances[id]);
                sum += loss;
                seen++;
                trial.report(loss, id);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return sum / seen;
        }, Run.trials(60));
        List<FrozenTrial> pruned = study.trials(TrialState.PRUNED);
        assertThat(pruned.size()).as("pruned trials").isGreaterThan(30);
        // pruned trials stopped well before their hundredth instance, on average
        double meanReports = pruned.stream().mapToInt(t -> t.intermediateValues().size()).average().orElseThrow();
        assertThat(meanReports).isLessThan(40);
        // the best parameter is near 0, and no trial closer to 0 than the best was pruned
        double bestParam = (Double) study.bestParams().get("param");
        assertThat(Math.abs(bestParam)).isLessThan(0.2);
        assertThat(pruned).allSatisfy(t -> assertThat(Math.abs((Double) t.params().get("param")))
                .isGreaterThan(Math.abs(bestParam) * 0.5));
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> new WilcoxonPruner(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-value threshold must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> new WilcoxonPruner(Double.NaN)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new WilcoxonPruner(0.1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startup steps must be >= 0, got -1");
        assertThat(new WilcoxonPruner().toString()).isEqualTo("WilcoxonPruner(pThreshold=0.1, startupSteps=0)");
    }
}
