package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.storage.InMemoryStorage;

/** Reading results: best trial, Pareto front, trials by state, attributes. */
class ResultsTest {

    private static final FloatDistribution X = new FloatDistribution(0, 100);

    private static Study study(Direction... directions) {
        return Tune.study().storage(new InMemoryStorage()).directions(directions).create();
    }

    /** Adds COMPLETE trials with the given values and a parameter x = index. */
    private static void addValues(Study study, double... values) {
        for (int i = 0; i < values.length; i++) {
            study.addTrial(FrozenTrial.builder().value(values[i]).param("x", (double) i, X).build());
        }
    }

    @Test
    void bestOfAMinimizedStudyIsTheSmallestValueAndTheEarliestOnTies() {
        Study study = study(Direction.MINIMIZE);
        addValues(study, 3, 1, 2, 1, 5);
        assertThat(study.bestTrial().number()).isEqualTo(1);
        assertThat(study.bestValue()).isEqualTo(1.0);
        assertThat(study.bestParams()).isEqualTo(Map.of("x", 1.0));
    }

    @Test
    void bestOfAMaximizedStudyIsTheLargestValueAndTheEarliestOnTies() {
        Study study = study(Direction.MAXIMIZE);
        addValues(study, 3, 5, -1, 5, 4);
        assertThat(study.bestTrial().number()).isEqualTo(1);
        assertThat(study.bestValue()).isEqualTo(5.0);
        assertThat(study.bestParams()).containsEntry("x", 1.0);
    }

