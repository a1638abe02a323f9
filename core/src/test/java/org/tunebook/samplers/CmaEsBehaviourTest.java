package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.bench.BenchmarkFunction;
import org.tunebook.bench.BenchmarkFunctions;
import org.tunebook.bench.QualityBenchmark;

/**
 * CMA-ES as a search: better than random search on the sphere and Rosenbrock, integers, the fallback for
 * what it cannot model, generations shared by workers, a study resumed from SQLite, IPOP restarts, and bad
 * settings. Every run is seeded, so each check is deterministic; nothing is timed.
 */
class CmaEsBehaviourTest {

    /**
     * 5-D sphere and 5-D Rosenbrock, 150 trials, seeds 0-4, against random search with the same seeds: CMA-ES's
     * median gap to the optimum is under a tenth of random's, and its upper quartile under random's lower one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sphere5", "rosenbrock5"})
    void findsFarBetterValuesThanRandomSearch(String name) {
        BenchmarkFunction f = BenchmarkFunctions.byName().get(name);
        Map<String, LongFunction<Sampler>> samplers = Map.of("cmaes", CmaEsSampler::new, "random", RandomSampler::new);
        List<QualityBenchmark.Result> r = QualityBenchmark.run(samplers, List.of(f), new int[] {150},
                QualityBenchmark.seeds(5), null);
        QualityBenchmark.Result cma = r.stream().filter(x -> x.sampler().equals("cmaes")).findFirst().orElseThrow();
        QualityBenchmark.Result random = r.stream().filter(x -> x.sampler().equals("random")).findFirst().orElseThrow();
        assertThat(cma.median() - f.minimum()).as("%s vs %s", cma, random)
                .isLessThan(0.1 * (random.median() - f.minimum()));
        assertThat(cma.q3()).as("%s's upper quartile vs %s", cma, random).isLessThan(random.q1());
    }

    @Test
    void maximizesToo() {
        Study study = Tune.study().direction(Direction.MAXIMIZE).sampler(new CmaEsSampler(4)).create();
        study.optimize(t -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double x = t.suggestFloat("x" + i, -5, 5) - 1;
                s += x * x;
            }
            return 10 - s;
        }, Run.trials(150));
        Study random = Tune.study().direction(Direction.MAXIMIZE).sampler(new RandomSampler(4)).create();
        random.optimize(t -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double x = t.suggestFloat("x" + i, -5, 5) - 1;
                s += x * x;
            }
            return 10 - s;
        }, Run.trials(150));
        assertThat(10 - study.bestValue()).isLessThan(0.1 * (10 - random.bestValue()));
    }

    /**
     * Four ints in [-10, 10] with the optimum at (3, -2, 7, 0), 200 trials, seeds 0-4: CMA-ES hits the optimum
     * exactly in most runs, and its median is below random search's.
     */
    @Test
    void integerParametersReachTheirOptimum() {
        int[] target = {3, -2, 7, 0};
        Objective objective = t -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                int k = t.suggestInt("k" + i, -10, 10);
                s += (k - target[i]) * (k - target[i]);
            }
            return s;
        };
        int exact = 0;
        List<Double> cma = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            Study study = Tune.study().sampler(new CmaEsSampler(seed)).create();
            study.optimize(objective, Run.trials(200));
            cma.add(study.bestValue());
            if (study.bestValue() == 0) {
                exact++;
                assertThat(study.bestParams()).containsEntry("k0", 3).containsEntry("k1", -2).containsEntry("k2", 7)
                        .containsEntry("k3", 0);
            }
            Study r = Tune.study().sampler(new RandomSampler(seed)).create();
            r.optimize(objective, Run.trials(200));
            random.add(r.bestValue());
        }
        assertThat(exact).as("runs reaching the optimum, best values %s", cma).isGreaterThanOrEqualTo(3);
        cma.sort(null);
        random.sort(null);
        assertThat(cma.get(2)).as("median best of CMA-ES %s vs random %s", cma, random).isLessThan(random.get(2));
    }

    @Test
    void aCategoricalParameterIsSampledIndependentlyWithOneWarning() {
        try (LogCapture log = new LogCapture()) {
            Study study = Tune.study().sampler(new CmaEsSampler(3)).create();
            study.optimize(t -> {
                double x = t.suggestFloat("x", -3, 3);
                double y = t.suggestFloat("y", -3, 3);
                String c = t.suggestCategorical("c", "a", "b", "c");
                return x * x + y * y + (c.equals("b") ? 0 : 1);
            }, Run.trials(40));
            assertThat(study.trials(TrialState.COMPLETE)).hasSize(40);
            assertThat(log.messages()).as("warnings").hasSize(1);
            assertThat(log.messages().get(0)).contains("'c'").contains("categorical");
            // x and y were searched by CMA-ES from trial 1 on
            assertThat(study.trial(0).systemAttrs()).doesNotContainKey(CmaHistory.GENERATION);
            assertThat(study.trial(39).systemAttrs()).containsKey(CmaHistory.GENERATION);
        }
    }

    @Test
    void aOneParameterSpaceFallsBackWithOneWarning() {
        try (LogCapture log = new LogCapture()) {
            Study study = Tune.study().sampler(new CmaEsSampler(3)).create();
            study.optimize(t -> Math.abs(t.suggestFloat("x", -3, 3) - 1), Run.trials(20));
            assertThat(study.trials(TrialState.COMPLETE)).hasSize(20);
            assertThat(study.trials()).allSatisfy(t -> assertThat(t.systemAttrs()).doesNotContainKey(CmaHistory.GENERATION));
            assertThat(log.messages()).hasSize(1);
            assertThat(log.messages().get(0)).contains("'x'").contains("at least two numeric parameters");
        }
    }

    @Test
    void aStudyWithTwoObjectivesFailsAtItsFirstTrial() {
        Study study = Tune.study().directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(new CmaEsSampler(1)).create();
        assertThatThrownBy(() -> study.optimize(Objective.multi(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, 1 - x};
        }), Run.trials(5))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("single objective").hasMessageContaining("NsgaIISampler");
        assertThat(study.trials()).isEmpty();
    }

    /** Four workers share generations: no candidate index is handed out twice within a generation. */
    @Test
    void workersNeverShareACandidateOfAGeneration() {
        Study study = Tune.study().sampler(new CmaEsSampler(8)).create();
        study.optimize(t -> {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                double x = t.suggestFloat("x" + i, -5, 5);
                s += x * x;
            }
            Thread.yield();
            return s;
        }, Run.trials(200).jobs(4));
        Map<String, Set<Integer>> byGeneration = new HashMap<>();
        int candidates = 0;
        for (FrozenTrial t : study.trials()) {
            Map<String, Object> a = t.systemAttrs();
            if (a.containsKey(CmaHistory.GENERATION)) {
                candidates++;
                String key = a.get(CmaHistory.RESTART) + "/" + a.get(CmaHistory.GENERATION);
                int k = ((Number) a.get(CmaHistory.CANDIDATE)).intValue();
                assertThat(byGeneration.computeIfAbsent(key, x -> new HashSet<>()).add(k))
                        .as("candidate %d of generation %s handed out once", k, key).isTrue();
            }
        }
        assertThat(candidates).isGreaterThan(150);
        int popsize = CmaEs.defaultPopsize(3);
        int lastGeneration = byGeneration.keySet().stream().mapToInt(k -> Integer.parseInt(k.split("/")[1])).max()
                .orElseThrow();
        for (int g = 0; g < lastGeneration; g++) {
            assertThat(byGeneration.get("0/" + g)).as("generation %d", g).hasSizeGreaterThanOrEqualTo(popsize);
        }
    }

    /** Pruned trials are not learned from (by default): their generation takes further candidates instead. */
    @Test
    void prunedTrialsAreReplacedUnlessConsidered() {
        Objective prunesEveryThird = t -> {
            double x = t.suggestFloat("x", -5, 5);
            double y = t.suggestFloat("y", -5, 5);
            t.report(x * x + y * y, 0);
            if (t.number() % 3 == 2) {
                throw new TrialPrunedException();
            }
            return x * x + y * y;
        };
        Study ignoring = Tune.study().sampler(new CmaEsSampler(2)).create();
        ignoring.optimize(prunesEveryThird, Run.trials(60));
        Study considering = Tune.study().sampler(CmaEsSampler.builder().seed(2).considerPrunedTrials(true).build())
                .create();
        considering.optimize(prunesEveryThird, Run.trials(60));
        int popsize = CmaEs.defaultPopsize(2);
        assertThat(maxCandidate(ignoring)).as("largest candidate index, pruned trials ignored").isGreaterThanOrEqualTo(popsize);
        assertThat(maxCandidate(considering)).as("largest candidate index, pruned trials used").isLessThan(popsize);
    }

    private static int maxCandidate(Study study) {
        return study.trials().stream().map(t -> t.systemAttrs().get(CmaHistory.CANDIDATE)).filter(c -> c != null)
                .mapToInt(c -> ((Number) c).intValue()).max().orElseThrow();
    }

    /**
     * A study stopped after 45 trials and resumed from its SQLite file by a new study object with a new sampler
     * (same seed) proposes exactly what an uninterrupted run does: the generation count, mean and covariance are
     * read back from the study, not started again.
     */
    @Test
    void aStudyResumedFromSqliteWithANewSamplerGoesOnWithTheSameSearch(@TempDir Path dir) {
        Objective objective = t -> {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                double x = t.suggestFloat("x" + i, -5, 5) - 0.5 * i;
                s += x * x;
            }
            return s + Math.abs(t.suggestInt("k", 0, 10) - 4);
        };
        String whole = "sqlite:" + dir.resolve("whole.db");
        Study reference = Tune.study().name("s").storage(whole).sampler(new CmaEsSampler(6)).create();
        reference.optimize(objective, Run.trials(90));

        String split = "sqlite:" + dir.resolve("split.db");
        Study first = Tune.study().name("s").storage(split).sampler(new CmaEsSampler(6)).create();
        first.optimize(objective, Run.trials(45));
        CmaEs.State stopped = stored(first);
        first.storage().close();

        Study again = Tune.study().name("s").storage(split).sampler(new CmaEsSampler(6)).loadIfExists(true).create();
        again.optimize(objective, Run.trials(45));
        assertThat(stopped.generation).as("generations told in the first part").isGreaterThan(3);
        FrozenTrial firstResumed = again.trial(45);
        assertThat(((Number) firstResumed.systemAttrs().get(CmaHistory.GENERATION)).intValue())
                .isGreaterThanOrEqualTo(stopped.generation);
        assertThat(stored(again).generation).isGreaterThan(stopped.generation);
        for (int n = 0; n < 90; n++) {
            assertThat(again.trial(n).params()).as("trial %d", n).isEqualTo(reference.trial(n).params());
        }
        assertThat(stored(again).mean).isEqualTo(stored(reference).mean);
        again.storage().close();
        reference.storage().close();
    }

    private static CmaEs.State stored(Study study) {
        Map<String, Object> attrs = study.storage().studySystemAttrs(study.id());
        CmaEs.State state = CmaStore.read(attrs, CmaStore.meta(attrs));
        assertThat(state).as("stored CMA-ES state").isNotNull();
        return state;
    }

    /**
     * 2-D Rastrigin, 1,000 trials: the first run converges on a local minimum long before (about trial 650 at
     * these seeds) and IPOP restarts with twice the population; without a restart strategy there is one run.
     */
    @Test
    void ipopRestartsAConvergedRunWithTwiceThePopulation() {
        Objective rastrigin = t -> {
            double s = 20;
            for (int i = 0; i < 2; i++) {
                double x = t.suggestFloat("x" + i, -5.12, 5.12);
                s += x * x - 10 * Math.cos(2 * Math.PI * x);
            }
            return s;
        };
        for (long seed = 0; seed < 2; seed++) {
            Study ipop = Tune.study().sampler(CmaEsSampler.builder().seed(seed).restartStrategy("ipop").build()).create();
            ipop.optimize(rastrigin, Run.trials(1000));
            FrozenTrial last = ipop.trial(999);
            assertThat(((Number) last.systemAttrs().get(CmaHistory.RESTART)).intValue()).as("restarts").isPositive();
            int popsize = CmaEs.defaultPopsize(2);
            for (FrozenTrial t : ipop.trials()) {
                Object restart = t.systemAttrs().get(CmaHistory.RESTART);
                if (restart != null) {
                    int r = ((Number) restart).intValue();
                    assertThat(((Number) t.systemAttrs().get(CmaHistory.POPSIZE)).intValue()).as("popsize of %s", t)
                            .isEqualTo(popsize << r);
                }
            }
            Study plain = Tune.study().sampler(new CmaEsSampler(seed)).create();
            plain.optimize(rastrigin, Run.trials(1000));
            assertThat(plain.trial(999).systemAttrs()).containsEntry(CmaHistory.RESTART, 0);
        }
    }

    @Test
    void badSettingsAreRefusedWithSpecificMessages() {
        assertThatThrownBy(() -> CmaEsSampler.builder().popsize(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population size must be at least 2");
        assertThatThrownBy(() -> CmaEsSampler.builder().sigma0(0)).hasMessageContaining("sigma0 must be");
        assertThatThrownBy(() -> CmaEsSampler.builder().sigma0(-0.1)).hasMessageContaining("sigma0 must be");
        assertThatThrownBy(() -> CmaEsSampler.builder().sigma0(Double.NaN)).hasMessageContaining("sigma0 must be");
        assertThatThrownBy(() -> CmaEsSampler.builder().nStartupTrials(-1)).hasMessageContaining("nStartupTrials must be >= 0");
        assertThatThrownBy(() -> CmaEsSampler.builder().restartStrategy("bipop"))
                .hasMessageContaining("unknown CMA-ES restart strategy 'bipop'").hasMessageContaining("ipop");
        assertThatThrownBy(() -> CmaEsSampler.builder().incPopsize(0)).hasMessageContaining("incPopsize");
        assertThatThrownBy(() -> CmaEsSampler.builder().independentSampler(null)).hasMessageContaining("independentSampler");
        assertThatThrownBy(() -> CmaEsSampler.builder().x0(null)).hasMessageContaining("x0");
        assertThat(new CmaEsSampler(5).seed()).isEqualTo(5);
    }

    @Test
    void x0SigmaAndPopsizeAreUsed() {
        Study study = Tune.study().sampler(CmaEsSampler.builder().seed(1).x0(Map.of("x", 4.0, "k", 2)).sigma0(0.01)
                .popsize(5).nStartupTrials(0).build()).create();
        study.optimize(t -> t.suggestFloat("x", -5, 5) + t.suggestInt("k", 0, 100), Run.trials(6));
        // the first trial is sampled independently even without start-up trials: no space is known before it
        assertThat(study.trial(0).systemAttrs()).doesNotContainKey(CmaHistory.GENERATION);
        for (FrozenTrial t : study.trials().subList(1, 6)) {
            assertThat((Double) t.params().get("x")).as("x of %s", t).isBetween(3.5, 4.5);
            assertThat((Integer) t.params().get("k")).as("k of %s", t).isBetween(0, 7);
            assertThat(t.systemAttrs()).containsEntry(CmaHistory.POPSIZE, 5).containsEntry(CmaHistory.GENERATION, 0);
        }
    }

    /** Collects the warnings of {@link CmaEsSampler}'s logger while open. */
    private static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(CmaEsSampler.class.getName());
        private final List<String> messages = new ArrayList<>();

        LogCapture() {
            logger.addHandler(this);
        }

        List<String> messages() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                String text = record.getMessage();
                Object[] params = record.getParameters();
                if (params != null) {
                    text = java.text.MessageFormat.format(text, params);
                }
                synchronized (messages) {
                    messages.add(text);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
