package org.tunebook.samplers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One CMA-ES run as an ask-and-tell state machine on the unit cube {@code [0, 1]^n} (Hansen's 2016 tutorial,
 * "The CMA Evolution Strategy", with negative recombination weights, as the {@code cmaes} library Optuna uses):
 * {@link #ask} draws a candidate from {@code N(m, sigma^2 S C S)}, {@link #tell} updates the mean, step size,
 * covariance and evolution paths from one generation's ranked candidates, and {@link #shouldStop} says when the
 * run has converged, for restarts.
 *
 * <p>{@code S} is a diagonal of per-coordinate scales, 1 except on discrete coordinates, where the margin
 * correction (after Hamano et al., "CMA-ES with margin", GECCO 2022) raises it, and may move the mean, so that
 * each integer keeps a probability of at least {@code margin} of moving to a neighbouring value: without it,
 * the distribution shrinks inside one integer's cell and that parameter stops changing for good.
 *
 * <p>The state is plain data ({@link State}) so that it can be stored as JSON and restored; the strategy's
 * constants are derived again from the dimension and population size.
 */
final class CmaEs {

    private static final double SIGMA_MAX = 1e32;
    private static final double EIGEN_FLOOR = 1e-20;
    private static final double TOL_FUN = 1e-12;
    private static final double TOL_X_FACTOR = 1e-12;
    private static final double TOL_X_UP = 1e4;
    private static final double TOL_CONDITION = 1e14;
    private static final int RESAMPLES = 100;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** Everything that changes during a run, stored as JSON by {@link CmaStore}. */
    static final class State {
        int restart;
        int generation;
        int popsize;
        double sigma0;
        double sigma;
        double margin;
        double[] mean;
        double[][] cov;
        double[] pSigma;
        double[] pC;
        double[] scale;
        boolean[] discrete;
        /** The best and worst value of each recent generation, a ring of {@code 2 * funHistTerm}. */
        double[] funHist;
        String[] names;
        /** The distributions of {@link #names}, as text: the space this run searches. */
        String[] space;
    }

    final State s;
    private final int n;
    private final double[] weights;
    private final int mu;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cC;
    private final double c1;
    private final double cMu;
    private final double chiN;
    private final int funHistTerm;
    private double[][] b;
    private double[] d;

    CmaEs(State state) {
        this.s = state;
        this.n = state.mean.length;
        int lambda = state.popsize;
        mu = lambda / 2;
        double[] raw = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        }
        double sumPos = 0;
        double sumPosSq = 0;
        double sumNeg = 0;
        double sumNegSq = 0;
        for (double w : raw) {
            if (w > 0) {
                sumPos += w;
                sumPosSq += w * w;
            } else {
                sumNeg -= w;
                sumNegSq += w * w;
            }
        }
        muEff = sumPos * sumPos / sumPosSq;
        double muEffMinus = sumNegSq > 0 ? sumNeg * sumNeg / sumNegSq : 0;
        double alphaCov = 2;
        c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
        cMu = Math.min(1 - c1 - 1e-8, alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2.0) * (n + 2.0) + alphaCov * muEff / 2));
        double alphaMinus = Math.min(1 + c1 / cMu, Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (n * cMu)));
        weights = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            weights[i] = raw[i] > 0 ? raw[i] / sumPos : sumNeg > 0 ? alphaMinus * raw[i] / sumNeg : 0;
        }
        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        funHistTerm = funHistTerm(n, lambda);
    }

    /** A new run: mean {@code mean}, step size {@code sigma0}, identity covariance. */
    static State start(String[] names, String[] space, boolean[] discrete, double[] mean, double sigma0, int popsize,
            int restart) {
        int n = mean.length;
        State st = new State();
        st.restart = restart;
        st.popsize = popsize;
        st.sigma0 = sigma0;
        st.sigma = sigma0;
        st.margin = 1.0 / (n * popsize); // the default of Hamano et al. and of the cmaes library
        st.mean = mean.clone();
        st.cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            st.cov[i][i] = 1;
        }
        st.pSigma = new double[n];
        st.pC = new double[n];
        st.scale = new double[n];
        Arrays.fill(st.scale, 1);
        st.discrete = discrete.clone();
        st.funHist = new double[2 * funHistTerm(n, popsize)];
        st.names = names.clone();
        st.space = space.clone();
        return st;
    }

    /** The default population size of a run in {@code n} dimensions: {@code 4 + floor(3 ln n)}. */
    static int defaultPopsize(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    private static int funHistTerm(int n, int popsize) {
        return 10 + (int) Math.ceil(30.0 * n / popsize);
    }

    // ---- ask ----

    /**
     * A candidate in the unit cube: drawn from the search distribution, again (up to 100 times) while it
     * falls outside the cube, and then clipped into it, as the {@code cmaes} library does.
     */
    double[] ask(SplittableRandom rng) {
        eigen();
        double[] x = new double[n];
        for (int attempt = 0; attempt < RESAMPLES; attempt++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = d[i] * rng.nextGaussian();
            }
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int k = 0; k < n; k++) {
                    y += b[i][k] * z[k];
                }
                x[i] = s.mean[i] + s.sigma * s.scale[i] * y;
                inside &= x[i] >= 0 && x[i] <= 1;
            }
            if (inside) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(1, Math.max(0, x[i]));
        }
        return x;
    }

    // ---- tell ----

    /**
     * Updates the distribution from one generation: {@code xs[k]} the candidates asked for, {@code losses[k]}
     * their values (lower is better); exactly {@code popsize} of them.
     */
    void tell(double[][] xs, double[] losses) {
        int lambda = s.popsize;
        if (xs.length != lambda || losses.length != lambda) {
            throw new IllegalArgumentException("a generation needs " + lambda + " candidates, got " + xs.length);
        }
        eigen();
        Integer[] order = new Integer[lambda];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (p, q) -> Double.compare(losses[p], losses[q]));
        double[][] y = new double[lambda][n];
        for (int r = 0; r < lambda; r++) {
            double[] x = xs[order[r]];
            for (int i = 0; i < n; i++) {
                y[r][i] = (x[i] - s.mean[i]) / (s.sigma * s.scale[i]);
            }
        }
        double[] yw = new double[n];
        for (int r = 0; r < mu; r++) {
            for (int i = 0; i < n; i++) {
                yw[i] += weights[r] * y[r][i];
            }
        }
        for (int i = 0; i < n; i++) {
            s.mean[i] += s.sigma * s.scale[i] * yw[i];
        }
        double[] cInvSqrtYw = invSqrt(yw);
        double psFactor = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        double psNorm2 = 0;
        for (int i = 0; i < n; i++) {
            s.pSigma[i] = (1 - cSigma) * s.pSigma[i] + psFactor * cInvSqrtYw[i];
            psNorm2 += s.pSigma[i] * s.pSigma[i];
        }
        double psNorm = Math.sqrt(psNorm2);
        s.generation++;
        double hSigmaBound = (1.4 + 2.0 / (n + 1)) * chiN;
        boolean hSigma = psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (s.generation + 1))) < hSigmaBound;
        double pcFactor = hSigma ? Math.sqrt(cC * (2 - cC) * muEff) : 0;
        for (int i = 0; i < n; i++) {
            s.pC[i] = (1 - cC) * s.pC[i] + pcFactor * yw[i];
        }
        // rank-mu weights; a negative weight is rescaled by n / |C^-1/2 y|^2 so that C stays positive definite
        double[] wc = new double[lambda];
        double sumW = 0;
        for (int r = 0; r < lambda; r++) {
            sumW += weights[r];
            if (weights[r] >= 0) {
                wc[r] = weights[r];
            } else {
                double[] v = invSqrt(y[r]);
                double norm2 = 0;
                for (double e : v) {
                    norm2 += e * e;
                }
                wc[r] = norm2 > 0 ? weights[r] * n / norm2 : 0;
            }
        }
        double delta = hSigma ? 0 : cC * (2 - cC);
        double keep = 1 + c1 * delta - c1 - cMu * sumW;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double rankMu = 0;
                for (int r = 0; r < lambda; r++) {
                    rankMu += wc[r] * y[r][i] * y[r][k];
                }
                double v = keep * s.cov[i][k] + c1 * s.pC[i] * s.pC[k] + cMu * rankMu;
                s.cov[i][k] = v;
                s.cov[k][i] = v;
            }
        }
        s.sigma = Math.min(SIGMA_MAX, s.sigma * Math.exp(cSigma / dSigma * (psNorm / chiN - 1)));
        int slot = 2 * ((s.generation - 1) % funHistTerm);
        s.funHist[slot] = losses[order[0]];
        s.funHist[slot + 1] = losses[order[lambda - 1]];
        b = null;
        applyMargin();
    }

    /** {@code C^-1/2 v = B D^-1 B^T v}. */
    private double[] invSqrt(double[] v) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += b[i][k] * v[i];
            }
            t[k] = dot / d[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += b[i][k] * t[k];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * {@code C = B D^2 B^T}, with the covariance made symmetric; tiny or negative eigenvalues are raised, the
     * covariance rebuilt from them and decomposed again, so that {@code B} and {@code D} are always those of the
     * covariance held (and stored): a restored state draws exactly what the original would have.
     */
    private void eigen() {
        if (b != null) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            RealMatrix c = new Array2DRowRealMatrix(s.cov);
            c = c.add(c.transpose()).scalarMultiply(0.5);
            EigenDecomposition e = new EigenDecomposition(c);
            double[] values = e.getRealEigenvalues();
            b = e.getV().getData();
            d = new double[n];
            boolean repaired = false;
            for (int k = 0; k < n; k++) {
                if (!(values[k] >= EIGEN_FLOOR)) {
                    values[k] = EIGEN_FLOOR;
                    repaired = true;
                }
                d[k] = Math.sqrt(values[k]);
            }
            s.cov = c.getData();
            if (!repaired) {
                return;
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += b[i][j] * values[j] * b[k][j];
                    }
                    s.cov[i][k] = sum;
                }
            }
        }
    }

    // ---- margin ----

    /** The cell edges of the value a discrete coordinate stands for (see {@link CmaSpace#cell}). */
    interface Cells {
        double[] cell(int j, double u);
    }

    private Cells cells;

    void cells(Cells cells) {
        this.cells = cells;
    }

    /**
     * The margin correction: for each discrete coordinate, with marginal standard deviation
     * {@code sd = sigma * scale * sqrt(C_jj)} and the mean in the cell {@code [lo, up]} of one value,
     * <ul>
     *   <li>when the value has neighbours on both sides, the scale is raised as far as needed (and set back
     *   towards 1 when no longer needed) for each neighbour to keep a probability of at least
     *   {@code margin / 2};</li>
     *   <li>when it is the lowest or highest value, the mean is moved towards the one edge until crossing it has
     *   a probability of at least {@code margin}.</li>
     * </ul>
     * This is a simplification of Hamano et al.'s correction (which solves for the mean and scale together
     * so that both tails get what they lack); it keeps their guarantee, a floor on the probability of leaving the
     * mean's value, which is what stops the search from freezing an integer.
     */
    private void applyMargin() {
        if (cells == null) {
            return;
        }
        double zSide = NORMAL.inverseCumulativeProbability(1 - s.margin / 2);
        double zEdge = NORMAL.inverseCumulativeProbability(1 - s.margin);
        for (int j = 0; j < n; j++) {
            if (!s.discrete[j]) {
                continue;
            }
            double m = s.mean[j];
            double base = s.sigma * Math.sqrt(Math.max(s.cov[j][j], EIGEN_FLOOR));
            double[] cell = cells.cell(j, m);
            double lo = cell[0];
            double up = cell[1];
            if (Double.isInfinite(lo) && Double.isInfinite(up)) {
                continue; // a single value: nothing to keep apart
            }
            if (!Double.isInfinite(lo) && !Double.isInfinite(up)) {
                double needed = Math.max(m - lo, up - m) / zSide;
                s.scale[j] = Math.max(1, needed / base);
            } else {
                s.scale[j] = 1;
                double sd = base;
                if (Double.isInfinite(lo) && m < up - sd * zEdge) {
                    s.mean[j] = up - sd * zEdge; // lowest value: move up until crossing up has probability margin
                } else if (Double.isInfinite(up) && m > lo + sd * zEdge) {
                    s.mean[j] = lo + sd * zEdge;
                }
            }
        }
    }

    // ---- termination ----

    /**
     * Whether the run has converged or gone astray, by the {@code cmaes} library's criteria: the best and
     * worst values of the recent generations all within {@code 1e-12}; every coordinate's standard deviation
     * and evolution path below {@code 1e-12 * sigma0}; a step in some direction larger than {@code 1e4}; a step
     * of a tenth of a standard deviation along an axis or a principal axis that does not change the mean; or
     * a condition number of the covariance above {@code 1e14} (the library compares the square root of it).
     */
    boolean shouldStop() {
        eigen();
        if (s.generation > funHistTerm) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s.funHist) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min < TOL_FUN) {
                return true;
            }
        }
        double tolX = TOL_X_FACTOR * s.sigma0;
        boolean small = true;
        for (int i = 0; i < n; i++) {
            small &= s.sigma * Math.sqrt(s.cov[i][i]) < tolX && Math.abs(s.sigma * s.pC[i]) < tolX;
        }
        if (small) {
            return true;
        }
        double dMax = 0;
        double dMin = Double.POSITIVE_INFINITY;
        for (double v : d) {
            dMax = Math.max(dMax, v);
            dMin = Math.min(dMin, v);
        }
        if (s.sigma * dMax > TOL_X_UP) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (s.mean[i] == s.mean[i] + 0.2 * s.sigma * Math.sqrt(s.cov[i][i])) {
                return true;
            }
        }
        int axis = s.generation % n;
        boolean noEffect = true;
        for (int i = 0; i < n; i++) {
            noEffect &= s.mean[i] == s.mean[i] + 0.1 * s.sigma * d[axis] * b[i][axis];
        }
        if (noEffect) {
            return true;
        }
        return (dMax / dMin) * (dMax / dMin) > TOL_CONDITION;
    }
}
