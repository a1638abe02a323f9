package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.FloatDistribution;

/** NSGA-II's generations, parents, crossover, mutation and constraints, observed through real studies. */
class NsgaIIBehaviourTest {

    private static final Direction[] TWO = {Direction.MINIMIZE, Direction.MINIMIZE};

    /** ZDT1-like in a mixed space: f1 = x0, f2 = g (1 - sqrt(x0 / g)) with g >= 1 made of the other parameters. */
    static double[] mixed(Trial t) {
        double x0 = t.suggestFloat("x0", 0, 1);
        double x1 = t.suggestFloat("x1", 0, 1);
        double lr = t.suggestFloat("lr", 1e-4, 1, Scale.LOG);
        double s = t.suggestFloat("s", 0, 2, 0.25);
        int k = t.suggestInt("k", 0, 6);
        String c = t.suggestCategorical("c", "a", "b", "c");
        double g = 1 + 9 * x1 + Math.abs(Math.log10(lr) + 2) + Math.abs(s - 1) + 0.5 * Math.abs(k - 3)
                + (c.equals("b") ? 0 : 1);
        return new double[] {x0, g * (1 - Math.sqrt(x0 / g))};
    }

    private static Study run(NsgaIISampler sampler, int trials) {
        Study study = Tune.study().directions(TWO).sampler(sampler).create();
        study.optimize(Objective.multi(NsgaIIBehaviourTest::mixed), Run.trials(trials));
        return study;
    }

    static int generation(FrozenTrial t) {
        return ((Number) t.systemAttrs().get(NsgaIISampler.GENERATION)).intValue();
    }

    static List<Integer> parents(FrozenTrial t) {
        Object p = t.systemAttrs().get(NsgaIISampler.PARENTS);
        return p == null ? null : ((List<?>) p).stream().map(x -> ((Number) x).intValue()).toList();
    }

