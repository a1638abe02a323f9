package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;

/** TPE with a constraints function: values stored with each trial, feasible trials first, failures contained. */
class TpeConstraintsTest {

    /** Minimize x^2 + y^2 subject to x + y >= 3: the optimum 4.5 lies on the boundary at (1.5, 1.5). */
    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return x * x + y * y;
    }

    private static double[] constraint(FrozenTrial t) {
        return new double[] {3 - (Double) t.params().get("x") - (Double) t.params().get("y")};
    }

    @Test
    void valuesAreStoredAndTheSearchKeepsToTheFeasibleRegion() {
        Study tpe = Tune.study().sampler(TpeSampler.builder().seed(2).constraints(TpeConstraintsTest::constraint).build())
                .create();
        tpe.optimize(TpeConstraintsTest::objective, Run.trials(100));
        for (FrozenTrial t : tpe.trials()) {
            assertThat(t.systemAttrs().get(TpeSampler.CONSTRAINTS)).as("%s", t).isInstanceOf(List.class);
            double stored = ((Number) ((List<?>) t.systemAttrs().get(TpeSampler.CONSTRAINTS)).get(0)).doubleValue();
            assertThat(stored).isEqualTo(constraint(t)[0]);
        }
        // random search: x + y >= 3 holds for 24.5% of the square
        long feasible = tpe.trials().stream().skip(50).filter(t -> constraint(t)[0] <= 0).count();
        assertThat(feasible).as("feasible trials among the last 50").isGreaterThanOrEqualTo(25);
        double bestFeasible = tpe.trials().stream().filter(t -> constraint(t)[0] <= 0).mapToDouble(FrozenTrial::value)
                .min().orElseThrow();
        assertThat(bestFeasible).as("best feasible value (optimum 4.5)").isLessThan(5.5);
    }

    @Test
    void feasibleTrialsRankBeforeInfeasibleOnesWhateverTheirValues() {
        Study study = Tune.study().create();
        FloatDistribution x = new FloatDistribution(0, 10);
        double[][] trials = {{0, 1, 5}, {1, 9, 0}, {2, 0.5, 2}, {3, 8, -1}, {4, 7, 0}}; // x, value, violation
        for (double[] t : trials) {
            study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE).value(t[1]).param("x", t[0], x)
                    .systemAttr(TpeSampler.CONSTRAINTS, List.of(t[2])).build());
        }
        study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE).value(-100).param("x", 5.0, x).build());
        TpeSampler sampler = TpeSampler.builder().startupTrials(0).gamma(n -> 4).constraints(t -> new double[] {0}).build();
        TpeHistory h = new TpeHistory(sampler.config(), study.directions());
        h.refresh(study.storage(), study.id());
        // feasible (violation <= 0): x=3 (value 8), x=4 (7), x=1 (9) by value; then least violation: x=2 (2)
        assertThat(h.univariate("x", Integer.MAX_VALUE, List.of()).below()[0]).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aConstraintsFunctionThatThrowsFailsOnlyThatTrialWithItsReason() {
        TpeSampler sampler = TpeSampler.builder().seed(1).constraints(t -> {
            if (t.number() == 3) {
                throw new ArithmeticException("no constraint for three");
            }
            return t.number() == 5 ? new double[] {Double.NaN} : new double[] {-1};
        }).build();
        Study study = Tune.study().sampler(sampler).create();
        study.optimize(TpeConstraintsTest::objective, Run.trials(8));
        assertThat(study.trial(3).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(3).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("constraints function failed on trial 3").contains("no constraint for three"));
        assertThat(study.trial(5).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(5).failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(6);
        Trial asked = study.ask();
        assertThat(study.tell(asked, objective(asked)).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void prunedTrialsGetConstraintsFromTheirLastReportedValue() {
        TpeSampler sampler = TpeSampler.builder().seed(1).constraints(t -> new double[] {t.value()}).build();
        Study study = Tune.study().sampler(sampler).create();
        Trial t = study.ask();
        t.suggestFloat("x", 0, 1);
        t.report(-2.5, 1);
        FrozenTrial pruned = study.tell(t, TrialState.PRUNED);
        assertThat(pruned.systemAttrs()).containsEntry(TpeSampler.CONSTRAINTS, List.of(-2.5));
        assertThat(Map.copyOf(pruned.systemAttrs())).isNotEmpty();
    }
}
