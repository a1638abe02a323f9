package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.Tune;

/**
 * The random sampler: the sampler contract, plus checks that its draws are uniform (in log space for log
 * parameters) and that a seed fixes the values of each trial number whatever the number of workers and the
 * order in which parameters are asked for.
 *
 * <p>Uniformity is judged with Pearson's chi-square statistic over equally likely buckets, against the
 * 0.9999 quantile of the chi-square distribution: a correct sampler stays below it for all but one seed in
 * ten thousand, and the seeds here are fixed, so the tests are deterministic; a sampler that favours a
 * region (an edge, say) exceeds it by far.
 */
class RandomSamplerTest extends SamplerContractTest {

    private static final int DRAWS = 2000;

    @Override
    protected Sampler create(long seed) {
        return new RandomSampler(seed);
    }

    @Test
    void floatIntAndCategoricalDrawsAreUniform() {
        Study study = study(7);
        study.optimize(t -> {
            t.suggestFloat("f", -1.0, 4.0);
            t.suggestInt("i", 1, 6);
            t.suggestCategorical("c", "a", "b", "c", "d");
            t.suggestFloat("f_step", 0.0, 1.0, 0.25);
            t.suggestInt("i_step", 0, 10, 3);
            return 0;
        }, Run.trials(DRAWS));
        List<FrozenTrial> trials = completed(study, DRAWS);

        // f: 10 buckets of width 0.5 over [-1, 4)
        long[] f = new long[10];
        trials.forEach(t -> f[(int) (((Double) t.params().get("f") + 1.0) / 0.5)]++);
        assertThat(chiSquare(f)).as("chi-square of f over 10 buckets %s", Arrays.toString(f))
                .isLessThan(chi2Quantile9999(9));

        long[] i = new long[6];
        trials.forEach(t -> i[(Integer) t.params().get("i") - 1]++);
        assertThat(chiSquare(i)).as("chi-square of i over 1..6 %s", Arrays.toString(i))
                .isLessThan(chi2Quantile9999(5));

        List<String> choices = List.of("a", "b", "c", "d");
        long[] c = new long[4];
        trials.forEach(t -> c[choices.indexOf((String) t.params().get("c"))]++);
        assertThat(chiSquare(c)).as("chi-square of c %s", Arrays.toString(c)).isLessThan(chi2Quantile9999(3));

        // Grid points, including both ends, are equally likely: an implementation that rounds a continuous
        // draw would give the end points half the weight of the inner ones.
        long[] fs = new long[5];
        trials.forEach(t -> fs[(int) Math.round((Double) t.params().get("f_step") / 0.25)]++);
        assertThat(chiSquare(fs)).as("chi-square of f_step over 0, 0.25, ..., 1 %s", Arrays.toString(fs))
                .isLessThan(chi2Quantile9999(4));

        long[] is = new long[4];
        trials.forEach(t -> is[(Integer) t.params().get("i_step") / 3]++);
        assertThat(chiSquare(is)).as("chi-square of i_step over 0, 3, 6, 9 %s", Arrays.toString(is))
                .isLessThan(chi2Quantile9999(3));
    }

    /** Stepped floats are the decimal grid points, as a grid over the same declared space enumerates them. */
    @Test
    void steppedFloatsAreTheDecimalGridPoints() {
        Space space = Space.builder().floatRange("x", 0.0, 1.0, 0.1).floatRange("y", -0.5, 0.5, 0.3).build();
        Set<Object> xGrid = new HashSet<>(space.gridValues().get("x"));
        Set<Object> yGrid = new HashSet<>(space.gridValues().get("y"));
        assertThat(xGrid).contains(0.3, 0.7, 1.0);
        Study study = study(9);
        study.optimize(space, p -> p.getDouble("x") + p.getDouble("y"), Run.trials(200));
        Set<Object> xs = new HashSet<>();
        Set<Object> ys = new HashSet<>();
        completed(study, 200).forEach(t -> {
            xs.add(t.params().get("x"));
            ys.add(t.params().get("y"));
        });
        assertThat(xs).isEqualTo(xGrid);
        assertThat(ys).isEqualTo(yGrid);
    }