    @Test
    void generationsHoldPopulationSizeTrialsAndParentsComeFromTheEliteOfEarlierOnes() {
        Study study = run(NsgaIISampler.builder().seed(3).populationSize(6).build(), 36);
        List<FrozenTrial> trials = study.trials();
        for (FrozenTrial t : trials) {
            assertThat(generation(t)).as("generation of trial %d", t.number()).isEqualTo(t.number() / 6);
            if (generation(t) == 0) {
                assertThat(parents(t)).as("parents of a first-generation trial").isNull();
                continue;
            }
            List<Integer> parents = parents(t);
            assertThat(parents).as("parents of trial %d", t.number()).hasSizeBetween(1, 2)
                    .doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isLessThan(6 * generation(t)));
        }
        // Elitism: a parent population is chosen front by front, so no parent of generation g + 1 can lie
        // behind fronts that already hold a whole population. The pool of generation 2's parents is at most
        // generations 0 and 1; rank that pool here, independently of the sampler.
        List<FrozenTrial> pool = trials.subList(0, 12);
        double[][] points = pool.stream().map(FrozenTrial::values).toArray(double[][]::new);
        int[] rank = ParetoMath.ranks(points);
        for (FrozenTrial t : trials.subList(12, 18)) {
            for (int p : parents(t)) {
                int r = rank[p];
                long ahead = java.util.Arrays.stream(rank).filter(x -> x < r).count();
                assertThat(ahead).as("trials ranked ahead of parent %d of trial %d", p, t.number()).isLessThan(6);
            }
        }
    }

    @Test
    void aGenerationIsCompleteOnlyWithPopulationSizeCompleteTrials() {
        Study study = Tune.study().directions(TWO).sampler(NsgaIISampler.builder().seed(1).populationSize(5).build())
                .create();
        study.optimize(Objective.multi(t -> {
            double[] v = mixed(t);
            if (t.number() % 4 == 0) {
                throw new IllegalStateException("fails on purpose");
            }
            return v;
        }), Run.trials(30));
        int complete = 0;
        int generation = 0;
        for (FrozenTrial t : study.trials()) {
            assertThat(generation(t)).as("generation of trial %d", t.number()).isEqualTo(generation);
            if (t.state() == TrialState.COMPLETE && ++complete == 5) {
                complete = 0;
                generation++;
            }
        }
        assertThat(generation).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aCopiedUnmutatedChildIsItsParent() {
        Study study = run(NsgaIISampler.builder().seed(5).populationSize(6).crossoverProb(0).mutationProb(0).build(), 30);
        for (FrozenTrial t : study.trials().subList(6, 30)) {
            assertThat(parents(t)).hasSize(1);
            assertThat(t.params()).isEqualTo(study.trial(parents(t).get(0)).params());
        }
    }

    @Test
    void anUnmutatedUniformChildTakesEachParameterFromOneOfItsTwoParents() {
        Study study = run(NsgaIISampler.builder().seed(6).populationSize(6).crossoverProb(1).mutationProb(0).build(), 40);
        int fromSecond = 0;
        int total = 0;
        for (FrozenTrial t : study.trials().subList(6, 40)) {
            List<Integer> parents = parents(t);
            assertThat(parents).hasSize(2);
            Map<String, Object> a = study.trial(parents.get(0)).params();
            Map<String, Object> b = study.trial(parents.get(1)).params();
            for (Map.Entry<String, Object> e : t.params().entrySet()) {
                assertThat(e.getValue()).as("%s of trial %d", e.getKey(), t.number())
                        .isIn(a.get(e.getKey()), b.get(e.getKey()));
                if (!e.getValue().equals(a.get(e.getKey()))) {
                    fromSecond++;
                }
                total++;
            }
        }
        // swappingProb 0.5: about half the parameters come from the second parent (fewer where parents agree)
        assertThat(fromSecond).as("parameters from the second parent, of %d", total).isBetween(total / 5, total * 3 / 5);
    }

    @Test
    void everyParameterMutatedMeansNoFloatIsInherited() {
        Study study = run(NsgaIISampler.builder().seed(7).populationSize(6).mutationProb(1).build(), 30);
        Set<Object> earlier = new HashSet<>();
        for (FrozenTrial t : study.trials()) {
            if (t.number() >= 6) {
                assertThat(parents(t)).isNotNull();
                assertThat(earlier).as("floats of trial %d", t.number()).doesNotContain(t.params().get("x0"),
                        t.params().get("x1"), t.params().get("lr"));
            }
            earlier.add(t.params().get("x0"));
            earlier.add(t.params().get("x1"));
            earlier.add(t.params().get("lr"));
        }
    }

    @Test
    void withoutMutationMostFloatsOfAGenerationAreInheritedAndDefaultMutationIsOneInSix() {
        // default mutation probability 1/6 for six parameters; crossover off so values are inherited verbatim
        Study study = run(NsgaIISampler.builder().seed(8).populationSize(10).crossoverProb(0).build(), 110);
        Map<Object, Integer> seen = new HashMap<>();
        int inherited = 0;
        int total = 0;
        for (FrozenTrial t : study.trials()) {
            if (t.number() >= 10) {
                Map<String, Object> parent = study.trial(parents(t).get(0)).params();
                for (String name : List.of("x0", "x1", "lr")) {
                    total++;
                    if (t.params().get(name).equals(parent.get(name))) {
                        inherited++;
                    }
                }
            }
            seen.merge(t.params().get("x0"), 1, Integer::sum);
        }
        double share = (double) inherited / total;
        assertThat(share).as("floats inherited (expected 5/6)").isBetween(0.72, 0.93);
    }

    @Test
    void anEnqueuedTrialWithEveryParameterFixedStillJoinsItsGeneration() {
        Study study = Tune.study().directions(TWO).sampler(NsgaIISampler.builder().seed(2).populationSize(4).build())
                .create();
        study.optimize(Objective.multi(NsgaIIBehaviourTest::mixed), Run.trials(5));
        study.enqueue(Map.of("x0", 0.5, "x1", 0.1, "lr", 0.01, "s", 1.0, "k", 3, "c", "b"));
        study.optimize(Objective.multi(NsgaIIBehaviourTest::mixed), Run.trials(1));
        FrozenTrial enqueued = study.trial(5);
        assertThat(enqueued.params()).containsEntry("x0", 0.5).containsEntry("c", "b");
        assertThat(generation(enqueued)).isEqualTo(1);
    }

    @Test
    void parametersTheParentsDoNotShareAreSampledAtRandom() {
        // the range of "y" grows with the trial number: no two trials share its distribution
        Study study = Tune.study().directions(TWO).sampler(NsgaIISampler.builder().seed(9).populationSize(4)
                .mutationProb(0).crossoverProb(1).build()).create();
        study.optimize(Objective.multi(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1 + t.number());
            return new double[] {x, y - x};
        }), Run.trials(20));
        for (FrozenTrial t : study.trials().subList(4, 20)) {
            Map<String, Object> a = study.trial(parents(t).get(0)).params();
            Map<String, Object> b = study.trial(parents(t).get(1)).params();
            assertThat(t.params().get("x")).isIn(a.get("x"), b.get("x"));
            assertThat(t.params().get("y")).isNotIn(a.get("y"), b.get("y"));
            assertThat((Double) t.params().get("y")).isBetween(0.0, 1.0 + t.number());
        }
    }

    @Test
    void oneObjectiveWorksAndBeatsRandomSearch() {
        Objective sphere = t -> {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                double x = t.suggestFloat("x" + i, -5, 5);
                s += x * x;
            }
            return s;
        };
        double[] nsga = new double[5];
        double[] random = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            Study a = Tune.study().sampler(NsgaIISampler.builder().seed(seed).populationSize(20).build()).create();
            a.optimize(sphere, Run.trials(300));
            nsga[seed] = a.bestValue();
            Study b = Tune.study().sampler(new RandomSampler(seed)).create();
            b.optimize(sphere, Run.trials(300));
            random[seed] = b.bestValue();
            assertThat(generation(a.trials().get(299))).isGreaterThanOrEqualTo(14);
        }
        java.util.Arrays.sort(nsga);
        java.util.Arrays.sort(random);
        assertThat(nsga[2]).as("median best of NSGA-II vs random search's %s", random[2]).isLessThan(random[2] / 2);
    }

    // ---- constraints ----

    @Test
    void infeasibleTrialsRankBehindFeasibleOnesWhateverTheirValues() {
        NsgaIISampler sampler = NsgaIISampler.builder().seed(4).populationSize(4).constraints(t -> new double[] {0})
                .build();
        Study study = Tune.study().directions(TWO).sampler(sampler).create();
        FloatDistribution x = new FloatDistribution(0, 1);
        // generation 0: four feasible trials with poor values, four infeasible ones with excellent values
        for (int i = 0; i < 8; i++) {
            boolean feasible = i % 2 == 0;
            study.addTrial(FrozenTrial.builder().state(TrialState.COMPLETE)
                    .values(feasible ? 10 + i : -10 - i, feasible ? 10 - i : -20 + i).param("x", i / 8.0, x)
                    .systemAttr(NsgaIISampler.GENERATION, 0)
                    .systemAttr(NsgaIISampler.CONSTRAINTS, List.of(feasible ? -1.0 : 0.5 + i)).build());
        }
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            FrozenTrial failed = study.fail(t, "keeps generation 1 open");
            assertThat(generation(failed)).isEqualTo(1);
            used.addAll(parents(failed));
        }
        assertThat(used).as("parents of generation 1").containsExactlyInAnyOrder(0, 2, 4, 6);
    }

    @Test
    void constraintValuesAreStoredAndAThrowingFunctionFailsOnlyItsTrial() {
        NsgaIISampler sampler = NsgaIISampler.builder().seed(1).populationSize(4).constraints(t -> {
            if (t.number() == 3) {
                throw new ArithmeticException("no constraint for three");
            }
            return t.number() == 5 ? new double[] {Double.NaN} : new double[] {t.values()[0] - 0.5, -1};
        }).build();
        Study study = Tune.study().directions(TWO).sampler(sampler).create();
        study.optimize(Objective.multi(NsgaIIBehaviourTest::mixed), Run.trials(20));
        assertThat(study.trial(3).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(3).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("NSGA-II constraints function failed on trial 3").contains("no constraint for three"));
        assertThat(study.trial(5).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(5).failReason()).hasValueSatisfying(r -> assertThat(r).contains("NaN"));
        assertThat(study.trials(TrialState.COMPLETE)).hasSize(18);
        for (FrozenTrial t : study.trials(TrialState.COMPLETE)) {
            assertThat(t.systemAttrs().get(NsgaIISampler.CONSTRAINTS)).isEqualTo(List.of(t.values()[0] - 0.5, -1.0));
        }
        Trial asked = study.ask();
        assertThat(study.tell(asked, mixed(asked)).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void constraintsSteerTheSearchIntoTheFeasibleRegion() {
        // feasible only where x0 >= 0.6 (a fifth of the values of x0 in random search are >= 0.8)
        List<Long> feasibleLate = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            Study study = run(NsgaIISampler.builder().seed(seed).populationSize(10)
                    .constraints(t -> new double[] {0.6 - (Double) t.params().get("x0")}).build(), 80);
            feasibleLate.add(study.trials().subList(60, 80).stream()
                    .filter(t -> (Double) t.params().get("x0") >= 0.6).count());
        }
        // random search: 8 of 20 on average
        assertThat(feasibleLate).as("feasible trials among the last 20").allSatisfy(n -> assertThat(n)
                .isGreaterThanOrEqualTo(14));
    }

    // ---- bad input ----

    @Test
    void badSettingsFailAtConstructionWithSpecificMessages() {
        assertThatThrownBy(() -> NsgaIISampler.builder().populationSize(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population size must be at least 2").hasMessageContaining("got 1");
        assertThatThrownBy(() -> NsgaIISampler.builder().mutationProb(1.5)).hasMessageContaining("mutationProb")
                .hasMessageContaining("[0, 1]").hasMessageContaining("1.5");
        assertThatThrownBy(() -> NsgaIISampler.builder().mutationProb(Double.NaN)).hasMessageContaining("mutationProb");
        assertThatThrownBy(() -> NsgaIISampler.builder().crossoverProb(-0.1)).hasMessageContaining("crossoverProb")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> NsgaIISampler.builder().swappingProb(2)).hasMessageContaining("swappingProb");
        assertThatThrownBy(() -> NsgaIISampler.builder().populationSize(2).crossover(Crossover.spx()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 3 parents but the population size is 2")
                .hasMessageContaining("populationSize(3)");
        Crossover none = new Crossover() {
            @Override
            public int parents() {
                return 0;
            }

            @Override
            public double[] cross(double[][] parents, int objectives, java.util.random.RandomGenerator rng) {
                return new double[0];
            }
        };
        assertThatThrownBy(() -> NsgaIISampler.builder().crossover(none).build()).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> NsgaIISampler.builder().crossover(null)).hasMessageContaining("crossover must not be null");
        assertThatThrownBy(() -> NsgaIISampler.builder().constraints(null)).hasMessageContaining("constraints");
        assertThatThrownBy(() -> NsgaIISampler.builder().maxWait(java.time.Duration.ofSeconds(-1)))
                .hasMessageContaining("maxWait");
        assertThatThrownBy(() -> Crossover.uniform(1.1)).hasMessageContaining("swappingProb");
        assertThatThrownBy(() -> Crossover.sbx(-1)).hasMessageContaining("SBX crossover eta");
        assertThatThrownBy(() -> Crossover.blxAlpha(Double.POSITIVE_INFINITY)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Crossover.spx(Double.NaN)).hasMessageContaining("epsilon");
        // a population of exactly the crossover's parents is fine
        assertThat(NsgaIISampler.builder().populationSize(3).crossover(Crossover.spx()).build().populationSize())
                .isEqualTo(3);
        assertThat(new NsgaIISampler(4).populationSize()).isEqualTo(50);
    }

    @Test
    void aCrossoverReturningTheWrongNumberOfCoordinatesFailsThatTrialWithAClearReason() {
        Crossover broken = new Crossover() {
            @Override
            public int parents() {
                return 2;
            }

            @Override
            public double[] cross(double[][] parents, int objectives, java.util.random.RandomGenerator rng) {
                return new double[] {0.5};
            }
        };
        Study study = Tune.study().directions(TWO).sampler(NsgaIISampler.builder().seed(1).populationSize(2)
                .crossover(broken).crossoverProb(1).build()).create();
        study.optimize(Objective.multi(NsgaIIBehaviourTest::mixed), Run.trials(4));
        assertThat(study.trial(2).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trial(2).failReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("returned 1 coordinates for parents with 5"));
    }
}
