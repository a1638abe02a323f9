package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** What TPE does beyond the sampler contract: Optuna's start-up, ranking, liar, groups, settings. */
class TpeBehaviourTest {

    private static final FloatDistribution X = new FloatDistribution(0, 100);

    @Test
    void startupTrialsDrawWhatTheRandomSamplerDraws() {
        Study tpe = Tune.study().sampler(new TpeSampler(5)).create();
        Study random = Tune.study().sampler(new RandomSampler(5)).create();
        for (Study s : List.of(tpe, random)) {
            s.optimize(t -> t.suggestFloat("x", -1, 1) + t.suggestInt("k", 0, 9), Run.trials(10));
        }
        for (int n = 0; n < 10; n++) {
            assertThat(tpe.trial(n).params()).as("trial %d", n).isEqualTo(random.trial(n).params());
        }
    }

    @Test
    void afterStartupTheSearchConcentratesAroundTheOptimum() {
        Study study = Tune.study().sampler(new TpeSampler(7)).create();
        study.optimize(t -> Math.abs(t.suggestFloat("x", -10, 10) - 3.3), Run.trials(80));
        long near = study.trials().stream().skip(40).filter(t -> Math.abs((Double) t.params().get("x") - 3.3) < 1).count();
        // random search puts about 2 of 40 trials within 1 of the optimum (this seed: 16)
        assertThat(near).as("of the last 40 trials, those within 1 of the optimum").isGreaterThanOrEqualTo(10);
        assertThat(study.bestValue()).isLessThan(0.05);
    }

    /** Trials with param x = their rank in Optuna's order, added out of order; gamma picks the best k. */
    @Test
    void completeTrialsRankFirstThenPrunedByLaterStepThenValueThenPrunedWithoutReports() {
        Study study = Tune.study().create();
        study.addTrial(pruned(6, Map.of()));                           // never reported: last
        study.addTrial(pruned(4, Map.of(3, 0.5, 5, 2.0)));             // step 5, value 2
        study.addTrial(complete(1, 0.7));
        study.addTrial(pruned(5, Map.of(2, -100.0)));                  // step 2: after any step-5 trial
        study.addTrial(complete(0, 0.1));
        study.addTrial(pruned(3, Map.of(5, 1.0)));                     // step 5, value 1
        study.addTrial(complete(2, 0.9));
        for (int k = 1; k <= 7; k++) {
            int below = k;
            TpeHistory h = history(study, TpeSampler.builder().startupTrials(0).gamma(n -> below).build());
            TpeHistory.Sides sides = h.univariate("x", Integer.MAX_VALUE, List.of());
            double[] expected = new double[Math.min(k, 7)];
            Arrays.setAll(expected, i -> i);
            assertThat(sides.below()[0]).as("the %d best", k).containsExactly(expected);
        }
    }

    @Test
    void maximizingFlipsTheOrderOfValuesButNotOfSteps() {
        Study study = Tune.study().direction(Direction.MAXIMIZE).create();
        study.addTrial(complete(1, 0.5));
        study.addTrial(complete(0, 0.9));
        study.addTrial(pruned(2, Map.of(4, 10.0)));
        TpeHistory h = history(study, TpeSampler.builder().startupTrials(0).gamma(n -> 2).build());
        assertThat(h.univariate("x", Integer.MAX_VALUE, List.of()).below()[0]).containsExactly(0, 1);
    }

    @Test
    void runningTrialsJoinTheBadSideForTheConstantLiar() {
        Study study = Tune.study().create();
        for (int i = 0; i < 5; i++) {
            study.addTrial(complete(i, i));
        }
        TpeHistory h = history(study, TpeSampler.builder().startupTrials(0).gamma(n -> 1).build());
        List<TpeHistory.Pending> running = List.of(new TpeHistory.Pending(7, Map.of("x", 50.0)),
                new TpeHistory.Pending(8, Map.of("y", 1.0)));
        TpeHistory.Sides sides = h.univariate("x", Integer.MAX_VALUE, running);
        assertThat(sides.below()[0]).containsExactly(0);
        assertThat(sides.above()[0]).containsExactly(1, 2, 3, 4, 50);
        assertThat(sides.aboveWeights()).hasSize(5);
    }

