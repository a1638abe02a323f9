package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Bayesian optimization with a Gaussian process: after {@code startupTrials} random trials, the complete
 * trials are modelled by a Gaussian process with a Matern-5/2 kernel (one length scale per parameter), and
 * the next trial is the point of highest log expected improvement.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new GpSampler(42)).create();
 * }</pre>
 *
 * <ul>
 *   <li>Parameters that every finished trial has (with the same distribution) are modelled jointly, scaled
 *   to {@code [0, 1]} (in log space for log parameters); categorical parameters count as near when equal and
 *   far otherwise (a Hamming distance in the kernel, with its own length scale). Other parameters (conditional
 *   ones, changed ranges) are sampled at random, with one warning per parameter.</li>
 *   <li>Ints and stepped floats are continuous coordinates to the kernel, but the acquisition is judged at
 *   their grid values: candidates are rounded before they are scored, and the local search rounds, then moves
 *   from grid value to grid value. In a space of ints, stepped floats and categoricals only, points already
 *   tried (or running) are not proposed again: log EI would otherwise keep proposing the best point once
 *   nothing near it is predicted better.</li>
 *   <li>Objective values are standardized; the kernel's length scales, amplitude and noise are fitted by
 *   maximizing the marginal likelihood with weak log-normal priors (L-BFGS). They are refitted at every
 *   trial up to 30 observations, then each time the data has grown by 10%, each time from the same start on
 *   the first trials up to that size, so that the fit depends on the data alone.</li>
 *   <li>The acquisition is maximized from a randomly shifted set of Sobol candidates and the best trials so
 *   far, by gradient ascent from the best few, and a sweep over the choices of each categorical.</li>
 *   <li>Running trials are added to the model at the worst value observed (a constant liar), so parallel
 *   workers do not pile onto one point (not in {@link Builder#reproducibleWorkers(int) reproducible mode},
 *   where which trials are running would make runs differ; {@link Builder#constantLiar(boolean)} turns it
 *   off).</li>
 *   <li><b>Constraints</b> ({@link Builder#constraints}): each constraint has a Gaussian process of its own, and
 *   the acquisition is log EI over the best <em>feasible</em> value plus the log probability that every
 *   constraint holds, as in Optuna's {@code GPSampler}; while no trial is feasible, the probability of
 *   feasibility alone. The values are stored with each trial as TPE stores them, so either sampler can
 *   continue the other's study.</li>
 *   <li>With a {@link org.tunebook.pruners.HyperbandPruner} of several brackets, a trial models only the trials
 *   of its own bracket, as in Optuna.</li>
 *   <li>Single objective only: in a study with several objectives every parameter is sampled at random,
 *   with one warning.</li>
 * </ul>
 * As with TPE, randomness comes from the seed and the trial number: a seeded run repeats with one worker,
 * and with up to {@code k} workers under {@link Builder#reproducibleWorkers(int)}.
 */
public final class GpSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(GpSampler.class.getName());
    private static final int FIT_EVERY_TRIAL_UP_TO = 30;
    private static final double REFIT_GROWTH = 1.1;
    private static final double PRIOR_LOG_LENGTH = Math.log(0.5);
    private static final double PRIOR_LOG_NOISE = Math.log(1e-4);
    private static final double FIXED_LOG_NOISE = Math.log(1e-6);

    private final long seed;
    private final int startupTrials;
    private final int candidates;
    private final boolean deterministicObjective;
    private final boolean warnIndependentSampling;
    private final boolean liar;
    private final Constraints constraints;
    private final HistoryCache histories;
    private final Map<String, double[]> fitted = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** A sampler with a fresh random seed and default settings. */
    public GpSampler() {
        this(builder());
    }

    /** A sampler reproducible from {@code seed}, with default settings. */
    public GpSampler(long seed) {
        this(builder().seed(seed));
    }

    private GpSampler(Builder b) {
        this.seed = b.seed == null ? Seeds.fresh() : b.seed;
        this.startupTrials = b.startupTrials;
        this.candidates = b.candidates;
        this.deterministicObjective = b.deterministicObjective;
        this.warnIndependentSampling = b.warnIndependentSampling;
        this.liar = b.constantLiar != null ? b.constantLiar : b.reproducibleWorkers == 0;
        this.constraints = b.constraints == null ? null : new Constraints("GP", b.constraints);
        this.histories = new HistoryCache(TpeConfig.defaults(seed), b.reproducibleWorkers, b.maxWait);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed of every random draw. */
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        if (study.directions().size() > 1) {
            if (warned.add("\u0000multi-objective")) {
                LOG.log(Level.WARNING, "GpSampler models one objective; study ''{0}'' has {1}, so its parameters are"
                        + " sampled at random", study.name(), study.directions().size());
            }
            return Map.of();
        }
        TpeHistory h = histories.forTrial(study, trial);
        return h.intersection(histories.cutoff(trial), () -> study.storage().trials(study.id(), TpeHistory.FINISHED));
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        TpeHistory h = histories.forTrial(study, trial);
        String[] names = searchSpace.keySet().toArray(new String[0]);
        Arrays.sort(names);
        TpeHistory.Complete obs = h.complete(names, histories.cutoff(trial));
        if (obs.count() < Math.max(1, startupTrials)) {
            return Map.of();
        }
        Distribution[] ds = new Distribution[names.length];
        for (int j = 0; j < names.length; j++) {
            ds[j] = searchSpace.get(names[j]);
        }
        GpSpace space = new GpSpace(ds);
        double[][] x = space.normalize(obs.values(), obs.count());
        String modelKey = System.identityHashCode(study.storage()) + ":" + study.id() + ":"
                + HistoryCache.partition(study, trial.number()) + ":" + String.join(",", names) + ":"
                + Arrays.toString(space.choices());
        List<double[]> running = liar ? runningPoints(study, trial, space, names) : List.of();
        GpModel model = model(modelKey + ":objective", space, x, obs.loss(), running);
        if (model == null) {
            LOG.log(Level.WARNING, "the Gaussian process of study ''{0}'' could not be fitted for trial {1}; sampling"
                    + " it at random", study.name(), trial.number());
            return Map.of();
        }
        double[] y = Arrays.copyOf(model.y, obs.count()); // standardized, without the running trials' lies
        Feasibility f = constraints == null ? null : Feasibility.of(obs.constraints());
        ConstrainedLogEi acquisition;
        double[] rank; // incumbents first: the best feasible trials, or the least infeasible ones
        if (f == null) {
            acquisition = ConstrainedLogEi.unconstrained(model, min(y, null));
            rank = y;
        } else {
            GpModel[] cm = new GpModel[f.count()];
            double[] thresholds = new double[f.count()];
            for (int k = 0; k < cm.length; k++) {
                double[] c = f.values(k);
                double[] ms = meanAndSd(c);
                thresholds[k] = -ms[0] / ms[1]; // where 0 falls after standardizing
                cm[k] = model(modelKey + ":constraint" + k, space, f.points(x), c, running);
                if (cm[k] == null) {
                    LOG.log(Level.WARNING, "the Gaussian process of constraint {0} of study ''{1}'' could not be"
                            + " fitted for trial {2}; sampling it at random", k, study.name(), trial.number());
                    return Map.of();
                }
            }
            boolean anyFeasible = f.anyFeasible();
            acquisition = new ConstrainedLogEi(anyFeasible ? model : null, min(y, f.feasible()), cm, thresholds);
            rank = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                rank[i] = anyFeasible ? (f.feasible()[i] ? y[i] : Double.NaN) : f.violation(i);
            }
        }
        SplittableRandom rng = Seeds.forParam(seed, trial.number(), "\u0000gp");
        if (space.finite()) {
            List<double[]> tried = new ArrayList<>(Arrays.asList(x));
            tried.addAll(running);
            acquisition = acquisition.avoiding(tried);
        }
        double[] p = GpAcquisition.maximize(acquisition, space, incumbents(x, rank, 5), candidates, rng);
        Map<String, Double> result = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            result.put(names[j], space.toInternal(j, p[j]));
        }
        return result;
    }

    /** The smallest of {@code v} (over {@code where} only, when given); infinite when there is none. */
    private static double min(double[] v, boolean[] where) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (where == null || where[i]) {
                best = Math.min(best, v[i]);
            }
        }
        return best;
    }

    /**
     * The Gaussian process of {@code raw} values (standardized) at points {@code x}, with fitted hyperparameters
     * kept under {@code key}; with running trials' points added at the worst value observed (a constant liar:
     * the posterior near them rises, so the next point goes elsewhere). Null if it cannot be fitted.
     */
    private GpModel model(String key, GpSpace space, double[][] x, double[] raw, List<double[]> running) {
        double[] theta = hyperparameters(key, space, x, raw);
        double[] y = standardize(raw);
        MaternKernel kernel = new MaternKernel(space.categorical(), theta);
        GpModel model = GpModel.fit(kernel, x, y);
        if (model == null || running.isEmpty()) {
            return model;
        }
        int n = y.length;
        double worst = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            worst = Math.max(worst, v);
        }
        double[][] xl = Arrays.copyOf(x, n + running.size());
        double[] yl = Arrays.copyOf(y, n + running.size());
        for (int i = 0; i < running.size(); i++) {
            xl[n + i] = running.get(i);
            yl[n + i] = worst;
        }
        GpModel liar = GpModel.fit(kernel, xl, yl);
        return liar == null ? model : liar;
    }

    /** Standardized values: mean 0 and standard deviation 1 (1 if they are all equal). */
    private static double[] standardize(double[] v) {
        double[] ms = meanAndSd(v);
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = (v[i] - ms[0]) / ms[1];
        }
        return y;
    }

    /** {@code {mean, sd}} of {@code v}, the sd 1 when the values are (nearly) all equal. */
    private static double[] meanAndSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / v.length);
        if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
            sd = 1;
        }
        return new double[] {mean, sd};
    }

    /**
     * The kernel's log hyperparameters for the {@code n} observations of one model: fitted on the first
     * {@code c} of them, {@code c} the last checkpoint up to {@code n} (every size up to 30, then growth by 10%),
     * from a fixed start, and kept per study, space and model ({@code key}).
     */
    private double[] hyperparameters(String key, GpSpace space, double[][] x, double[] raw) {
        int c = checkpoint(raw.length);
        String fullKey = key + ":" + c;
        double[] theta = fitted.get(fullKey);
        if (theta == null) {
            if (fitted.size() > 1000) {
                fitted.clear();
            }
            double[][] xc = Arrays.copyOf(x, c);
            double[] yc = standardize(Arrays.copyOf(raw, c)); // from the raw values: the same whoever fits
            theta = fit(space.categorical(), xc, yc);
            fitted.put(fullKey, theta);
        }
        return theta;
    }

    static int checkpoint(int n) {
        if (n <= FIT_EVERY_TRIAL_UP_TO) {
            return n;
        }
        int c = FIT_EVERY_TRIAL_UP_TO;
        while (true) {
            int next = Math.max(c + 1, (int) Math.ceil(c * REFIT_GROWTH));
            if (next > n) {
                return c;
            }
            c = next;
        }
    }

    /** Maximum a posteriori log hyperparameters: length scales, amplitude, noise. */
    double[] fit(boolean[] categorical, double[][] x, double[] y) {
        int d = categorical.length;
        double[] start = new double[d + 2];
        Arrays.fill(start, 0, d, PRIOR_LOG_LENGTH);
        start[d] = 0;
        start[d + 1] = deterministicObjective ? FIXED_LOG_NOISE : Math.log(1e-3);
        double[] lmlGradient = new double[d + 2];
        Lbfgs.Objective objective = (theta, gradient) -> {
            double[] t = theta.clone();
            if (deterministicObjective) {
                t[d + 1] = FIXED_LOG_NOISE;
            }
            t[d + 1] = Math.max(t[d + 1], FIXED_LOG_NOISE);
            double lml = GpModel.logLikelihood(categorical, t, x, y, lmlGradient, deterministicObjective);
            if (!Double.isFinite(lml)) {
                return Double.POSITIVE_INFINITY;
            }
            double value = -lml;
            for (int j = 0; j < d + 2; j++) {
                double mean = j < d ? PRIOR_LOG_LENGTH : j == d ? 0 : PRIOR_LOG_NOISE;
                double sd = j < d ? 1.0 : j == d ? 1.0 : 3.0;
                double z = (theta[j] - mean) / sd;
                value += 0.5 * z * z;
                gradient[j] = -lmlGradient[j] + z / sd;
            }
            if (deterministicObjective) {
                gradient[d + 1] = 0;
            }
            return value;
        };
        double[] theta = Lbfgs.minimize(objective, start, 60, 1e-4);
        for (int j = 0; j < d; j++) {
            theta[j] = Math.min(Math.log(100), Math.max(Math.log(1e-3), theta[j]));
        }
        theta[d] = Math.min(Math.log(100), Math.max(Math.log(1e-3), theta[d]));
        theta[d + 1] = deterministicObjective ? FIXED_LOG_NOISE : Math.min(0, Math.max(FIXED_LOG_NOISE, theta[d + 1]));
        return theta;
    }

    /**
     * The numbers of the finished trials (complete and pruned) {@code trial} draws on: its Hyperband bracket's,
     * say; the model takes the complete ones among them. For tests.
     */
    int[] modelledTrials(Study study, Trial trial) {
        return histories.forTrial(study, trial).observedNumbers(histories.cutoff(trial));
    }

    /** The points of the study's running trials (of this trial's partition) that have every parameter. */
    private static List<double[]> runningPoints(Study study, Trial trial, GpSpace space, String[] names) {
        List<double[]> points = new ArrayList<>();
        for (TpeHistory.Pending p : HistoryCache.running(study, trial)) {
            double[] point = space.normalizePoint(p.values(), names);
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }

    /** The {@code k} observed points of lowest {@code rank}, leaving out NaN ranks. */
    private static double[][] incumbents(double[][] x, double[] rank, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rank.length; i++) {
            if (!Double.isNaN(rank[i])) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(rank[a], rank[b]));
        double[][] best = new double[Math.min(k, order.size())][];
        for (int i = 0; i < best.length; i++) {
            best[i] = x[order.get(i)];
        }
        return best;
    }

    @Override
    public void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
        if (constraints != null) {
            constraints.record(trial, state, values);
        }
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        if (warnIndependentSampling && study.directions().size() == 1 && trial.number() >= startupTrials
                && warned.add(name)) {
            LOG.log(Level.WARNING, "parameter ''{0}'' (first in trial {1} of study ''{2}'') is sampled at random"
                    + " instead of by the Gaussian process: not every trial has it, or its range changed", name,
                    trial.number(), study.name());
        }
        return RandomSampler.sample(distribution, Seeds.forParam(seed, trial.number(), name));
    }

    @Override
    public String toString() {
        return "GpSampler(seed=" + seed + (liar ? ", constant liar" : "") + (constraints != null ? ", constraints" : "")
                + ")";
    }

    /** Settings of a {@link GpSampler}, each checked when set. */
    public static final class Builder {
        private Long seed;
        private int startupTrials = 10;
        private int candidates = 256;
        private boolean deterministicObjective;
        private boolean warnIndependentSampling = true;
        private int reproducibleWorkers;
        private Duration maxWait = Duration.ofMinutes(10);
        private Boolean constantLiar;
        private Function<FrozenTrial, double[]> constraints;

        private Builder() {
        }

        /** The seed of every random draw; without one, a fresh seed is chosen. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Random trials before the Gaussian process takes over (default 10, at least 1). */
        public Builder startupTrials(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("GP startupTrials must be >= 1 (a model needs data), got " + n);
            }
            this.startupTrials = n;
            return this;
        }

        /** Sobol candidates scored before the local search (default 256). */
        public Builder candidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("GP candidates must be >= 1, got " + n);
            }
            this.candidates = n;
            return this;
        }

        /** Whether the objective returns the same value for the same parameters (noise then fixed at ~0). */
        public Builder deterministicObjective(boolean deterministic) {
            this.deterministicObjective = deterministic;
            return this;
        }

        /** Whether to warn (once per parameter) when a parameter is sampled at random after start-up. */
        public Builder warnIndependentSampling(boolean warn) {
            this.warnIndependentSampling = warn;
            return this;
        }

        /**
         * Makes seeded runs with up to {@code workers} workers repeat, as for TPE: trial {@code n} models trials
         * {@code 0 .. n - workers}, waiting for stragglers, and running trials are left out of the model.
         */
        public Builder reproducibleWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("GP reproducibleWorkers must be >= 1, got " + workers);
            }
            this.reproducibleWorkers = workers;
            return this;
        }

        /** How long a trial waits for an earlier one in reproducible mode (default 10 minutes). */
        public Builder maxWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("GP maxWait must be a duration >= 0, got " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /**
         * Whether the running trials of the study (other workers', other processes') join the model at the worst
         * value observed, so that parallel workers do not pile onto one point (default: on, except with
         * {@link #reproducibleWorkers}, where which trials happen to be running would make runs differ).
         */
        public Builder constantLiar(boolean liar) {
            this.constantLiar = liar;
            return this;
        }

        /**
         * A function of a finished trial (complete or pruned, with its values) returning its constraint values;
         * the trial is feasible when every value is {@code <= 0}. The values are stored with the trial as
         * system attribute {@value TpeSampler#CONSTRAINTS} (Optuna's key, shared with TPE and NSGA-II), and each constraint
         * gets a Gaussian process of its own: the next point maximizes log EI over the best feasible value plus
         * the log probability of feasibility. If the function throws, returns null or NaN, that trial fails with
         * the reason.
         */
        public Builder constraints(Function<FrozenTrial, double[]> constraints) {
            if (constraints == null) {
                throw new IllegalArgumentException("GP constraints function must not be null");
            }
            this.constraints = constraints;
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException for settings that do not go together
         */
        public GpSampler build() {
            if (Boolean.TRUE.equals(constantLiar) && reproducibleWorkers > 0) {
                throw new IllegalArgumentException("GP constantLiar(true) and reproducibleWorkers("
                        + reproducibleWorkers + ") cannot be combined: the liar models whichever trials happen to be"
                        + " running, which differs from run to run");
            }
            return new GpSampler(this);
        }
    }
}
