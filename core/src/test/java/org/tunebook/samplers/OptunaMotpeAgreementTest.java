package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunebook.samplers.OptunaAgreement.assertSameDistribution;
import static org.tunebook.samplers.OptunaAgreement.doubles;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.bench.ParetoBenchmark;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.storage.InMemoryStorage;

/**
 * Multi-objective TPE (MOTPE) against Python Optuna's own code (Debian's python3-optuna 3.1): the same
 * finished trials go into a tunebook study and an Optuna study, and for one parameter tunebook's "good" set
 * (whole Pareto fronts, then hypervolume subset selection), its weights (hypervolume contributions) and both
 * Parzen estimators must be Optuna's: the same trials on each side, the same weight for each good trial and
 * the same log densities at fixed points, to 1e-9 and 1e-6; candidates drawn from the good estimator and the
 * values proposed for the next trial follow the distribution of Optuna's. Histories are ZDT1 runs of
 * tunebook's own MOTPE (what the sampler sees in {@code bench pareto}), two of them with a constraint (more
 * feasible trials than good ones, and fewer), and random ones with three objectives, a maximized one and tied
 * values. Fails (never skips) if Optuna is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptunaMotpeAgreementTest {

    private static final String PROBE = "x0";

    /** A history of complete trials, all floats in [0, 1]. */
    enum Case {
        /** Few trials: 3 good ones out of a first front that is larger, so hypervolume selection decides. */
        ZDT1_5D_30(2, 5, 30, false),
        /** ZDT1 5-D after 100 trials of tunebook's MOTPE: 10 good trials. */
        ZDT1_5D_100(2, 5, 100, false),
        /** ZDT1 5-D after 300 trials: 25 good trials, the front larger than that. */
        ZDT1_5D_300(2, 5, 300, false),
        /** ZDT1 10-D after 200 trials. */
        ZDT1_10D_200(2, 10, 200, false),
        /** Three objectives (the second maximized), random trials with values on a coarse grid (ties). */
        THREE_OBJECTIVES_TIES(3, 4, 120, true),
        /** ZDT1 5-D, 100 trials, a constraint most trials meet: the good set is made of feasible fronts. */
        CONSTRAINED_MOSTLY_FEASIBLE(2, 5, 100, false, x -> x[1] - 0.6),
        /**
         * A constraint few trials meet: every feasible trial is good, then the least violating ones, which weigh
         * almost nothing.
         */
        CONSTRAINED_FEW_FEASIBLE(2, 5, 100, false, x -> x[1] + x[2] - 0.1);

        final int objectives;
        final int dimensions;
        final int trials;
        final boolean random;
        /** The constraint value of a trial's parameters ({@code <= 0}: feasible), or null for none. */
        final ToDoubleFunction<double[]> constraint;

        Case(int objectives, int dimensions, int trials, boolean random) {
            this(objectives, dimensions, trials, random, null);
        }

        Case(int objectives, int dimensions, int trials, boolean random, ToDoubleFunction<double[]> constraint) {
            this.objectives = objectives;
            this.dimensions = dimensions;
            this.trials = trials;
            this.random = random;
            this.constraint = constraint;
        }

        Direction[] directions() {
            Direction[] d = new Direction[objectives];
            Arrays.fill(d, Direction.MINIMIZE);
            if (objectives == 3) {
                d[1] = Direction.MAXIMIZE;
            }
            return d;
        }
    }

    private static final FloatDistribution UNIT = new FloatDistribution(0, 1);
    private final Map<Case, List<FrozenTrial>> histories = new LinkedHashMap<>();
    private final Map<Case, double[]> points = new LinkedHashMap<>();
    private Map<Case, JsonObject> optuna;

    @BeforeAll
    void runOptunaOnEveryCase() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Case c : Case.values()) {
            List<FrozenTrial> trials = c.random ? randomHistory(c) : zdt1History(c);
            histories.put(c, trials);
            double[] at = new double[81];
            for (int k = 0; k <= 80; k++) {
                at[k] = k / 80.0;
            }
            points.put(c, at);
            List<Map<String, Object>> json = new ArrayList<>();
            for (FrozenTrial t : trials) {
                Map<String, Object> trial = new LinkedHashMap<>(Map.of("values", t.values(), "params", t.params()));
                if (c.constraint != null) {
                    trial.put("constraints", List.of(constraintOf(c, t)));
                }
                json.add(trial);
            }
            List<String> directions = Arrays.stream(c.directions())
                    .map(d -> d == Direction.MINIMIZE ? "minimize" : "maximize").toList();
            cases.add(Map.of("directions", directions, "low", 0.0, "high", 1.0, "probe", PROBE, "trials", json,
                    "points", at));
        }
        JsonArray results = OptunaAgreement.runPython("/samplers/optuna_motpe.py", Map.of("cases", cases)).getAsJsonArray("cases");
        optuna = new LinkedHashMap<>();
        for (Case c : Case.values()) {
            optuna.put(c, results.get(c.ordinal()).getAsJsonObject());
        }
    }

    /** The complete trials of tunebook's MOTPE on ZDT1, seed 0, as {@code bench pareto} runs it. */
    private static List<FrozenTrial> zdt1History(Case c) {
        ParetoBenchmark.Problem zdt1 = ParetoBenchmark.zdt1(c.dimensions);
        Study study = Tune.study().storage(new InMemoryStorage()).directions(zdt1.directions())
                .sampler(new TpeSampler(0)).create();
        study.optimize(zdt1.objective(), Run.trials(c.trials));
        return study.trials();
    }

    /** Random trials whose objectives take few distinct values, so that fronts hold ties and duplicates. */
    private static List<FrozenTrial> randomHistory(Case c) {
        SplittableRandom rng = new SplittableRandom(17);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < c.trials; i++) {
            FrozenTrial.Builder b = FrozenTrial.builder().state(TrialState.COMPLETE);
            double[] x = new double[c.dimensions];
            for (int d = 0; d < c.dimensions; d++) {
                x[d] = rng.nextDouble();
                b.param("x" + d, x[d], UNIT);
            }
            double[] v = new double[c.objectives];
            for (int k = 0; k < c.objectives; k++) {
                v[k] = Math.rint(8 * (x[k] + 0.5 * x[(k + 1) % c.dimensions] * rng.nextDouble())) / 8;
            }
            trials.add(b.values(v).build());
        }
        return trials;
    }

    private static double constraintOf(Case c, FrozenTrial t) {
        double[] x = new double[c.dimensions];
        for (int d = 0; d < x.length; d++) {
            x[d] = (Double) t.params().get("x" + d);
        }
        return c.constraint.applyAsDouble(x);
    }

    /** TPE's view of a case's trials for the probe parameter. */
    private record Model(TpeConfig config, ParzenSpace space, TpeHistory.Sides sides) {
    }

    private Model model(Case c) {
        Study study = Tune.study().storage(new InMemoryStorage()).directions(c.directions()).create();
        for (FrozenTrial t : histories.get(c)) {
            FrozenTrial.Builder b = FrozenTrial.builder().state(TrialState.COMPLETE).values(t.values());
            t.params().forEach((name, value) -> b.param(name, value, UNIT));
            if (c.constraint != null) {
                b.systemAttr(Constraints.KEY, List.of(constraintOf(c, t)));
            }
            study.addTrial(b.build());
        }
        // the constraints function itself is not called here: the stored values are what TPE reads
        TpeSampler sampler = c.constraint == null ? new TpeSampler(0)
                : TpeSampler.builder().seed(0).constraints(t -> new double[] {constraintOf(c, t)}).build();
        TpeHistory history = new TpeHistory(sampler.config(), study.directions());
        history.refresh(study.storage(), study.id());
        TpeHistory.Sides sides = history.univariate(PROBE, Integer.MAX_VALUE, List.of());
        assertThat(sides).as("past the start-up trials").isNotNull();
        return new Model(sampler.config(), ParzenSpace.of(UNIT), sides);
    }

    /** The probe's value in trial {@code i} of the case. */
    private double probe(Case c, int i) {
        return (Double) histories.get(c).get(i).params().get(PROBE);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theGoodSetAndItsWeightsAreOptunas(Case c) {
        TpeHistory.Sides sides = model(c).sides();
        JsonObject theirs = optuna.get(c);
        int[] below = ints(theirs.getAsJsonArray("below"));
        double[] weights = doubles(theirs.getAsJsonArray("weights_below"));
        int[] above = ints(theirs.getAsJsonArray("above"));
        assertThat(sides.belowCount()).as("good trials").isEqualTo(below.length);
        if (c.constraint != null) { // each constrained case covers the branch its name says
            long feasible = histories.get(c).stream().filter(t -> constraintOf(c, t) <= 0).count();
            int nBelow = theirs.get("n_below").getAsInt();
            if (c == Case.CONSTRAINED_FEW_FEASIBLE) {
                assertThat(feasible).as("feasible trials").isPositive().isLessThan(nBelow);
            } else {
                assertThat(feasible).as("feasible trials").isGreaterThan(nBelow);
            }
        }

        // tunebook keeps the good side sorted by value: pair Optuna's trials with their weights, sorted the same way
        Integer[] order = new Integer[below.length];
        for (int j = 0; j < below.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probe(c, below[a]), probe(c, below[b])));
        double[] theirValues = new double[below.length];
        double[] theirWeights = new double[below.length];
        for (int j = 0; j < below.length; j++) {
            theirValues[j] = probe(c, below[order[j]]);
            theirWeights[j] = weights[order[j]];
        }
        assertThat(sides.below()[0]).as("good values (trials %s)", Arrays.toString(below))
                .containsExactly(theirValues);
        for (int j = 0; j < below.length; j++) {
            assertThat(sides.belowWeights()[j]).as("weight of the good trial with value %s", theirValues[j])
                    .isCloseTo(theirWeights[j], within(1e-9));
        }
        double[] theirAbove = Arrays.stream(above).mapToDouble(i -> probe(c, i)).sorted().toArray();
        assertThat(sides.above()[0]).as("bad values").containsExactly(theirAbove);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void bothLogDensitiesAreOptunas(Case c) {
        Model m = model(c);
        NumericParzen good = TpeCandidates.numeric(m.config(), m.space(), m.sides().below(), m.sides().belowWeights());
        NumericParzen bad = TpeCandidates.numeric(m.config(), m.space(), m.sides().above(), m.sides().aboveWeights());
        double[] at = points.get(c);
        double[] logL = doubles(optuna.get(c).getAsJsonArray("log_l"));
        double[] logG = doubles(optuna.get(c).getAsJsonArray("log_g"));
        for (int k = 0; k < at.length; k++) {
            assertThat(good.logDensity(at[k])).as("log l at %s", at[k]).isCloseTo(logL[k], within(1e-6));
            assertThat(bad.logDensity(at[k])).as("log g at %s", at[k]).isCloseTo(logG[k], within(1e-6));
        }
    }

    /** 10,000 draws from the good estimator on each side; Kolmogorov-Smirnov at the 1e-6 level. */
    @ParameterizedTest
    @EnumSource(Case.class)
    void candidatesAreDrawnAsOptunaDrawsThem(Case c) {
        Model m = model(c);
        NumericParzen good = TpeCandidates.numeric(m.config(), m.space(), m.sides().below(), m.sides().belowWeights());
        double[] theirs = doubles(optuna.get(c).getAsJsonArray("draws"));
        double[] ours = new double[theirs.length];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < ours.length; i++) {
            ours[i] = good.sample(rng);
        }
        assertSameDistribution(ours, theirs, "draws");
    }

    /** 3,000 proposals (24 candidates, the best ratio kept) on each side; Kolmogorov-Smirnov at the 1e-6 level. */
    @ParameterizedTest
    @EnumSource(Case.class)
    void proposalsAreDistributedAsOptunas(Case c) {
        Model m = model(c);
        double[] theirs = doubles(optuna.get(c).getAsJsonArray("proposals"));
        double[] ours = new double[theirs.length];
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < ours.length; i++) {
            ours[i] = TpeCandidates.univariate(m.config(), m.space(), m.sides(), rng);
        }
        assertSameDistribution(ours, theirs, "proposals");
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

}