    @Test
    void theStartupCountIsOfAllObservationsAndViewsStopAtTheCutoff() {
        Study study = Tune.study().create();
        for (int i = 0; i < 12; i++) {
            study.addTrial(complete(i, i));
        }
        TpeHistory h = history(study, TpeSampler.builder().build()); // 10 start-up trials
        assertThat(h.univariate("x", Integer.MAX_VALUE, List.of())).isNotNull();
        assertThat(h.univariate("x", 10, List.of())).as("a view of trials 0-9 has 10 observations").isNotNull();
        assertThat(h.univariate("x", 9, List.of())).as("a view of trials 0-8 is still in start-up").isNull();
        assertThat(h.observations(9)).isEqualTo(9);
    }

    @Test
    void groupsSplitAConditionalSpaceByWhichTrialsUseEachParameter() {
        SpaceTracker tracker = new SpaceTracker();
        CategoricalDistribution model = new CategoricalDistribution(List.of("svm", "forest"));
        FloatDistribution c = new FloatDistribution(1e-3, 1e3, true, null);
        IntDistribution depth = new IntDistribution(2, 32);
        FloatDistribution lr = new FloatDistribution(0, 1);
        tracker.add(0, Map.of("model", model, "svm_c", c, "lr", lr));
        tracker.add(1, Map.of("model", model, "forest_depth", depth, "lr", lr));
        tracker.add(2, Map.of("model", model, "svm_c", c, "lr", lr));
        List<Map<String, Distribution>> groups = tracker.groups();
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0)).containsOnlyKeys("forest_depth");
        assertThat(groups.get(1)).containsOnlyKeys("lr", "model");
        assertThat(groups.get(2)).containsOnlyKeys("svm_c");
        assertThat(tracker.intersection()).containsOnlyKeys("lr", "model");
        tracker.add(3, Map.of("model", model, "svm_c", c, "lr", new FloatDistribution(0, 2)));
        assertThat(tracker.intersection()).as("a parameter whose range changed drops out").containsOnlyKeys("model");
        assertThat(tracker.groups().get(1)).as("groups take the latest range").containsEntry("lr", new FloatDistribution(0, 2));
    }

    @Test
    void groupModeSamplesEachBlockOfAConditionalSpaceJointly() {
        TpeSampler sampler = TpeSampler.builder().seed(3).multivariate(true).group(true).build();
        Study study = Tune.study().sampler(sampler).create();
        study.optimize(t -> t.suggestCategorical("model", "svm", "forest").equals("svm")
                ? Math.abs(Math.log10(t.suggestFloat("svm_c", 1e-3, 1e3, org.tunebook.Scale.LOG)))
                : t.suggestInt("depth", 2, 32) / 10.0, Run.trials(30));
        Trial next = study.ask();
        assertThat(sampler.inferRelativeSearchSpace(study, next)).containsOnlyKeys("model", "svm_c", "depth");
        assertThat(sampler.sampleRelative(study, next, sampler.inferRelativeSearchSpace(study, next)))
                .containsOnlyKeys("model", "svm_c", "depth");
    }

    @Test
    void reproducibleWorkersWaitForAnEarlierTrialStillRunning() throws Exception {
        TpeSampler sampler = TpeSampler.builder().seed(1).startupTrials(0).reproducibleWorkers(2).build();
        Study study = Tune.study().sampler(sampler).create();
        Trial first = study.ask();
        double x0 = first.suggestFloat("x", 0, 1);
        Trial second = study.ask();
        study.tell(second, second.suggestFloat("x", 0, 1)); // models trials <= -1: nothing to wait for
        AtomicReference<Double> third = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            Trial t = study.ask();
            third.set(t.suggestFloat("x", 0, 1)); // models trials <= 0, so waits for the first
        });
        worker.start();
        worker.join(300);
        assertThat(worker.isAlive()).as("the third trial waits while the first runs").isTrue();
        study.tell(first, x0);
        worker.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(worker.isAlive()).as("the third trial goes on once the first has finished").isFalse();
        assertThat(third.get()).isBetween(0.0, 1.0);
    }

    @Test
    void aTrialThatNeverFinishesIsWaitedForOnlyUpToMaxWaitAndOnlyOnce() {
        TpeSampler sampler = TpeSampler.builder().seed(1).startupTrials(0).reproducibleWorkers(1)
                .maxWait(Duration.ofMillis(50)).build();
        Study study = Tune.study().sampler(sampler).create();
        Trial abandoned = study.ask();
        abandoned.suggestFloat("x", 0, 1);
        for (int i = 0; i < 5; i++) {
            Trial t = study.ask();
            study.tell(t, t.suggestFloat("x", 0, 1));
        }
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(5);
    }

    @Test
    void settingsAreCheckedWhenSetWithAMessageNamingThem() {
        assertThatThrownBy(() -> TpeSampler.builder().eiCandidates(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eiCandidates").hasMessageContaining("got 0");
        assertThatThrownBy(() -> TpeSampler.builder().startupTrials(-1)).hasMessageContaining("startupTrials");
        assertThatThrownBy(() -> TpeSampler.builder().priorWeight(0)).hasMessageContaining("priorWeight");
        assertThatThrownBy(() -> TpeSampler.builder().priorWeight(Double.NaN)).hasMessageContaining("priorWeight");
        assertThatThrownBy(() -> TpeSampler.builder().reproducibleWorkers(0)).hasMessageContaining("reproducibleWorkers");
        assertThatThrownBy(() -> TpeSampler.builder().gamma(null)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> TpeSampler.builder().weights(null)).hasMessageContaining("weights");
        assertThatThrownBy(() -> TpeSampler.builder().maxWait(Duration.ofSeconds(-1))).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> TpeSampler.builder().group(true).build()).hasMessageContaining("multivariate(true)");
        assertThatThrownBy(() -> TpeSampler.builder().constantLiar(true).reproducibleWorkers(2).build())
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void aBadGammaOrWeightsFunctionFailsTheTrialWithAMessage() {
        Study study = Tune.study().sampler(TpeSampler.builder().startupTrials(0).gamma(n -> -1).build()).create();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("x", 0, 1)).hasMessageContaining("gamma function returned -1");
        Study w = Tune.study().sampler(TpeSampler.builder().startupTrials(0).weights(n -> new double[n]).build()).create();
        w.addTrial(complete(0, 1));
        Trial u = w.ask();
        assertThatThrownBy(() -> u.suggestFloat("x", 0, 100)).hasMessageContaining("only zeros");
    }

    @Test
    void aSeedAndItsSettingsShowInToString() {
        assertThat(new TpeSampler(9).seed()).isEqualTo(9);
        assertThat(TpeSampler.builder().seed(9).multivariate(true).build().toString()).contains("seed=9", "multivariate");
    }

    // ---- helpers ----

    private static TpeHistory history(Study study, TpeSampler sampler) {
        TpeHistory h = new TpeHistory(sampler.config(), study.directions());
        h.refresh(study.storage(), study.id());
        return h;
    }

    private static FrozenTrial complete(double x, double value) {
        return FrozenTrial.builder().state(TrialState.COMPLETE).value(value).param("x", x, X).build();
    }

    private static FrozenTrial pruned(double x, Map<Integer, Double> reports) {
        FrozenTrial.Builder b = FrozenTrial.builder().state(TrialState.PRUNED).param("x", x, X);
        reports.forEach(b::intermediateValue);
        List<Integer> steps = new ArrayList<>(reports.keySet());
        if (!steps.isEmpty()) {
            b.value(reports.get(steps.stream().max(Integer::compare).orElseThrow()));
        }
        return b.build();
    }
}
