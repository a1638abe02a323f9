package org.tunebook.samplers;

import java.util.SplittableRandom;

/**
 * A Parzen estimator over several parameters jointly (multivariate TPE): one product kernel per
 * observation plus a prior kernel. As in Optuna, every numeric kernel has the bandwidth
 * {@code 0.2 * n^(-1 / (d + 4))} times the range (Scott's rule as in BOHB), clipped like the univariate
 * one; the prior kernel is centred with the width of the range. Categorical dimensions use the smoothed
 * kernels of {@link CategoricalParzen}.
 */
final class MultivariateParzen {

    private static final double SIGMA0_MAGNITUDE = 0.2;
    private static final double NEGLIGIBLE = 45;

    private final ParzenSpace[] spaces;
    private final int components;
    private final double[] logWeight;
    private final double[] cumulative;
    /** Per dimension, per component: kernel centre (model space) or observed choice index (-1: prior). */
    private final double[][] mu;
    private final double[][] sigma;
    private final double[][] invSigma;
    /** Per dimension, per component: the log normalizer of the truncated kernel. */
    private final double[][] logNorm;
    /**
     * Per discrete numeric dimension, the distinct kernel centres and each component's index among them (-1
     * for the prior): observation kernels share one width, so a cell's mass depends on the centre alone and
     * is computed once per distinct value. Null where values are too many to gain from it.
     */
    private final double[][] distinctMu;
    private final int[][] muIndex;
    /** Per categorical dimension: log probability of the observed choice, and of any other choice. */
    private final double[] logHit;
    private final double[] logMiss;

    private MultivariateParzen(ParzenSpace[] spaces, int components) {
        this.spaces = spaces;
        this.components = components;
        int d = spaces.length;
        this.logWeight = new double[components];
        this.cumulative = new double[components];
        this.mu = new double[d][components];
        this.sigma = new double[d][components];
        this.invSigma = new double[d][components];
        this.logNorm = new double[d][components];
        this.logHit = new double[d];
        this.logMiss = new double[d];
        this.distinctMu = new double[d][];
        this.muIndex = new int[d][];
    }

    /** Indexes the distinct centres of a discrete dimension's observation kernels, when they are few. */
    private void indexDistinct(int j, int count) {
        double[] sorted = java.util.Arrays.copyOf(mu[j], count);
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        if (distinct > count / 2) {
            return;
        }
        double[] values = java.util.Arrays.copyOf(sorted, distinct);
        int[] index = new int[components];
        for (int i = 0; i < components; i++) {
            index[i] = i < count ? java.util.Arrays.binarySearch(values, mu[j][i]) : -1;
        }
        distinctMu[j] = values;
        muIndex[j] = index;
    }

    /**
     * The estimator over {@code observations[j][i]} (dimension {@code j}, observation {@code i}, model space)
     * with unnormalized {@code weights}, plus the prior kernel with {@code priorWeight}.
     */
    static MultivariateParzen of(ParzenSpace[] spaces, double[][] observations, double[] weights,
            double priorWeight, boolean magicClip) {
        int count = weights.length;
        int k = count + 1;
        MultivariateParzen p = new MultivariateParzen(spaces, k);
        double total = priorWeight;
        for (int i = 0; i < count; i++) {
            total += weights[i];
        }
        double running = 0;
        for (int i = 0; i < k; i++) {
            double w = (i < count ? weights[i] : priorWeight) / total;
            p.logWeight[i] = Math.log(w);
            running += w;
            p.cumulative[i] = running;
        }
        p.cumulative[k - 1] = Double.POSITIVE_INFINITY;
        int d = spaces.length;
        double sigma0 = SIGMA0_MAGNITUDE * Math.pow(Math.max(count, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            ParzenSpace s = spaces[j];
            if (s.isCategorical()) {
                double smoothing = priorWeight / (count + 1);
                double rowTotal = s.choices * smoothing + 1;
                p.logHit[j] = Math.log((smoothing + 1) / rowTotal);
                p.logMiss[j] = Math.log(smoothing / rowTotal);
                for (int i = 0; i < count; i++) {
                    p.mu[j][i] = observations[j][i];
                }
                p.mu[j][count] = -1;
                continue;
            }
            double range = s.high - s.low;
            double minSigma = magicClip ? range / Math.min(100.0, 1.0 + k) : 1e-12;
            double obsSigma = Math.min(range, Math.max(minSigma, sigma0 * range));
            for (int i = 0; i < k; i++) {
                double m = i < count ? observations[j][i] : 0.5 * (s.low + s.high);
                double sg = i < count ? obsSigma : range;
                p.mu[j][i] = m;
                p.sigma[j][i] = sg;
                p.invSigma[j][i] = 1 / sg;
                double logMass = NormalMath.logMass((s.low - m) / sg, (s.high - m) / sg);
                p.logNorm[j][i] = s.q > 0 ? -logMass : -logMass - Math.log(sg) - NormalMath.LOG_SQRT_2PI;
            }
            if (s.q > 0) {
                p.indexDistinct(j, count);
            }
        }
        return p;
    }

    /** One joint draw in model space (choice indices for categorical dimensions). */
    double[] sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int i = 0;
        while (cumulative[i] < u) {
            i++;
        }
        double[] x = new double[spaces.length];
        for (int j = 0; j < spaces.length; j++) {
            ParzenSpace s = spaces[j];
            if (s.isCategorical()) {
                x[j] = sampleChoice(j, i, rng);
            } else {
                double m = mu[j][i];
                double z = NormalMath.sampleTruncated((s.low - m) * invSigma[j][i], (s.high - m) * invSigma[j][i],
                        rng.nextDouble());
                x[j] = Math.min(s.high, Math.max(s.low, m + z * sigma[j][i]));
            }
        }
        return x;
    }

