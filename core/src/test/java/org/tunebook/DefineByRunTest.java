package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/** Parameters defined by running code: {@code trial.suggest…}. */
class DefineByRunTest {

    private static Study study(long seed) {
        return Tune.study().storage(new InMemoryStorage()).sampler(new RandomSampler(seed)).create();
    }

    /** Asks n trials, applies the suggestion to each and tells 0; returns the suggested values. */
    private static <T> List<T> suggestMany(Study study, int n, java.util.function.Function<Trial, T> suggestion) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trial t = study.ask();
            values.add(suggestion.apply(t));
            study.tell(t, 0);
        }
        return values;
    }

    @Test
    void suggestFloatLinearStaysInRangeAndSpreadsEvenly() {
        List<Double> xs = suggestMany(study(1), 400, t -> t.suggestFloat("x", -2.0, 6.0));
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(-2.0, 6.0));
        // a uniform draw on [-2, 6] falls below the midpoint 2 about half the time
        long below = xs.stream().filter(x -> x < 2.0).count();
        assertThat(below).isBetween(140L, 260L);
        assertThat(new HashSet<>(xs)).hasSizeGreaterThan(390); // continuous: (almost) no repeats
    }

    @Test
    void suggestFloatLogSpreadsEvenlyOnTheLogScale() {
        List<Double> xs = suggestMany(study(2), 400, t -> t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG));
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(1e-5, 1e-1));
        // the log-midpoint is 1e-3: on a log scale half the values lie below it (a linear scale would put ~1% there)
        long below = xs.stream().filter(x -> x < 1e-3).count();
        assertThat(below).isBetween(140L, 260L);
        // each decade gets about a quarter
        long firstDecade = xs.stream().filter(x -> x < 1e-4).count();
        assertThat(firstDecade).isBetween(60L, 150L);
    }

    @Test
    void suggestFloatLinearScaleIsTheDefault() {
        Study study = study(3);
        List<Double> xs = suggestMany(study, 200, t -> t.suggestFloat("x", 1e-5, 1e-1, Scale.LINEAR));
        assertThat(xs.stream().filter(x -> x < 1e-3).count()).isLessThan(15L);
        assertThat(study.trial(0).distributions().get("x")).isEqualTo(new FloatDistribution(1e-5, 1e-1, false, null));
    }

    @Test
    void suggestFloatWithStepStaysOnTheGrid() {
        List<Double> xs = suggestMany(study(4), 200, t -> t.suggestFloat("x", 0.0, 1.0, 0.25));
        Set<Double> grid = Set.of(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(xs).allSatisfy(x -> assertThat(grid).contains(x));
        assertThat(new HashSet<>(xs)).isEqualTo(grid); // 200 draws over 5 points reach every point
    }

    @Test
    void suggestFloatWithStepLowersHighOntoTheGrid() {
        // 0, 0.3, 0.6, 0.9: 1.0 is not on the grid, so the last point is 0.9 (Optuna's adjustment)
        List<Double> xs = suggestMany(study(5), 200, t -> t.suggestFloat("x", 0.0, 1.0, 0.3));
        assertThat(xs).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(0.9 + 1e-12));
        assertThat(xs.stream().map(x -> Math.round(x * 10)).distinct().sorted().toList()).containsExactly(0L, 3L, 6L, 9L);
    }

    @Test
    void suggestIntLinearCoversTheRangeAndReturnsInts() {
        Study study = study(6);
        List<Integer> xs = suggestMany(study, 300, t -> t.suggestInt("n", 3, 8));
        assertThat(new HashSet<>(xs)).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8);
        assertThat(study.trial(0).params().get("n")).isInstanceOf(Integer.class);
    }

    @Test
    void suggestIntWithStepStaysOnTheGrid() {
        List<Integer> xs = suggestMany(study(7), 300, t -> t.suggestInt("n", 10, 50, 10));
        assertThat(new HashSet<>(xs)).containsExactlyInAnyOrder(10, 20, 30, 40, 50);
        List<Integer> ys = suggestMany(study(8), 300, t -> t.suggestInt("n", 0, 10, 4));
        assertThat(new HashSet<>(ys)).containsExactlyInAnyOrder(0, 4, 8);
    }

    @Test
    void suggestIntLogFavoursSmallValues() {
        List<Integer> xs = suggestMany(study(9), 400, t -> t.suggestInt("units", 1, 1000, Scale.LOG));
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(1, 1000));
        // uniform in log: about half below sqrt(1000) ~ 32 (a linear scale would put ~3% there)
        long small = xs.stream().filter(x -> x <= 31).count();
        assertThat(small).isBetween(140L, 260L);
    }

    @Test
    void suggestCategoricalReturnsTheChoicesThemselves() {
        Study study = study(10);
        List<String> strings = suggestMany(study, 100, t -> t.suggestCategorical("s", "relu", "tanh", "gelu"));
        assertThat(new HashSet<>(strings)).containsExactlyInAnyOrder("relu", "tanh", "gelu");

        List<Object> numbers = suggestMany(study(11), 100, t -> t.suggestCategorical("n", 1, 2.5, 100L));
        assertThat(numbers).allSatisfy(n -> assertThat(n).isIn(1, 2.5, 100L));
        assertThat(numbers).anySatisfy(n -> assertThat(n).isInstanceOf(Integer.class).isEqualTo(1));
        assertThat(numbers).anySatisfy(n -> assertThat(n).isInstanceOf(Double.class).isEqualTo(2.5));
        assertThat(numbers).anySatisfy(n -> assertThat(n).isInstanceOf(Long.class).isEqualTo(100L));

        List<Boolean> bools = suggestMany(study(12), 100, t -> t.suggestCategorical("b", true, false));
        assertThat(new HashSet<>(bools)).containsExactlyInAnyOrder(true, false);

        Study withNull = study(13);
        List<Object> maybe = suggestMany(withNull, 100, t -> t.suggestCategorical("m", Arrays.asList("x", null)));
        assertThat(maybe).contains("x");
        assertThat(maybe).containsNull();
        // a trial that drew null keeps the null parameter (present, with a null value) in storage
        FrozenTrial nullTrial = withNull.trials().stream().filter(t -> t.params().get("m") == null).findFirst()
                .orElseThrow();
        assertThat(nullTrial.params()).containsKey("m");
        assertThat(nullTrial.distributions().get("m")).isEqualTo(new CategoricalDistribution(Arrays.asList("x", null)));
    }

    @Test
    void suggestCategoricalWithOneChoiceReturnsIt() {
        Study study = study(14);
        Trial t = study.ask();
        assertThat(t.suggestCategorical("only", "a")).isEqualTo("a");
        assertThat(t.suggestInt("fixed", 5, 5)).isEqualTo(5);
        assertThat(t.suggestFloat("f", 2.5, 2.5)).isEqualTo(2.5);
    }

    @Test
    void parametersAreStoredWithTheirDistributions() {
        Study study = study(15);
        Trial t = study.ask();
        double lr = t.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
        int n = t.suggestInt("n", 1, 9, 2);
        String act = t.suggestCategorical("act", "relu", "tanh");
        study.tell(t, 1.0);
        FrozenTrial f = study.trial(0);
        assertThat(f.params()).containsExactly(
                org.assertj.core.api.Assertions.entry("lr", lr),
                org.assertj.core.api.Assertions.entry("n", n),
                org.assertj.core.api.Assertions.entry("act", act));
        assertThat(f.distributions()).containsEntry("lr", new FloatDistribution(1e-4, 1e-1, true, null))
                .containsEntry("n", new IntDistribution(1, 9, false, 2))
                .containsEntry("act", new CategoricalDistribution(List.of("relu", "tanh")));
        assertThat(t.params()).isEqualTo(f.params());
    }

    @Test
    void conditionalSpacesOnlyHoldTheTakenBranch() {
        Study study = study(16);
        study.optimize(t -> {
            String kind = t.suggestCategorical("classifier", "svm", "forest");
            if (kind.equals("svm")) {
                return t.suggestFloat("svm_c", 1e-3, 1e3, Scale.LOG);
            }
            return t.suggestInt("forest_depth", 2, 32);
        }, 40);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(40);
        assertThat(trials).anySatisfy(t -> assertThat(t.params().get("classifier")).isEqualTo("svm"));
        assertThat(trials).anySatisfy(t -> assertThat(t.params().get("classifier")).isEqualTo("forest"));
        for (FrozenTrial t : trials) {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            if (t.params().get("classifier").equals("svm")) {
                assertThat(t.params().keySet()).containsExactly("classifier", "svm_c");
            } else {
                assertThat(t.params().keySet()).containsExactly("classifier", "forest_depth");
            }
        }
    }

    @Test
    void loopBuiltSpacesHaveOneParameterPerIteration() {
        Study study = study(17);
        study.optimize(t -> {
            int layers = t.suggestInt("n_layers", 1, 4);
            double total = 0;
            for (int i = 0; i < layers; i++) {
                total += t.suggestInt("units_l" + i, 4, 128, Scale.LOG);
            }
            return total;
        }, 30);
        for (FrozenTrial t : study.trials()) {
            int layers = (Integer) t.params().get("n_layers");
            assertThat(t.params()).hasSize(layers + 1);
            for (int i = 0; i < layers; i++) {
                assertThat(t.params()).containsKey("units_l" + i);
            }
            double sum = 0;
            for (int i = 0; i < layers; i++) {
                sum += (Integer) t.params().get("units_l" + i);
            }
            assertThat(t.value()).isEqualTo(sum);
        }
        assertThat(study.trials()).extracting(t -> t.params().get("n_layers")).contains(1, 4);
    }

    @Test
    void theSameNameTwiceReturnsTheSameValue() {
        Study study = study(18);
        for (int i = 0; i < 20; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", 0, 1);
            assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(x);
            // a compatible redefinition with another range also returns the first value, as in Optuna
            assertThat(t.suggestFloat("x", 5, 6)).isEqualTo(x);
            int n = t.suggestInt("n", 0, 1000);
            assertThat(t.suggestInt("n", 0, 1000)).isEqualTo(n);
            String c = t.suggestCategorical("c", "a", "b", "c");
            assertThat(t.suggestCategorical("c", "a", "b", "c")).isEqualTo(c);
            study.tell(t, 0);
            assertThat(study.trial(t.number()).params()).hasSize(3);
        }
    }

    @Test
    void anIncompatibleRedefinitionInATrialNamesTheParameter() {
        Study study = study(19);
        Trial t = study.ask();
        t.suggestFloat("alpha", 0, 1);
        assertThatThrownBy(() -> t.suggestInt("alpha", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alpha'");
        assertThatThrownBy(() -> t.suggestFloat("alpha", 0.1, 1, Scale.LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alpha'")
                .hasMessageContaining("log");
        t.suggestCategorical("opt", "sgd", "adam");
        assertThatThrownBy(() -> t.suggestCategorical("opt", "sgd", "adamw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'opt'");
    }

    @Test
    void anIncompatibleRedefinitionAcrossTrialsNamesTheParameter() {
        Study study = study(20);
        Trial first = study.ask();
        first.suggestInt("depth", 1, 10);
        first.suggestCategorical("loss", "l1", "l2");
        study.tell(first, 1);

        Trial second = study.ask();
        // a new range of the same kind is fine
        assertThat(second.suggestInt("depth", 20, 30)).isBetween(20, 30);
        assertThatThrownBy(() -> second.suggestFloat("loss", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loss'");
        assertThatThrownBy(() -> second.suggestCategorical("loss", "l1", "huber"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loss'");
        // the rejected definitions left nothing behind
        study.tell(second, 2);
        assertThat(study.trial(1).params().keySet()).containsExactly("depth");
    }

    @Test
    void theGeneralSuggestTakesAnyDistribution() {
        Study study = study(21);
        Trial t = study.ask();
        Object x = t.suggest("x", new FloatDistribution(0, 1));
        Object n = t.suggest("n", new IntDistribution(1, 3));
        Object c = t.suggest("c", new CategoricalDistribution(List.of("a", "b")));
        assertThat(x).isInstanceOf(Double.class);
        assertThat(n).isInstanceOf(Integer.class);
        assertThat(c).isIn("a", "b");
        assertThatThrownBy(() -> t.suggest("", new FloatDistribution(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> t.suggest(null, new FloatDistribution(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
