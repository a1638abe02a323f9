package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunebook.samplers.OptunaAgreement.assertSameDistribution;
import static org.tunebook.samplers.OptunaAgreement.doubles;
import static org.tunebook.samplers.OptunaAgreement.spec;
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
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.storage.InMemoryStorage;

/**
 * Multivariate TPE's model against Python Optuna's own code (Debian's python3-optuna 3.1), as
 * {@link OptunaParzenAgreementTest} does for the univariate one: the same finished trials go into a tunebook
 * study and an Optuna study with {@code TPESampler(multivariate=True)}. The relative search space
 * {@link TpeSampler#inferRelativeSearchSpace} infers, the split {@link TpeHistory#multivariate} makes (both
 * sides in chronological order, which decides the ramp of weights past 25 observations), and the joint
 * estimators {@link TpeCandidates#joint} builds must give Optuna's values and, at fixed joint points, the log
 * densities {@code log l(x)} and {@code log g(x)} of Optuna's {@code _ParzenEstimator} to 1e-6: Scott's
 * bandwidth {@code 0.2 n^(-1/(d+4))}, its magic clip, the prior kernel, the cells of discrete values and the
 * smoothed categorical kernels. Candidates drawn from the good estimator and the proposals of the whole step
 * are compared by distribution, per dimension and jointly. Fails (never skips) if Optuna is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptunaMultivariateParzenAgreementTest {

    private static final double TOLERANCE = 1e-6;

    private static final FloatDistribution BRANIN_X1 = new FloatDistribution(-5, 10);
    private static final FloatDistribution BRANIN_X2 = new FloatDistribution(0, 15);
    private static final FloatDistribution UNIT = new FloatDistribution(0, 1);

    /** Parameters (in the order trials suggest them), the number of trials and the objective. */
    enum Case {
        /** Branin's space: the first model after the 10 start-up trials (one good observation). */
        BRANIN_STARTUP(Direction.MINIMIZE, 10, OptunaMultivariateParzenAgreementTest::branin, BRANIN_X1, BRANIN_X2),
        /** Branin's space, 60 trials: 54 bad observations, so the oldest ramp down. */
        BRANIN(Direction.MINIMIZE, 60, OptunaMultivariateParzenAgreementTest::branin, BRANIN_X1, BRANIN_X2),
        /** Branin's space, 200 trials: 25 good observations (the cap) and a long ramp on the bad side. */
        BRANIN_MANY(Direction.MINIMIZE, 200, OptunaMultivariateParzenAgreementTest::branin, BRANIN_X1, BRANIN_X2),
        /** Hartmann-6's space: six dimensions, Scott's rule with d = 6. */
        HARTMANN6(Direction.MINIMIZE, 100, OptunaMultivariateParzenAgreementTest::hartmann6, UNIT, UNIT, UNIT, UNIT,
                UNIT, UNIT),
        /** Floats, ints, log scales and a step, maximized; ties among repeated int values. */
        MIXED(Direction.MAXIMIZE, 80, x -> -((x[0] - 1) * (x[0] - 1) + (x[1] - 7) * (x[1] - 7) / 10.0
                + Math.abs(Math.log10(x[2]) + 3) + Math.abs(Math.log(x[3]) - 3) + Math.abs(x[4] - 6.5)),
                new FloatDistribution(-5, 5), new IntDistribution(1, 20), new FloatDistribution(1e-5, 1, true, null),
                new IntDistribution(1, 1000, true, 1), new FloatDistribution(0, 10.5, false, 0.5)),
        /** A categorical dimension among numeric ones. */
        CATEGORICAL(Direction.MINIMIZE, 70, x -> (x[0] - 1) * (x[0] - 1) + new double[] {1, 0, 0.5, 2}[(int) x[1]]
                + Math.abs(x[2] - 4), new FloatDistribution(-5, 5), new CategoricalDistribution(List.of("a", "b", "c",
                "d")), new IntDistribution(0, 10, false, 2)),
        /**
         * A conditional parameter: p2 only in even-numbered trials, so the relative space is {p0, p1} and p2 is
         * sampled on its own, by the multivariate sampler's one-dimensional estimator (Scott's bandwidth).
         */
        CONDITIONAL(Direction.MINIMIZE, 90, 2, x -> (x[0] - 1) * (x[0] - 1) + Math.abs(x[1] - 3)
                + (Double.isNaN(x[2]) ? 2 : (x[2] - 2) * (x[2] - 2)), new FloatDistribution(-5, 5),
                new FloatDistribution(0, 10), new FloatDistribution(-4, 6));

        final Direction direction;
        final int trials;
        /** The leading dimensions every trial has: the relative search space. The others are conditional. */
        final int relative;
        final ToDoubleFunction<double[]> objective;
        final Distribution[] distributions;

        Case(Direction direction, int trials, ToDoubleFunction<double[]> objective, Distribution... distributions) {
            this(direction, trials, distributions.length, objective, distributions);
        }

        Case(Direction direction, int trials, int relative, ToDoubleFunction<double[]> objective,
                Distribution... distributions) {
            this.direction = direction;
            this.trials = trials;
            this.relative = relative;
            this.objective = objective;
            this.distributions = distributions;
        }

        /** Whether trial {@code i} has dimension {@code j}: conditional ones only in even-numbered trials. */
        boolean has(int i, int j) {
            return j < relative || i % 2 == 0;
        }

        String name(int j) {
            return "p" + j;
        }

        int dims() {
            return distributions.length;
        }
    }

    /** Per case: internal values by trial then dimension, objective values, and joint points by point. */
    private final Map<Case, double[][]> internalValues = new LinkedHashMap<>();
    private final Map<Case, double[]> objectiveValues = new LinkedHashMap<>();
    private final Map<Case, double[][]> points = new LinkedHashMap<>();
    /** Per case with a conditional parameter: points of its own at which to compare its estimators. */
    private final Map<Case, double[]> independentPoints = new LinkedHashMap<>();
    private Map<Case, JsonObject> optuna;

    @BeforeAll
    void runOptunaOnEveryCase() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Case c : Case.values()) {
            SplittableRandom rng = new SplittableRandom(71 + c.ordinal());
            double[][] x = new double[c.trials][];
            double[] y = new double[c.trials];
            List<Map<String, Object>> trials = new ArrayList<>();
            for (int i = 0; i < c.trials; i++) {
                boolean near = i >= 10 && rng.nextDouble() < 0.6;
                x[i] = new double[c.dims()];
                double[] external = new double[c.dims()];
                Map<String, Object> params = new LinkedHashMap<>();
                for (int j = 0; j < c.dims(); j++) {
                    x[i][j] = draw(c.distributions[j], rng, near);
                    if (!c.has(i, j)) {
                        x[i][j] = Double.NaN;
                        external[j] = Double.NaN;
                        continue;
                    }
                    external[j] = c.distributions[j].toExternal(x[i][j]) instanceof Number n ? n.doubleValue() : x[i][j];
                    params.put(c.name(j), x[i][j]);
                }
                y[i] = c.objective.applyAsDouble(external);
                trials.add(Map.of("value", y[i], "params", params));
            }
            internalValues.put(c, x);
            objectiveValues.put(c, y);
            double[][] at = points(c, x, rng);
            points.put(c, at);
            Map<String, Object> distributions = new LinkedHashMap<>();
            Map<String, Object> pointsByName = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < c.dims(); j++) {
                names.add(c.name(j));
                distributions.put(c.name(j), spec(c.distributions[j]));
                if (j < c.relative) {
                    double[] column = new double[at.length];
                    for (int k = 0; k < at.length; k++) {
                        column[k] = at[k][j];
                    }
                    pointsByName.put(c.name(j), column);
                }
            }
            Map<String, Object> request = new LinkedHashMap<>(Map.of("direction", c.direction == Direction.MINIMIZE
                    ? "minimize" : "maximize", "params", names, "relative", names.subList(0, c.relative),
                    "distributions", distributions, "trials", trials, "points", pointsByName));
            if (c.relative < c.dims()) {
                double[] single = new double[at.length];
                for (int k = 0; k < at.length; k++) {
                    single[k] = Double.isNaN(at[k][c.dims() - 1]) ? draw(c.distributions[c.dims() - 1], rng, false)
                            : at[k][c.dims() - 1];
                }
                independentPoints.put(c, single);
                request.put("independent", c.name(c.dims() - 1));
                request.put("independent_points", single);
            }
            cases.add(request);
        }
        JsonArray results = OptunaAgreement.runPython("/samplers/optuna_mv_parzen.py", Map.of("cases", cases)).getAsJsonArray("cases");
        optuna = new LinkedHashMap<>();
        for (Case c : Case.values()) {
            optuna.put(c, results.get(c.ordinal()).getAsJsonObject());
        }
    }

    /** TPE's view of a case's trials: the settings, the relative space's dimensions and the split. */
    private record Model(TpeConfig config, String[] names, ParzenSpace[] spaces, TpeHistory.Sides sides) {
    }

    private Model model(Case c) {
        return model(c, study(c));
    }

    /** A study holding the case's trials, complete. */
    private Study study(Case c) {
        Study study = Tune.study().storage(new InMemoryStorage()).direction(c.direction).create();
        double[][] x = internalValues.get(c);
        double[] y = objectiveValues.get(c);
        for (int i = 0; i < x.length; i++) {
            FrozenTrial.Builder t = FrozenTrial.builder().state(TrialState.COMPLETE).value(y[i]);
            for (int j = 0; j < c.dims(); j++) {
                if (c.has(i, j)) {
                    t.param(c.name(j), c.distributions[j].toExternal(x[i][j]), c.distributions[j]);
                }
            }
            study.addTrial(t.build());
        }
        return study;
    }

    private Model model(Case c, Study study) {
        TpeSampler sampler = TpeSampler.builder().seed(0).multivariate(true).build();
        // the relative space: every parameter, in the order the trials suggested them
        Map<String, Distribution> space = sampler.inferRelativeSearchSpace(study, study.ask());
        String[] names = space.keySet().toArray(new String[0]);
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < c.relative; j++) {
            expected.add(c.name(j));
        }
        assertThat(names).as("relative search space").containsExactlyInAnyOrderElementsOf(expected);
        names = expected.toArray(new String[0]);
        ParzenSpace[] spaces = new ParzenSpace[names.length];
        for (int j = 0; j < names.length; j++) {
            assertThat(space.get(names[j])).as("distribution of %s", names[j]).isEqualTo(c.distributions[j]);
            spaces[j] = ParzenSpace.of(c.distributions[j]);
        }
        TpeHistory history = new TpeHistory(sampler.config(), study.directions());
        history.refresh(study.storage(), study.id());
        TpeHistory.Sides sides = history.multivariate(names, Integer.MAX_VALUE, List.of());
        assertThat(sides).as("past the start-up trials").isNotNull();
        return new Model(sampler.config(), names, spaces, sides);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theSplitAndBothJointLogDensitiesAreOptunas(Case c) {
        Model m = model(c);
        JsonObject theirs = optuna.get(c);
        // the split: the same observations on each side, in the same (chronological) order
        for (int j = 0; j < c.relative; j++) {
            String name = c.name(j);
            assertThat(m.sides().below()[j]).as("good values of %s, chronological", name)
                    .containsExactly(model(m.spaces()[j], theirs.getAsJsonObject("below").getAsJsonArray(name)));
            assertThat(m.sides().above()[j]).as("bad values of %s, chronological", name)
                    .containsExactly(model(m.spaces()[j], theirs.getAsJsonObject("above").getAsJsonArray(name)));
        }
        MultivariateParzen good = TpeCandidates.joint(m.config(), m.spaces(), m.sides().below(),
                m.sides().belowWeights());
        MultivariateParzen bad = TpeCandidates.joint(m.config(), m.spaces(), m.sides().above(),
                m.sides().aboveWeights());
        double[] logL = doubles(theirs.getAsJsonArray("log_l"));
        double[] logG = doubles(theirs.getAsJsonArray("log_g"));
        double[][] at = points.get(c);
        double[] scratch = new double[Math.max(good.components(), bad.components())];
        for (int k = 0; k < at.length; k++) {
            double[] x = new double[c.relative];
            for (int j = 0; j < c.relative; j++) {
                x[j] = m.spaces()[j].toModel(at[k][j]);
            }
            assertThat(good.logDensity(x, scratch)).as("log l at %s (%d good observations)", Arrays.toString(at[k]),
                    m.sides().belowCount()).isCloseTo(logL[k], within(TOLERANCE));
            assertThat(bad.logDensity(x, scratch)).as("log g at %s (%d bad observations)", Arrays.toString(at[k]),
                    m.sides().aboveCount()).isCloseTo(logG[k], within(TOLERANCE));
        }
    }

    /**
     * Joint candidates drawn from the "good" estimator (a kernel chosen by weight, then each dimension drawn
     * from it, rounded onto the grid) follow the distribution of Optuna's: 10,000 draws on each side.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void candidatesAreDrawnAsOptunaDrawsThem(Case c) {
        Model m = model(c);
        MultivariateParzen good = TpeCandidates.joint(m.config(), m.spaces(), m.sides().below(),
                m.sides().belowWeights());
        SplittableRandom rng = new SplittableRandom(5);
        JsonObject theirs = optuna.get(c).getAsJsonObject("draws");
        double[][] ours = new double[doubles(theirs.getAsJsonArray(c.name(0))).length][];
        for (int i = 0; i < ours.length; i++) {
            double[] x = good.sample(rng);
            for (int j = 0; j < x.length; j++) {
                x[j] = m.spaces()[j].toInternal(m.spaces()[j].roundModel(x[j]));
            }
            ours[i] = x;
        }
        assertSameJointDistribution(c, ours, columns(c, theirs), "draws");
    }

    /**
     * The whole proposal step (24 joint candidates from the good estimator, the one of largest
     * {@code log l - log g} kept, as {@link TpeCandidates#multivariate} does it) proposes points distributed
     * as Optuna's: 3,000 proposals from independent random states on each side.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void proposalsAreDistributedAsOptunas(Case c) {
        Model m = model(c);
        JsonObject theirs = optuna.get(c).getAsJsonObject("proposals");
        double[][] ours = new double[doubles(theirs.getAsJsonArray(c.name(0))).length][];
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < ours.length; i++) {
            double[] x = TpeCandidates.multivariate(m.config(), m.spaces(), m.sides(), rng);
            for (int j = 0; j < x.length; j++) {
                x[j] = m.spaces()[j].toInternal(x[j]);
            }
            ours[i] = x;
        }
        assertSameJointDistribution(c, ours, columns(c, theirs), "proposals");
    }

    /**
     * A parameter outside the relative space (not in every trial) is modelled as Optuna's multivariate sampler
     * models it in {@code sample_independent}: the split over every observation, the ones with the parameter
     * kept in chronological order, and one-dimensional estimators with Scott's bandwidth {@code 0.2 n^(-1/5)}
     * (not the univariate estimator's gaps to the neighbours): the same values on each side, the same log
     * densities to 1e-6, and {@link TpeSampler#sampleIndependent} proposes values distributed as Optuna's
     * (3,000 proposals of as many trials).
     */
    @ParameterizedTest
    @EnumSource(value = Case.class, names = "CONDITIONAL")
    void aParameterOutsideTheRelativeSpaceIsModelledAsOptunasMultivariateSamplerDoes(Case c) {
        Study study = study(c);
        Model m = model(c, study);
        JsonObject theirs = optuna.get(c).getAsJsonObject("independent");
        int last = c.dims() - 1;
        String name = c.name(last);
        Distribution distribution = c.distributions[last];
        ParzenSpace space = ParzenSpace.of(distribution);
        TpeHistory history = new TpeHistory(m.config(), study.directions());
        history.refresh(study.storage(), study.id());
        TpeHistory.Sides sides = history.multivariate(new String[] {name}, Integer.MAX_VALUE, List.of());
        assertThat(sides.below()[0]).as("good values of %s, chronological", name)
                .containsExactly(model(space, theirs.getAsJsonArray("below")));
        assertThat(sides.above()[0]).as("bad values of %s, chronological", name)
                .containsExactly(model(space, theirs.getAsJsonArray("above")));
        ParzenSpace[] spaces = {space};
        MultivariateParzen good = TpeCandidates.joint(m.config(), spaces, sides.below(), sides.belowWeights());
        MultivariateParzen bad = TpeCandidates.joint(m.config(), spaces, sides.above(), sides.aboveWeights());
        double[] at = independentPoints.get(c);
        double[] logL = doubles(theirs.getAsJsonArray("log_l"));
        double[] logG = doubles(theirs.getAsJsonArray("log_g"));
        double[] scratch = new double[Math.max(good.components(), bad.components())];
        for (int k = 0; k < at.length; k++) {
            double[] x = {space.toModel(at[k])};
            assertThat(good.logDensity(x, scratch)).as("log l at %s", at[k]).isCloseTo(logL[k], within(TOLERANCE));
            assertThat(bad.logDensity(x, scratch)).as("log g at %s", at[k]).isCloseTo(logG[k], within(TOLERANCE));
        }
        // the sampler itself, trial after trial (none finishes, so each models the same history)
        TpeSampler sampler = TpeSampler.builder().seed(3).multivariate(true).warnIndependentSampling(false).build();
        double[] expected = doubles(theirs.getAsJsonArray("proposals"));
        double[] ours = new double[expected.length];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = sampler.sampleIndependent(study, study.ask(), name, distribution);
        }
        assertSameDistribution(ours, expected, "proposals of " + name);
    }

    /**
     * Each dimension's values, and (for two dimensions or more) the product of the first two dimensions'
     * centred values, which a difference in their dependence would move: the two-sample Kolmogorov-Smirnov
     * distance of each stays below its critical value at the 1e-6 level (0.038 for 10,000, 0.069 for 3,000).
     */
    private static void assertSameJointDistribution(Case c, double[][] ours, double[][] theirs, String what) {
        int n = ours.length;
        for (int j = 0; j < c.relative; j++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = ours[i][j];
            }
            assertSameDistribution(a, theirs[j].clone(), what + " of " + c.name(j));
        }
        if (c.relative >= 2) {
            double[] a = new double[n];
            double[] b = new double[theirs[0].length];
            double c0 = centre(c.distributions[0]);
            double c1 = centre(c.distributions[1]);
            for (int i = 0; i < n; i++) {
                a[i] = (ours[i][0] - c0) * (ours[i][1] - c1);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (theirs[0][i] - c0) * (theirs[1][i] - c1);
            }
            assertSameDistribution(a, b, what + ", product of the first two dimensions");
        }
    }

    private static double centre(Distribution d) {
        if (d instanceof FloatDistribution f) {
            return f.log() ? Math.sqrt(f.low() * f.high()) : 0.5 * (f.low() + f.high());
        }
        if (d instanceof IntDistribution i) {
            return i.log() ? Math.sqrt((double) i.low() * i.high()) : 0.5 * (i.low() + i.high());
        }
        return 0.5 * (((CategoricalDistribution) d).choices().size() - 1);
    }

    static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double u = x[1] - b * x[0] * x[0] + 5 / Math.PI * x[0] - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x[0]) + 10;
    }

    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    static double hartmann6(double[] x) {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                inner += HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) * (x[j] - HARTMANN_P[i][j]);
            }
            sum += alpha[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /**
     * An internal value: uniform over the range (as start-up trials are), or, when {@code near}, close to a
     * fixed point inside it, with repeats for discrete parameters (as TPE's later trials are).
     */
    private static double draw(Distribution d, SplittableRandom rng, boolean near) {
        if (d instanceof CategoricalDistribution c) {
            return near && rng.nextDouble() < 0.7 ? 1 : rng.nextInt(c.choices().size());
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                double v = near ? Math.log(20) + 0.3 * rng.nextGaussian() : Math.log(i.low()) + rng.nextDouble()
                        * (Math.log(i.high()) - Math.log(i.low()));
                return Math.min(i.high(), Math.max(i.low(), Math.rint(Math.exp(v))));
            }
            double v = near ? i.low() + 0.35 * (i.high() - i.low()) + 1.5 * i.step() * rng.nextGaussian()
                    : i.low() + rng.nextDouble() * (i.high() - i.low());
            return i.snap(Math.min(i.high(), Math.max(i.low(), v)));
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.log()) {
            double lo = Math.log(f.low());
            double hi = Math.log(f.high());
            double v = near ? Math.log(1e-3) + 0.5 * rng.nextGaussian() : lo + rng.nextDouble() * (hi - lo);
            return Math.exp(Math.min(hi, Math.max(lo, v)));
        }
        double centre = f.low() + 0.4 * (f.high() - f.low());
        double v = near ? centre + 0.05 * (f.high() - f.low()) * rng.nextGaussian()
                : f.low() + rng.nextDouble() * (f.high() - f.low());
        v = Math.min(f.high(), Math.max(f.low(), v));
        return f.step() != null ? f.snap(v) : v;
    }

    /** Where to compare densities: 80 joint points drawn over the space, and every third observation. */
    private static double[][] points(Case c, double[][] observed, SplittableRandom rng) {
        List<double[]> at = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            double[] p = new double[c.dims()];
            for (int j = 0; j < c.dims(); j++) {
                p[j] = draw(c.distributions[j], rng, k % 2 == 0);
            }
            at.add(p);
        }
        for (int i = 0; i < observed.length; i += 3) {
            at.add(observed[i]);
        }
        return at.toArray(new double[0][]);
    }

    private static double[] model(ParzenSpace space, JsonArray internal) {
        double[] v = doubles(internal);
        for (int i = 0; i < v.length; i++) {
            v[i] = space.toModel(v[i]);
        }
        return v;
    }

    private static double[][] columns(Case c, JsonObject byName) {
        double[][] out = new double[c.relative][];
        for (int j = 0; j < c.relative; j++) {
            out[j] = doubles(byName.getAsJsonArray(c.name(j)));
        }
        return out;
    }

}
