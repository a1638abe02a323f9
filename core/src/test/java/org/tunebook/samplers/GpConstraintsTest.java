package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * The Gaussian process with a constraints function: values stored as TPE stores them, one model per constraint
 * (log EI times the probability of feasibility), the best value over feasible trials only, feasibility sought
 * when no trial has it, and a failing function failing only its trial.
 */
class GpConstraintsTest {

    /** Minimize x^2 + y^2 subject to x + y >= 3: the optimum 4.5 lies on the boundary at (1.5, 1.5). */
    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return x * x + y * y;
    }

    private static double x(FrozenTrial t) {
        return (Double) t.params().get("x");
    }

    private static double y(FrozenTrial t) {
        return (Double) t.params().get("y");
    }

    private static double[] halfPlane(FrozenTrial t) {
        return new double[] {3 - x(t) - y(t)};
    }

    private static Study study(long seed, Function<FrozenTrial, double[]> constraints) {
        return Tune.study().sampler(GpSampler.builder().seed(seed).constraints(constraints).build()).create();
    }

    @Test
    void valuesAreStoredAndTheOptimumOnTheBoundaryIsFound() {
        Study study = study(2, GpConstraintsTest::halfPlane);
        study.optimize(GpConstraintsTest::objective, Run.trials(40));
        for (FrozenTrial t : study.trials()) {
            assertThat(Constraints.stored(t)).as("%s", t).containsExactly(halfPlane(t));
        }
        // random search: x + y >= 3 holds for 24.5% of the square
        long feasible = study.trials().stream().skip(20).filter(t -> halfPlane(t)[0] <= 0).count();
        assertThat(feasible).as("feasible trials among the last 20").isGreaterThanOrEqualTo(12);
        double bestFeasible = study.trials().stream().filter(t -> halfPlane(t)[0] <= 0)
                .mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(bestFeasible).as("best feasible value (optimum 4.5)").isLessThan(4.6);
        // the unconstrained optimum (0 at the origin) is far better but infeasible: the search must not settle there
        double bestOverall = study.trials().stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(study.trials().stream().skip(20).filter(t -> t.value() < 2).count())
                .as("late trials near the infeasible origin (best overall %s)", bestOverall).isLessThanOrEqualTo(3);
    }

    /**
     * A feasible region of 0.8% of the square (a disk of radius 0.5 around (4, 4)): after 10 random trials no
     * trial is feasible, so the acquisition is the probability of feasibility, whose model leads to the disk
     * well before random search would hit it (about 1 chance in 5 in 30 trials).
     */
    @Test
    void withNoFeasibleTrialTheProbabilityOfFeasibilityLeadsToTheFeasibleRegion() {
        Function<FrozenTrial, double[]> disk = t -> new double[] {
            (x(t) - 4) * (x(t) - 4) + (y(t) - 4) * (y(t) - 4) - 0.25};
        int found = 0;
        for (long seed = 0; seed < 3; seed++) {
            Study study = study(seed, disk);
            study.optimize(GpConstraintsTest::objective, Run.trials(30));
            OptionalInt first = study.trials().stream().filter(t -> disk.apply(t)[0] <= 0)
                    .mapToInt(FrozenTrial::number).min();
            assertThat(first).as("first feasible trial, seed %s", seed).isPresent();
            assertThat(first.getAsInt()).as("first feasible trial, seed %s", seed).isLessThan(30);
            // once feasible, the best feasible point is pursued: the disk's point closest to the origin
            found += study.trials().stream().skip(first.getAsInt()).filter(t -> disk.apply(t)[0] <= 0).count() > 3
                    ? 1 : 0;
        }
        assertThat(found).as("runs that stay in the disk once it is found").isEqualTo(3);
    }

    @Test
    void theBestValueIsTakenOverFeasibleTrialsOnly() {
        // two observed points: the better one infeasible; EI must improve on the feasible one's value
        double[][] x = {{0.2}, {0.8}};
        double[] y = {-1, 1}; // standardized: 0.2 is better but infeasible
        boolean[] categorical = {false};
        double[] theta = {Math.log(0.3), 0, Math.log(1e-6)};
        GpModel objective = GpModel.fit(new MaternKernel(categorical, theta), x, y);
        GpModel constraint = GpModel.fit(new MaternKernel(categorical, theta), x, new double[] {1, -1});
        ConstrainedLogEi overFeasible = new ConstrainedLogEi(objective, 1, new GpModel[] {constraint}, new double[] {0});
        ConstrainedLogEi overAll = new ConstrainedLogEi(objective, -1, new GpModel[] {constraint}, new double[] {0});
        // near the feasible point, improving on it (1) is likely, improving on the infeasible best (-1) is not
        double[] near = {0.75};
        assertThat(overFeasible.value(near)).isGreaterThan(overAll.value(near) + 1);
    }

    @Test
    void theAcquisitionIsLogEiPlusTheLogProbabilityOfEachConstraintAndItsGradientMatches() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 12;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] c1 = new double[n];
        double[] c2 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextInt(3)};
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] + 0.3 * x[i][2];
            c1[i] = x[i][0] - 0.5;
            c2[i] = 0.2 - x[i][1] * x[i][0];
        }
        boolean[] categorical = {false, false, true};
        double[] theta = {Math.log(0.4), Math.log(0.6), Math.log(1.0), 0, Math.log(1e-4)};
        GpModel objective = GpModel.fit(new MaternKernel(categorical, theta), x, y);
        GpModel m1 = GpModel.fit(new MaternKernel(categorical, theta), x, c1);
        GpModel m2 = GpModel.fit(new MaternKernel(categorical, theta), x, c2);
        ConstrainedLogEi acquisition = new ConstrainedLogEi(objective, -0.5, new GpModel[] {m1, m2},
                new double[] {0.1, -0.2});
        ConstrainedLogEi feasibilityOnly = new ConstrainedLogEi(null, Double.POSITIVE_INFINITY,
                new GpModel[] {m1, m2}, new double[] {0.1, -0.2});
        for (int trial = 0; trial < 20; trial++) {
            double[] p = {rng.nextDouble(), rng.nextDouble(), rng.nextInt(3)};
            double[] mv = objective.predict(p);
            double[] mv1 = m1.predict(p);
            double[] mv2 = m2.predict(p);
            double logPf = NormalMath.logCdf((0.1 - mv1[0]) / Math.sqrt(mv1[1]))
                    + NormalMath.logCdf((-0.2 - mv2[0]) / Math.sqrt(mv2[1]));
            double expected = LogEi.of(mv[0], Math.sqrt(mv[1]), -0.5)[0] + logPf;
            assertThat(acquisition.value(p)).isCloseTo(expected, within(1e-12));
            assertThat(feasibilityOnly.value(p)).isCloseTo(logPf, within(1e-12));
            for (ConstrainedLogEi a : List.of(acquisition, feasibilityOnly)) {
                double[] g = a.gradient(p);
                assertThat(g[2]).isZero(); // categorical
                for (int j = 0; j < 2; j++) {
                    double h = 1e-6;
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[j] += h;
                    down[j] -= h;
                    double numeric = (a.value(up) - a.value(down)) / (2 * h);
                    assertThat(g[j]).as("d/dx%s at %s", j, java.util.Arrays.toString(p))
                            .isCloseTo(numeric, within(2e-3 * Math.max(1,
                                    Math.abs(numeric)))); // log EI's tail series is good to ~1e-3 where it starts
                }
            }
        }
    }

    @Test
    void aConstraintsFunctionThatThrowsFailsOnlyThatTrialWithItsReason() {
        Study study = study(1, t -> {
            if (t.number() == 12) {
                throw new ArithmeticException("no constraint for twelve");
            }
            return t.number() == 14 ? new double[] {Double.NaN} : new double[] {-1};
        });
        study.optimize(GpConstraintsTest::objective, Run.trials(16));
        assertThat(study.trial(12).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(12).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("GP constraints function failed on trial 12").contains("no constraint for twelve"));
        assertThat(study.trial(14).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(14).failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(14);
    }

    /**
     * A study in a SQLite file, started by TPE with constraints, reopened by a new study object with the GP (as
     * a notebook restart would): the GP reads the constraint values TPE stored, and its own go to the file too.
     */
    @Test
    void aStudyStartedByTpeWithConstraintsContinuesUnderTheGpThroughSqlite(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("constrained.db");
        Study study = Tune.study().name("constrained").storage(url).sampler(TpeSampler.builder().seed(3)
                .constraints(GpConstraintsTest::halfPlane).build()).create();
        study.optimize(GpConstraintsTest::objective, Run.trials(15));
        Study continued = Tune.study().name("constrained").storage(url).loadIfExists(true)
                .sampler(GpSampler.builder().seed(3).constraints(GpConstraintsTest::halfPlane).build()).create();
        continued.optimize(GpConstraintsTest::objective, Run.trials(15));
        List<FrozenTrial> trials = Tune.load("constrained", url).trials();
        assertThat(trials).hasSize(30);
        for (FrozenTrial t : trials) {
            assertThat(Constraints.stored(t)).as("%s", t).containsExactly(halfPlane(t));
        }
        double bestFeasible = trials.stream().filter(t -> halfPlane(t)[0] <= 0).mapToDouble(FrozenTrial::value).min()
                .orElseThrow();
        assertThat(bestFeasible).as("best feasible value after 15 TPE and 15 GP trials (optimum 4.5)").isLessThan(5);
    }

    @Test
    void theConstraintsFunctionIsRequired() {
        assertThatThrownBy(() -> GpSampler.builder().constraints(null)).hasMessageContaining("constraints");
    }
}
