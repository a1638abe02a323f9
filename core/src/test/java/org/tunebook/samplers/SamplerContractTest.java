package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * The contract every sampler must pass. A sampler's test extends this class, implements {@link #create(long)}
 * and adds tests of its own; every check here runs a real study through the public API
 * ({@code Tune.study().sampler(...).create()}, {@code study.optimize(...)}, {@code Run.trials(n).jobs(k)}).
 *
 * <p>What is checked:
 * <ul>
 *   <li>every suggested value lies inside its range, for float, log float, stepped float, int, stepped int,
 *   log int and categorical parameters (strings, numbers, booleans, {@code null}), with the Java type the
 *   {@code suggest…} method promises, and is stored as the objective saw it;</li>
 *   <li>stepped values lie on the grid {@code low + k * step};</li>
 *   <li>log-scaled parameters are spread in log space;</li>
 *   <li>a seed makes runs reproducible (per trial number, also with several worker threads), and different
 *   seeds give different runs;</li>
 *   <li>conditional and loop-built search spaces, and ranges that change between trials, work;</li>
 *   <li>a distribution with a single value yields that value.</li>
 * </ul>
 *
 * <p>Samplers with restrictions override the hooks below ({@link #supportsDynamicSpace()},
 * {@link #reproducibleWithWorkers()}, {@link #directions()}, {@link #trials()}); a check a sampler opts out
 * of is reported as skipped (a failed assumption), not as passed. Each hook says what it relaxes. Overriding
 * a hook to hide a bug defeats the purpose: the defaults describe what the design asks of every sampler.
 */
public abstract class SamplerContractTest {

    /** A new sampler seeded with {@code seed}; equal seeds must give equal runs. */
    protected abstract Sampler create(long seed);

    /**
     * Trials per study in the contract's runs. Default 60: enough for a sampler to leave any start-up phase
     * and for the spread checks to mean something. A slow model-based sampler may lower it, but not below 40.
     */
    protected int trials() {
        return 60;
    }

    /**
     * The study's directions. Default one minimized objective. A sampler that needs several objectives
     * (NSGA-II, say) returns them; the contract's objectives then return one value per direction (the same
     * score, negated for every second objective, so that the objectives conflict).
     */
    protected Direction[] directions() {
        return new Direction[] {Direction.MINIMIZE};
    }

    /**
     * Whether the sampler supports define-by-run spaces: parameters that appear only in some trials, spaces
     * built in loops, and numeric ranges that change from trial to trial. Default true, as the design asks
     * of every sampler (model-based ones fall back to independent sampling for such parameters). A sampler
     * that can only sample a fixed space returns false, and those checks are skipped.
     */
    protected boolean supportsDynamicSpace() {
        return true;
    }

    /**
     * Whether two seeded runs with several worker threads give every trial number the same parameters.
     * Default true, as the design asks ("reproducible from a seed, including with several worker threads").
     * A sampler that cannot guarantee it returns false, and that check is skipped (the single-threaded
     * reproducibility check still runs).
     */
    protected boolean reproducibleWithWorkers() {
        return true;
    }

    // ---- values inside their ranges ----

    @Test
    void everyKindOfParameterStaysInsideItsRangeWithItsPromisedType() {
        Study study = study(11);
        study.optimize(objective(t -> {
            double f = t.suggestFloat("f", -2.5, 4.0);
            double fLog = t.suggestFloat("f_log", 1e-4, 10.0, Scale.LOG);
            double fStep = t.suggestFloat("f_step", 0.5, 3.0, 0.25);
            double fDec = t.suggestFloat("f_step_decimal", 0.0, 1.0, 0.1);
            int i = t.suggestInt("i", -7, 12);
            int iStep = t.suggestInt("i_step", 3, 40, 5);
            int iLog = t.suggestInt("i_log", 1, 1000, Scale.LOG);
            String s = t.suggestCategorical("c_str", "relu", "tanh", "gelu");
            Number n = t.suggestCategorical("c_num", 1, 2.5, 3L);
            Boolean b = t.suggestCategorical("c_bool", true, false);
            String maybe = t.suggestCategorical("c_null", "x", null);
            return (f - 1) * (f - 1) + Math.abs(Math.log10(fLog) + 1) + fStep + fDec + Math.abs(i - 3) / 10.0
                    + iStep / 40.0 + Math.log(iLog) / 7 + s.length() + n.doubleValue()
                    + (b ? 0 : 1) + (maybe == null ? 0.5 : 0);
        }), Run.trials(trials()));

        List<FrozenTrial> trials = completed(study, trials());
        for (FrozenTrial t : trials) {
            Map<String, Object> p = t.params();
            assertThat(p.get("f")).isInstanceOf(Double.class);
            assertThat((Double) p.get("f")).as("f of %s", t).isBetween(-2.5, 4.0);
            assertThat((Double) p.get("f_log")).as("f_log of %s", t).isBetween(1e-4, 10.0);
            assertThat((Double) p.get("f_step")).as("f_step of %s", t).isBetween(0.5, 3.0);
            assertThat((Double) p.get("f_step_decimal")).as("f_step_decimal of %s", t).isBetween(0.0, 1.0);
            assertThat(p.get("i")).isInstanceOf(Integer.class);
            assertThat((Integer) p.get("i")).as("i of %s", t).isBetween(-7, 12);
            assertThat(p.get("i_step")).isInstanceOf(Integer.class);
            assertThat((Integer) p.get("i_step")).as("i_step of %s", t).isBetween(3, 40);
            assertThat(p.get("i_log")).isInstanceOf(Integer.class);
            assertThat((Integer) p.get("i_log")).as("i_log of %s", t).isBetween(1, 1000);
            assertThat(p.get("c_str")).as("c_str of %s", t).isIn("relu", "tanh", "gelu");
            assertIsChoice(p.get("c_num"), List.of(1, 2.5, 3L), t);
            assertThat(p.get("c_bool")).as("c_bool of %s", t).isIn(true, false);
            assertThat(p).containsKey("c_null");
            assertThat(p.get("c_null")).as("c_null of %s", t).isIn("x", null);
        }
        // A sampler that always proposes the same value does not search: every parameter must vary.
        for (String name : List.of("f", "f_log", "f_step", "f_step_decimal", "i", "i_step", "i_log", "c_str",
                "c_num", "c_bool", "c_null")) {
            Set<Object> seen = new HashSet<>();
            trials.forEach(t -> seen.add(t.params().get(name)));
            assertThat(seen).as("distinct values of %s", name).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theStoredParametersAreTheOnesTheObjectiveSaw() {
        Study study = study(12);
        Map<Integer, Map<String, Object>> seen = new ConcurrentHashMap<>();
        study.optimize(objective(t -> {
            double x = t.suggestFloat("x", 0, 1);
            int k = t.suggestInt("k", 0, 9);
            String c = t.suggestCategorical("c", "a", "b", null);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("x", x);
            values.put("k", k);
            values.put("c", c);
            seen.put(t.number(), values);
            return x + k;
        }), Run.trials(trials()));

        for (FrozenTrial t : completed(study, trials())) {
            assertThat(t.params()).as("trial %d", t.number()).isEqualTo(seen.get(t.number()));
        }
    }

    // ---- step grids ----

    @Test
    void steppedValuesLieOnTheirGrid() {
        Study study = study(13);
        study.optimize(objective(t -> {
            double a = t.suggestFloat("a", 0.5, 3.0, 0.25);
            double b = t.suggestFloat("b", -1.0, 1.0, 0.1);
            double c = t.suggestFloat("c", 0.0, 1.0, 0.3);     // high is lowered to 0.9
            int d = t.suggestInt("d", 3, 40, 5);                 // 3, 8, ..., 38
            int e = t.suggestInt("e", -10, 10, 4);               // -10, -6, ..., 10
            return a + b + c + d / 10.0 + e / 10.0;
        }), Run.trials(trials()));

        for (FrozenTrial t : completed(study, trials())) {
            Map<String, Object> p = t.params();
            assertOnFloatGrid((Double) p.get("a"), 0.5, 3.0, 0.25, t);
            assertOnFloatGrid((Double) p.get("b"), -1.0, 1.0, 0.1, t);
            assertOnFloatGrid((Double) p.get("c"), 0.0, 0.9, 0.3, t);
            int d = (Integer) p.get("d");
            assertThat(d).as("d of %s", t).isBetween(3, 38);
            assertThat((d - 3) % 5).as("d of %s is 3 + k*5", t).isZero();
            int e = (Integer) p.get("e");
            assertThat(e).as("e of %s", t).isBetween(-10, 10);
            assertThat(Math.floorMod(e + 10, 4)).as("e of %s is -10 + k*4", t).isZero();
        }
    }

    private static void assertOnFloatGrid(double value, double low, double high, double step, FrozenTrial t) {
        assertThat(value).as("value of %s", t).isBetween(low, high);
        double k = (value - low) / step;
        assertThat(Math.abs(k - Math.rint(k))).as("%s = %s + k * %s in %s", value, low, step, t).isLessThan(1e-9);
    }

    // ---- log scale ----

    /**
     * The objective depends only on a linear parameter {@code y}, so the log-scaled ones carry no signal and
     * a sampler's own notion of their scale shows. Uniform in log space, about half of {@code [1e-5, 1e-1]}
     * lies below {@code 1e-3} (two of four decades) and half of {@code [1, 10000]} below 100; uniform in
     * linear space, about 1% does.
     *
     * <p>A model-based sampler does not stay uniform: it follows whatever its "good" trials happen to hold,
     * and with no signal that is noise, so in one run it may settle in any decade (Optuna's TPE puts fewer
     * than a quarter of 60 trials below {@code 1e-3} for most seeds). Pooled over six seeds, every decade is
     * reached by a sampler that works in log space, so the runs are pooled and the threshold is an eighth:
     * still twelve times what linear sampling gives. The seeds are fixed, so the check is deterministic.
     */
    @Test
    void logScaledParametersAreSpreadInLogSpace() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (long seed = 14; seed < 20; seed++) {
            Study study = study(seed);
            study.optimize(objective(t -> {
                t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
                t.suggestInt("units", 1, 10_000, Scale.LOG);
                double y = t.suggestFloat("y", 0, 1);
                return (y - 0.3) * (y - 0.3);
            }), Run.trials(trials()));
            trials.addAll(completed(study, trials()));
        }

        int eighth = trials.size() / 8;
        long smallLr = trials.stream().filter(t -> (Double) t.params().get("lr") < 1e-3).count();
        long fewUnits = trials.stream().filter(t -> (Integer) t.params().get("units") < 100).count();
        assertThat(smallLr).as("trials with lr < 1e-3 out of %d", trials.size()).isGreaterThanOrEqualTo(eighth);
        assertThat(fewUnits).as("trials with units < 100 out of %d", trials.size()).isGreaterThanOrEqualTo(eighth);
        // ... and not only in the lower half: the upper decades are reached as well
        assertThat(trials.stream().filter(t -> (Double) t.params().get("lr") > 1e-3).count())
                .as("trials with lr > 1e-3 out of %d", trials.size()).isGreaterThanOrEqualTo(eighth);
        assertThat(trials.stream().filter(t -> (Integer) t.params().get("units") > 100).count())
                .as("trials with units > 100 out of %d", trials.size()).isGreaterThanOrEqualTo(eighth);
    }

    // ---- seeds ----

    @Test
    void equalSeedsGiveEqualParametersPerTrialNumber() {
        List<Map<String, Object>> first = paramsByNumber(runMixedSpace(21, 1));
        List<Map<String, Object>> second = paramsByNumber(runMixedSpace(21, 1));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void equalSeedsGiveEqualParametersPerTrialNumberWithFourWorkers() {
        List<Map<String, Object>> first = paramsByNumber(runMixedSpace(22, 4));
        List<Map<String, Object>> second = paramsByNumber(runMixedSpace(22, 4));
        if (reproducibleWithWorkers()) {
            assertThat(second).isEqualTo(first);
        } else {
            // a sampler that learns from finished trials sees them in a timing-dependent order: it still must run
            // every trial, each with every parameter, under four workers
            assertThat(second).hasSameSizeAs(first).allSatisfy(params -> assertThat(params).hasSize(first.get(0).size()));
        }
    }

    @Test
    void differentSeedsGiveDifferentParameters() {
        List<Map<String, Object>> first = paramsByNumber(runMixedSpace(31, 1));
        List<Map<String, Object>> second = paramsByNumber(runMixedSpace(32, 1));
        int differing = 0;
        for (int n = 0; n < first.size(); n++) {
            if (!first.get(n).equals(second.get(n))) {
                differing++;
            }
        }
        assertThat(differing).as("trials whose parameters differ between seeds 31 and 32")
                .isGreaterThanOrEqualTo(first.size() / 2);
    }

    private Study runMixedSpace(long seed, int jobs) {
        Study study = study(seed);
        study.optimize(objective(t -> {
            double x = t.suggestFloat("x", -3, 3);
            double lr = t.suggestFloat("lr", 1e-4, 1, Scale.LOG);
            int k = t.suggestInt("k", 0, 20);
            String c = t.suggestCategorical("c", "a", "b", "c");
            Thread.yield(); // let the workers interleave
            return x * x + Math.abs(Math.log10(lr) + 2) + Math.abs(k - 7) + (c.equals("b") ? 0 : 1);
        }), Run.trials(trials()).jobs(jobs));
        return study;
    }

    // ---- define-by-run spaces ----

    @Test
    void conditionalParametersAppearOnlyInTheirBranch() {
        assumeThat(supportsDynamicSpace()).as("sampler declares no support for dynamic spaces").isTrue();
        Study study = study(41);
        study.optimize(objective(t -> {
            String model = t.suggestCategorical("model", "svm", "forest");
            if (model.equals("svm")) {
                return Math.abs(Math.log10(t.suggestFloat("svm_c", 1e-3, 1e3, Scale.LOG)));
            }
            return Math.abs(t.suggestInt("forest_depth", 2, 32) - 10) / 10.0;
        }), Run.trials(trials()));

        int svm = 0;
        int forest = 0;
        for (FrozenTrial t : completed(study, trials())) {
            if ("svm".equals(t.params().get("model"))) {
                svm++;
                assertThat(t.params()).as("%s", t).containsOnlyKeys("model", "svm_c");
                assertThat((Double) t.params().get("svm_c")).isBetween(1e-3, 1e3);
            } else {
                forest++;
                assertThat(t.params()).as("%s", t).containsOnlyKeys("model", "forest_depth");
                assertThat((Integer) t.params().get("forest_depth")).isBetween(2, 32);
            }
        }
        assertThat(svm).as("svm trials").isPositive();
        assertThat(forest).as("forest trials").isPositive();
    }

    @Test
    void loopBuiltSpacesGetOneParameterPerIteration() {
        assumeThat(supportsDynamicSpace()).as("sampler declares no support for dynamic spaces").isTrue();
        Study study = study(42);
        study.optimize(objective(t -> {
            int layers = t.suggestInt("n_layers", 1, 3);
            double score = 0;
            for (int i = 0; i < layers; i++) {
                score += Math.abs(Math.log(t.suggestInt("n_units_" + i, 4, 128, Scale.LOG)) - 3);
            }
            return score;
        }), Run.trials(trials()));

        Set<Integer> layerCounts = new HashSet<>();
        for (FrozenTrial t : completed(study, trials())) {
            int layers = (Integer) t.params().get("n_layers");
            layerCounts.add(layers);
            List<String> expected = new ArrayList<>(List.of("n_layers"));
            for (int i = 0; i < layers; i++) {
                expected.add("n_units_" + i);
                assertThat((Integer) t.params().get("n_units_" + i)).as("%s", t).isBetween(4, 128);
            }
            assertThat(t.params().keySet()).as("%s", t).containsExactlyElementsOf(expected);
        }
        assertThat(layerCounts).as("layer counts tried").hasSizeGreaterThan(1);
    }

    @Test
    void aRangeThatChangesBetweenTrialsIsRespectedInEachTrial() {
        assumeThat(supportsDynamicSpace()).as("sampler declares no support for dynamic spaces").isTrue();
        Study study = study(43);
        study.optimize(objective(t -> {
            int n = t.number();
            double x = t.suggestFloat("x", n, n + 1.0);
            int k = t.suggestInt("k", 0, n + 1);
            return x - n + k;
        }), Run.trials(trials()));

        for (FrozenTrial t : completed(study, trials())) {
            int n = t.number();
            assertThat((Double) t.params().get("x")).as("x of %s", t).isBetween((double) n, n + 1.0);
            assertThat((Integer) t.params().get("k")).as("k of %s", t).isBetween(0, n + 1);
        }
    }

    // ---- single-valued distributions ----

    @Test
    void aDistributionWithOneValueYieldsThatValue() {
        Study study = study(51);
        study.optimize(objective(t -> {
            assertThat(t.suggestFloat("f", 0.5, 0.5)).isEqualTo(0.5);
            assertThat(t.suggestFloat("f_log", 2.0, 2.0, Scale.LOG)).isEqualTo(2.0);
            assertThat(t.suggestFloat("f_step", 1.0, 1.05, 0.1)).isEqualTo(1.0);   // high is lowered to 1.0
            assertThat(t.suggestInt("i", 3, 3)).isEqualTo(3);
            assertThat(t.suggestInt("i_log", 7, 7, Scale.LOG)).isEqualTo(7);
            assertThat(t.suggestInt("i_step", 7, 8, 5)).isEqualTo(7);              // high is lowered to 7
            assertThat(t.suggestCategorical("c", "only")).isEqualTo("only");
            assertThat(t.suggestCategorical("c_null", (Object) null)).isNull();
            return t.suggestFloat("free", 0, 1);
        }), Run.trials(10));

        for (FrozenTrial t : completed(study, 10)) {
            assertThat(t.params()).containsEntry("f", 0.5).containsEntry("f_log", 2.0).containsEntry("f_step", 1.0)
                    .containsEntry("i", 3).containsEntry("i_log", 7).containsEntry("i_step", 7)
                    .containsEntry("c", "only").containsEntry("c_null", null);
        }
    }

    // ---- helpers for subclasses ----

    /** A study with the sampler {@code create(seed)} and the contract's {@link #directions()}. */
    protected final Study study(long seed) {
        return Tune.study().directions(directions()).sampler(create(seed)).create();
    }

    /** The function an objective evaluates: one score, spread over {@link #directions()} by {@link #objective}. */
    @FunctionalInterface
    protected interface Score {
        /** The score of one trial. */
        double of(Trial trial) throws Exception;
    }

    /**
     * An objective for the study's directions: the score itself for one objective; for several, the score for
     * even-numbered objectives and its negation for odd-numbered ones.
     */
    protected final Objective objective(Score score) {
        int n = directions().length;
        if (n == 1) {
            return score::of;
        }
        return Objective.multi(t -> {
            double s = score.of(t);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = i % 2 == 0 ? s : -s;
            }
            return values;
        });
    }

    /** The study's trials, asserting there are {@code expected} of them and that all completed. */
    protected static List<FrozenTrial> completed(Study study, int expected) {
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.stream().filter(t -> t.state() != TrialState.COMPLETE).map(FrozenTrial::toString).toList())
                .as("trials that did not complete").isEmpty();
        assertThat(trials).hasSize(expected);
        return trials;
    }

    /** The parameters of each trial, indexed by trial number. */
    protected static List<Map<String, Object>> paramsByNumber(Study study) {
        List<FrozenTrial> trials = new ArrayList<>(study.trials());
        trials.sort(Comparator.comparingInt(FrozenTrial::number));
        for (int i = 0; i < trials.size(); i++) {
            assertThat(trials.get(i).number()).isEqualTo(i);
        }
        return trials.stream().map(FrozenTrial::params).toList();
    }

    private static void assertIsChoice(Object value, List<Object> choices, FrozenTrial t) {
        assertThat(choices.stream().anyMatch(c -> c.equals(value) && c.getClass() == value.getClass()))
                .as("%s (a %s) is one of %s with the same type, in %s", value,
                        value == null ? null : value.getClass().getSimpleName(), choices, t)
                .isTrue();
    }
}