    @Test
    void onlyCompleteTrialsCanBeBest() {
        Study study = study(Direction.MINIMIZE);
        addValues(study, 10);
        study.addTrial(FrozenTrial.builder().state(TrialState.PRUNED).value(-100).build());
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).build());
        Trial running = study.ask();
        running.report(-1000, 0);
        assertThat(study.bestTrial().number()).isZero();
        assertThat(study.bestValue()).isEqualTo(10.0);
    }

    @Test
    void bestOfAStudyWithoutCompleteTrialsSaysSo() {
        Study study = study(Direction.MINIMIZE);
        assertThatThrownBy(study::bestTrial).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no completed trial").hasMessageContaining("0 trials");
        study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).build());
        study.tell(study.ask(), TrialState.PRUNED);
        assertThatThrownBy(study::bestValue).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no completed trial").hasMessageContaining("2 trials");
        assertThatThrownBy(study::bestParams).isInstanceOf(IllegalStateException.class);
        assertThat(study.bestTrials()).isEmpty();
    }

    @Test
    void bestOfAMultiObjectiveStudyPointsToBestTrials() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        study.addTrial(FrozenTrial.builder().values(1, 2).build());
        assertThatThrownBy(study::bestTrial).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bestTrials()");
        assertThatThrownBy(study::bestValue).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bestTrials()");
        assertThatThrownBy(study::bestParams).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bestTrialsOfASingleObjectiveStudyAreTheTiedBest() {
        Study study = study(Direction.MAXIMIZE);
        addValues(study, 1, 7, 3, 7, 2);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(1, 3);
    }

    @Test
    void paretoFrontOfAHandMadeTwoObjectiveExample() {
        // minimize both: (1,5) (2,2) (5,1) are the front; (3,3) and (6,6) are dominated by (2,2), and so is
        // (2,4): equal in the first objective, worse in the second
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        double[][] points = {{3, 3}, {1, 5}, {2, 2}, {2, 4}, {5, 1}, {6, 6}, {2, 2}};
        for (double[] p : points) {
            study.addTrial(FrozenTrial.builder().values(p).build());
        }
        // the duplicate (2,2) does not dominate its twin: both are on the front
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(1, 2, 4, 6);
    }

    @Test
    void paretoFrontWithMixedDirections() {
        // minimize latency, maximize accuracy
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        double[][] points = {{10, 0.9}, {5, 0.8}, {5, 0.85}, {20, 0.95}, {20, 0.9}, {1, 0.1}};
        for (double[] p : points) {
            study.addTrial(FrozenTrial.builder().values(p).build());
        }
        // (5,0.8) is dominated by (5,0.85); (20,0.9) by (10,0.9)
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 2, 3, 5);
    }

    @Test
    void paretoFrontMatchesABruteForceCheckInTwoAndThreeObjectives() {
        Random random = new Random(1234);
        Direction[][] cases = {
            {Direction.MINIMIZE, Direction.MINIMIZE},
            {Direction.MAXIMIZE, Direction.MINIMIZE},
            {Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE},
            {Direction.MAXIMIZE, Direction.MAXIMIZE, Direction.MAXIMIZE},
        };
        for (Direction[] directions : cases) {
            for (int round = 0; round < 5; round++) {
                Study study = study(directions);
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    double[] p = new double[directions.length];
                    for (int k = 0; k < p.length; k++) {
                        // a coarse grid, so that ties in single objectives happen
                        p[k] = random.nextInt(20);
                    }
                    points.add(p);
                    study.addTrial(FrozenTrial.builder().values(p).build());
                }
                // some non-complete trials with tempting values must be ignored
                study.addTrial(FrozenTrial.builder().state(TrialState.PRUNED)
                        .values(best(directions)).build());
                study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).build());

                Set<Integer> expected = bruteForceFront(points, directions);
                Set<Integer> actual = study.bestTrials().stream().map(FrozenTrial::number).collect(Collectors.toSet());
                assertThat(actual).as("front for %s", List.of(directions)).isEqualTo(expected);
                assertThat(expected).isNotEmpty();
            }
        }
    }

    private static double[] best(Direction[] directions) {
        double[] v = new double[directions.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = directions[k] == Direction.MINIMIZE ? -1000 : 1000;
        }
        return v;
    }

    /** Point i is on the front iff no point is at least as good everywhere and strictly better somewhere. */
    private static Set<Integer> bruteForceFront(List<double[]> points, Direction[] directions) {
        Set<Integer> front = new java.util.HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                if (i == j) {
                    continue;
                }
                boolean noWorse = true;
                boolean better = false;
                for (int k = 0; k < directions.length; k++) {
                    // turn every objective into one to minimize
                    double sign = directions[k] == Direction.MINIMIZE ? 1 : -1;
                    double a = sign * points.get(j)[k];
                    double b = sign * points.get(i)[k];
                    if (a > b) {
                        noWorse = false;
                    }
                    if (a < b) {
                        better = true;
                    }
                }
                dominated = noWorse && better;
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }

    @Test
    void trialsByState() {
        Study study = study(Direction.MINIMIZE);
        study.tell(study.ask(), 1);                       // 0 COMPLETE
        study.tell(study.ask(), TrialState.PRUNED);       // 1 PRUNED
        study.fail(study.ask(), "x");                     // 2 FAIL
        study.ask();                                      // 3 RUNNING
        study.enqueue(Map.of("x", 1.0));                  // 4 WAITING
        study.tell(study.ask(), 2);                       // 4 claimed... and COMPLETE
        study.enqueue(Map.of("x", 2.0));                  // 5 WAITING

        assertThat(study.trials()).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(study.trials(new TrialState[0])).hasSize(6);
        assertThat(study.trials(TrialState.COMPLETE)).extracting(FrozenTrial::number).containsExactly(0, 4);
        assertThat(study.trials(TrialState.PRUNED)).extracting(FrozenTrial::number).containsExactly(1);
        assertThat(study.trials(TrialState.FAIL)).extracting(FrozenTrial::number).containsExactly(2);
        assertThat(study.trials(TrialState.RUNNING)).extracting(FrozenTrial::number).containsExactly(3);
        assertThat(study.trials(TrialState.WAITING)).extracting(FrozenTrial::number).containsExactly(5);
        assertThat(study.trials(TrialState.COMPLETE, TrialState.FAIL)).extracting(FrozenTrial::number)
                .containsExactly(0, 2, 4);
    }

    @Test
    void trialByNumber() {
        Study study = study(Direction.MINIMIZE);
        addValues(study, 4, 8);
        assertThat(study.trial(1).value()).isEqualTo(8.0);
        assertThat(study.trial(0).number()).isZero();
        assertThatThrownBy(() -> study.trial(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2");
        assertThatThrownBy(() -> study.trial(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frozenTrialValueOfAMultiObjectiveTrialPointsToValues() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        FrozenTrial t = study.addTrial(FrozenTrial.builder().values(1, 2).build());
        assertThatThrownBy(t::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("values()");
        assertThat(t.values()).containsExactly(1, 2);
    }

    // ---- attributes ----

    @Test
    void studyUserAttrs() {
        Study study = study(Direction.MINIMIZE);
        study.setUserAttr("dataset", "mnist");
        study.setUserAttr("folds", 5);
        study.setUserAttr("config", Map.of("seed", 1, "tags", List.of("a", true, 2.5)));
        study.setUserAttr("nothing", null);
        study.setUserAttr("folds", 10); // overwrite
        assertThat(study.userAttrs()).containsEntry("dataset", "mnist").containsEntry("folds", 10)
                .containsEntry("config", Map.of("seed", 1, "tags", List.of("a", true, 2.5)))
                .containsEntry("nothing", null).hasSize(4);
        // seen by another Study object on the same stored study
        Study again = Tune.study().name(study.name()).storage(study.storage()).load();
        assertThat(again.userAttrs()).isEqualTo(study.userAttrs());
        // the returned map is a snapshot
        Map<String, Object> snapshot = study.userAttrs();
        study.setUserAttr("late", 1);
        assertThat(snapshot).doesNotContainKey("late");
    }

    @Test
    void trialUserAndSystemAttrs() {
        Study study = study(Direction.MINIMIZE);
        Trial t = study.ask();
        t.setUserAttr("epochs", 12);
        t.setUserAttr("history", List.of(0.1, 0.2));
        t.setSystemAttr("sampler_state", Map.of("k", 1));
        assertThat(t.userAttrs()).containsEntry("epochs", 12).containsEntry("history", List.of(0.1, 0.2));
        assertThat(t.systemAttrs()).containsEntry("sampler_state", Map.of("k", 1));
        study.tell(t, 1);
        FrozenTrial f = study.trial(0);
        assertThat(f.userAttrs()).containsEntry("epochs", 12).containsEntry("history", List.of(0.1, 0.2));
        assertThat(f.systemAttrs()).containsEntry("sampler_state", Map.of("k", 1));
        assertThat(f.systemAttrs()).doesNotContainKey("epochs");
        assertThat(f.userAttrs()).doesNotContainKey("sampler_state");
    }

    @Test
    void userAttrsSetInsideTheObjectiveAreKept() {
        Study study = study(Direction.MINIMIZE);
        study.optimize(t -> {
            t.setUserAttr("trial_number_seen", t.number());
            return t.number();
        }, 3);
        for (FrozenTrial t : study.trials()) {
            assertThat(t.userAttrs()).containsEntry("trial_number_seen", t.number());
        }
    }

    @Test
    void studySystemAttrsAreReadable() {
        Study study = study(Direction.MINIMIZE);
        assertThat(study.systemAttrs()).isEmpty();
        study.storage().setStudySystemAttr(study.id(), "grid_id", 3);
        assertThat(study.systemAttrs()).containsEntry("grid_id", 3);
    }

    @Test
    void parameterDistributionsOfTheStudy() {
        Study study = study(Direction.MINIMIZE);
        Trial a = study.ask();
        a.suggestFloat("x", 0, 1);
        study.tell(a, 1);
        Trial b = study.ask();
        b.suggestFloat("x", 0, 2);
        b.suggestInt("n", 1, 3);
        study.tell(b, 1);
        assertThat(study.parameterDistributions()).containsEntry("x", new FloatDistribution(0, 2))
                .containsKey("n").hasSize(2);
    }
}