    /** Ranges whose width overflows a double, and grids with more points than a long can count, still work. */
    @Test
    void extremeRangesStayInsideTheirBounds() {
        Study study = study(10);
        study.optimize(t -> {
            double wide = t.suggestFloat("wide", -Double.MAX_VALUE, Double.MAX_VALUE);
            double fine = t.suggestFloat("fine", 0.0, 1.0, 1e-300);
            t.suggestFloat("wide_step", -Double.MAX_VALUE, Double.MAX_VALUE, 1.0);
            int ints = t.suggestInt("ints", Integer.MIN_VALUE, Integer.MAX_VALUE);
            return Math.signum(wide) + fine + Math.signum(ints);
        }, Run.trials(50));
        Set<Double> signs = new HashSet<>();
        for (FrozenTrial t : completed(study, 50)) {
            double wide = (Double) t.params().get("wide");
            assertThat(wide).as("wide of %s", t).isBetween(-Double.MAX_VALUE, Double.MAX_VALUE);
            signs.add(Math.signum(wide));
            assertThat((Double) t.params().get("fine")).as("fine of %s", t).isBetween(0.0, 1.0);
            assertThat((Double) t.params().get("wide_step")).as("wide_step of %s", t)
                    .isBetween(-Double.MAX_VALUE, Double.MAX_VALUE);
        }
        assertThat(signs).as("signs of the wide draws").contains(-1.0, 1.0);
    }

    @Test
    void logFloatDrawsAreUniformPerDecade() {
        Study study = study(8);
        study.optimize(t -> t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG), Run.trials(DRAWS));
        long[] decades = new long[4];
        completed(study, DRAWS).forEach(t -> {
            double lr = (Double) t.params().get("lr");
            decades[Math.min(3, (int) Math.floor(Math.log10(lr) + 5))]++;
        });
        assertThat(chiSquare(decades)).as("chi-square of lr over four decades %s", Arrays.toString(decades))
                .isLessThan(chi2Quantile9999(3));
    }

    @Test
    void aSeededRunGivesTheSameValuesWithOneWorkerAsWithFour() {
        List<Map<String, Object>> sequential = paramsByNumber(run(99, 1));
        List<Map<String, Object>> parallel = paramsByNumber(run(99, 4));
        assertThat(parallel).isEqualTo(sequential);
    }

    private Study run(long seed, int jobs) {
        Study study = study(seed);
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            Thread.yield();
            return x + t.suggestInt("k", 0, 100);
        }, Run.trials(80).jobs(jobs));
        return study;
    }

    @Test
    void aTrialsValuesDoNotDependOnTheOrderParametersAreAskedIn() {
        Study xFirst = study(5);
        xFirst.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 0, 1000), Run.trials(20));
        Study kFirst = study(5);
        kFirst.optimize(t -> t.suggestInt("k", 0, 1000) + t.suggestFloat("x", 0, 1), Run.trials(20));
        assertThat(paramsByNumber(kFirst)).isEqualTo(paramsByNumber(xFirst));
    }

    /**
     * "Aa" and "BB" have the same {@link String#hashCode()}; parameters of one trial must still be drawn
     * independently, so two parameters with equal ranges must not get equal values.
     */
    @Test
    void parametersWithCollidingHashCodesAreDrawnIndependently() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Study study = study(3);
        study.optimize(t -> t.suggestFloat("Aa", 0, 1) + t.suggestFloat("BB", 0, 1), Run.trials(20));
        long equal = completed(study, 20).stream()
                .filter(t -> t.params().get("Aa").equals(t.params().get("BB"))).count();
        assertThat(equal).as("trials where Aa == BB").isZero();
    }

    @Test
    void anUnseededSamplerGivesDifferentRuns() {
        Study a = Tune.study().sampler(new RandomSampler()).create();
        Study b = Tune.study().sampler(new RandomSampler()).create();
        a.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(5));
        b.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(5));
        Set<Object> values = new HashSet<>();
        a.trials().forEach(t -> values.add(t.params().get("x")));
        b.trials().forEach(t -> values.add(t.params().get("x")));
        assertThat(values).hasSize(10);
    }

    @Test
    void keepsItsSeed() {
        assertThat(new RandomSampler(1234).seed()).isEqualTo(1234);
        assertThat(new RandomSampler(1234).toString()).contains("1234");
    }

    /** The 0.9999 quantile of the chi-square distribution with {@code df} degrees of freedom. */
    private static double chi2Quantile9999(int df) {
        return new ChiSquaredDistribution(df).inverseCumulativeProbability(0.9999);
    }

    private static double chiSquare(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double expected = (double) total / counts.length;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }
}