    private int sampleChoice(int j, int component, SplittableRandom rng) {
        int choices = spaces[j].choices;
        int observed = (int) mu[j][component];
        if (observed < 0) {
            return rng.nextInt(choices);
        }
        double hit = Math.exp(logHit[j]);
        double u = rng.nextDouble();
        if (u < hit) {
            return observed;
        }
        int other = (int) ((u - hit) / (1 - hit) * (choices - 1));
        other = Math.min(choices - 2, other);
        return other >= observed ? other + 1 : other;
    }

    /** The log density of a joint point (model space; grid values for discrete dimensions). */
    double logDensity(double[] x, double[] scratch) {
        double[] acc = scratch;
        System.arraycopy(logWeight, 0, acc, 0, components);
        for (int j = 0; j < spaces.length; j++) {
            ParzenSpace s = spaces[j];
            double xj = x[j];
            double[] m = mu[j];
            double[] norm = logNorm[j];
            if (s.isCategorical()) {
                int choice = (int) xj;
                double hit = logHit[j];
                double miss = logMiss[j];
                double uniform = -Math.log(s.choices);
                for (int i = 0; i < components; i++) {
                    int observed = (int) m[i];
                    acc[i] += observed < 0 ? uniform : observed == choice ? hit : miss;
                }
            } else if (s.q > 0) {
                double a = Math.max(s.low, xj - 0.5 * s.q);
                double b = Math.min(s.high, xj + 0.5 * s.q);
                double[] inv = invSigma[j];
                if (muIndex[j] != null) {
                    double[] values = distinctMu[j];
                    double[] cell = new double[values.length];
                    double obsInv = inv[0];
                    for (int v = 0; v < values.length; v++) {
                        cell[v] = NormalMath.logMass((a - values[v]) * obsInv, (b - values[v]) * obsInv);
                    }
                    int[] index = muIndex[j];
                    for (int i = 0; i < components; i++) {
                        acc[i] += norm[i] + (index[i] >= 0 ? cell[index[i]]
                                : NormalMath.logMass((a - m[i]) * inv[i], (b - m[i]) * inv[i]));
                    }
                } else {
                    for (int i = 0; i < components; i++) {
                        acc[i] += norm[i] + NormalMath.logMass((a - m[i]) * inv[i], (b - m[i]) * inv[i]);
                    }
                }
            } else {
                double[] inv = invSigma[j];
                for (int i = 0; i < components; i++) {
                    double z = (xj - m[i]) * inv[i];
                    acc[i] += norm[i] - 0.5 * z * z;
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < components; i++) {
            if (acc[i] > max) {
                max = acc[i];
            }
        }
        double floor = max - NEGLIGIBLE;
        double sum = 0;
        for (int i = 0; i < components; i++) {
            if (acc[i] > floor) {
                sum += NormalMath.expNeg(max - acc[i]);
            }
        }
        return max + Math.log(sum);
    }

    int components() {
        return components;
    }
}
