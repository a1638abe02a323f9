package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Tree-structured Parzen estimator (TPE) search, with the semantics and defaults of Optuna 3.1's
 * {@code TPESampler}. After {@code startupTrials} random trials, the finished trials are split into a
 * "good" set (the best {@code gamma(n)}: 10% of them, at most 25) and the rest; each set becomes a Parzen
 * estimator (a mixture of truncated normal kernels, log-scaled for log parameters, over the value grid for
 * discrete ones, smoothed frequencies for categorical ones), and of {@code eiCandidates} values drawn from
 * the good estimator the one with the highest density ratio good/bad is proposed.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new TpeSampler(42)).create();
 * Study joint = Tune.study().sampler(TpeSampler.builder().seed(42).multivariate(true).build()).create();
 * }</pre>
 *
 * <ul>
 *   <li><b>univariate</b> (default): each parameter is modelled on its own, which also covers conditional
 *   and loop-built spaces;</li>
 *   <li><b>multivariate</b>: parameters that every finished trial has (with the same distribution) are
 *   modelled jointly; others are modelled on their own, with one warning per parameter, by the same kind of
 *   estimator with one dimension (Scott's bandwidth, as Optuna's multivariate sampler does);</li>
 *   <li><b>group</b> (with multivariate): the space is split into groups of parameters that always appear
 *   together, each modelled jointly, so conditional spaces are modelled jointly too;</li>
 *   <li><b>constant liar</b>: running trials count as the worst observations, so parallel workers spread out
 *   instead of piling onto one promising point;</li>
 *   <li>pruned trials count by their last reported value, ranked after complete trials (later steps
 *   first), as in Optuna;</li>
 *   <li>with a {@link org.tunebook.pruners.HyperbandPruner} of several brackets, a trial models only the
 *   trials of its own bracket (finished and running), as Optuna's TPE does: brackets prune at different
 *   rungs, so their pruned trials' last values do not compare;</li>
 *   <li><b>constraints</b>: a function giving each complete or pruned trial's constraint values, stored with
 *   the trial as system attribute {@value #CONSTRAINTS} (feasible when every value is {@code <= 0}); feasible
 *   trials rank before infeasible ones, which rank by total violation. If the function throws or returns
 *   NaN, that trial fails with the reason;</li>
 *   <li><b>several objectives</b>: the good set is made of the best Pareto fronts, completed by hypervolume
 *   subset selection and weighted by hypervolume contribution (Optuna's MOTPE).</li>
 * </ul>
 *
 * <p><b>Kernel scoring.</b> Optuna 3.1 scores candidates with continuous kernels that leave out the
 * {@code 1 / sigma} of the normal density, so each kernel weighs in proportion to its width (optuna#5109;
 * Optuna 3.5 normalized them). That is the default here too: on tunebook's benchmarks it finds better
 * values than normalized kernels, by a factor of 3 on the 10-dimensional Rosenbrock function.
 * {@link Builder#normalizedKernels(boolean) normalizedKernels(true)} gives the textbook densities.
 *
 * <p><b>Reproducibility.</b> Randomness comes from the seed and the trial number only, so with one worker a
 * seeded run repeats exactly. With several workers, what a trial knows depends on which others have
 * finished, as in Optuna; {@link Builder#reproducibleWorkers(int) reproducibleWorkers(k)} makes trial
 * {@code n} model exactly trials {@code 0 .. n-k} (waiting for stragglers), so that runs with up to
 * {@code k} workers repeat too.
 *
 * <p><b>Cost.</b> Finished trials are converted once and kept in sorted primitive arrays per study;
 * sampling a parameter costs one pass over them plus {@code eiCandidates} passes over the "bad" kernels.
 */
public final class TpeSampler implements Sampler {

    /** The trial system attribute holding the values of the constraints function (Optuna's key). */
    public static final String CONSTRAINTS = Constraints.KEY;

    private static final System.Logger LOG = System.getLogger(TpeSampler.class.getName());
    private final TpeConfig config;
    private final HistoryCache histories;
    private final Constraints constraints;
    private final Set<String> warnedIndependent = ConcurrentHashMap.newKeySet();

    /** TPE with Optuna's defaults and a fresh random seed. */
    public TpeSampler() {
        this(builder());
    }

    /** TPE with Optuna's defaults, reproducible from {@code seed}. */
    public TpeSampler(long seed) {
        this(builder().seed(seed));
    }

    private TpeSampler(Builder b) {
        this.config = new TpeConfig(b.seed == null ? Seeds.fresh() : b.seed, b.startupTrials, b.eiCandidates, b.gamma,
                b.weights, b.priorWeight, b.magicClip, b.endpoints, b.normalizedKernels, b.multivariate, b.group,
                b.constantLiar,
                b.warnIndependentSampling, b.reproducibleWorkers, b.maxWait, b.constraints);
        this.histories = new HistoryCache(config, config.reproducibleWorkers(), config.maxWait());
        this.constraints = b.constraints == null ? null : new Constraints("TPE", b.constraints);
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed this sampler derives its random streams from. */
    public long seed() {
        return config.seed();
    }

    TpeConfig config() {
        return config;
    }

    // ---- relative (multivariate) sampling ----

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        if (!config.multivariate()) {
            return Map.of();
        }
        TpeHistory h = history(study, trial);
        Map<String, Distribution> space = new LinkedHashMap<>();
        groups(h, study, trial).forEach(space::putAll);
        return space;
    }

    private List<Map<String, Distribution>> groups(TpeHistory h, Study study, Trial trial) {
        int cutoff = cutoff(trial);
        TpeHistory.FrozenTrialSource source = () -> study.storage().trials(study.id(), TpeHistory.FINISHED);
        if (config.group()) {
            return h.groups(cutoff, source);
        }
        Map<String, Distribution> all = h.intersection(cutoff, source);
        return all.isEmpty() ? List.of() : List.of(all);
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        TpeHistory h = history(study, trial);
        List<TpeHistory.Pending> pending = pending(study, trial);
        Map<String, Double> result = new HashMap<>();
        for (Map<String, Distribution> group : groups(h, study, trial)) {
            List<String> names = new ArrayList<>();
            group.forEach((name, d) -> {
                if (searchSpace.containsKey(name) && searchSpace.get(name).equals(d)) {
                    names.add(name);
                }
            });
            if (names.isEmpty()) {
                continue;
            }
            String[] dims = names.toArray(new String[0]);
            TpeHistory.Sides sides = h.multivariate(dims, cutoff(trial), pending);
            if (sides == null) {
                return Map.of(); // still in the random start-up phase
            }
            ParzenSpace[] spaces = new ParzenSpace[dims.length];
            for (int j = 0; j < dims.length; j++) {
                spaces[j] = ParzenSpace.of(searchSpace.get(dims[j]));
            }
            SplittableRandom rng = Seeds.forParam(config.seed(), trial.number(), "\u0000tpe-group:" + dims[0]);
            double[] best = TpeCandidates.multivariate(config, spaces, sides, rng);
            for (int j = 0; j < dims.length; j++) {
                result.put(dims[j], spaces[j].toInternal(best[j]));
            }
        }
        return result;
    }

    // ---- independent (univariate) sampling ----

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        TpeHistory h = history(study, trial);
        // A multivariate sampler's fallback fits the same estimator as its joint model, with one dimension:
        // Scott's bandwidth rather than the univariate one's gaps to the neighbours, as Optuna's TPESampler
        // (multivariate=True) does in sample_independent.
        TpeHistory.Sides sides = config.multivariate()
                ? h.multivariate(new String[] {name}, cutoff(trial), pending(study, trial))
                : h.univariate(name, cutoff(trial), pending(study, trial));
        SplittableRandom rng = Seeds.forParam(config.seed(), trial.number(), name);
        if (sides == null) {
            return RandomSampler.sample(distribution, rng);
        }
        if (config.multivariate() && config.warnIndependentSampling() && sides.belowCount()
                + sides.aboveCount() > 0 && warnedIndependent.add(name)) {
            LOG.log(Level.WARNING, "parameter ''{0}'' (first in trial {1} of study ''{2}'') is sampled on its own"
                    + " instead of jointly by multivariate TPE: not every trial has it, or its range changed. Use"
                    + " group(true) to model conditional spaces jointly, or warnIndependentSampling(false) if this"
                    + " is intended.", name, trial.number(), study.name());
        }
        ParzenSpace space = ParzenSpace.of(distribution);
        if (config.multivariate()) {
            return space.toInternal(TpeCandidates.multivariate(config, new ParzenSpace[] {space}, sides, rng)[0]);
        }
        return space.toInternal(TpeCandidates.univariate(config, space, sides, rng));
    }

    // ---- constraints ----

    @Override
    public void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
        if (constraints != null) {
            constraints.record(trial, state, values);
        }
    }

    // ---- the study's history ----

    private TpeHistory history(Study study, Trial trial) {
        return histories.forTrial(study, trial);
    }

    private int cutoff(Trial trial) {
        return histories.cutoff(trial);
    }

    /** The numbers of the finished trials {@code trial} models (its Hyperband bracket's, say), for tests. */
    int[] modelledTrials(Study study, Trial trial) {
        return history(study, trial).observedNumbers(cutoff(trial));
    }

    /** Running trials for the constant liar (not the one being sampled). */
    private List<TpeHistory.Pending> pending(Study study, Trial trial) {
        if (!config.constantLiar() || study.directions().size() > 1) {
            return List.of();
        }
        return HistoryCache.running(study, trial);
    }

    @Override
    public String toString() {
        return "TpeSampler(seed=" + config.seed() + (config.multivariate() ? ", multivariate" : "")
                + (config.normalizedKernels() ? ", normalized kernels" : "")
                + (config.group() ? ", group" : "") + (config.constantLiar() ? ", constant liar" : "")
                + (config.reproducibleWorkers() > 0 ? ", reproducible with " + config.reproducibleWorkers()
                + " workers" : "") + ")";
    }

    /**
     * Settings of a {@link TpeSampler}; each is checked when set, with a message naming it. Defaults are
     * Optuna 3.1's.
     */
    public static final class Builder {
        private Long seed;
        private int startupTrials = 10;
        private int eiCandidates = 24;
        private IntUnaryOperator gamma = TpeConfig::defaultGamma;
        private IntFunction<double[]> weights = TpeConfig::defaultWeights;
        private double priorWeight = 1.0;
        private boolean magicClip = true;
        private boolean endpoints;
        private boolean normalizedKernels;
        private boolean multivariate;
        private boolean group;
        private boolean constantLiar;
        private boolean warnIndependentSampling = true;
        private int reproducibleWorkers;
        private Duration maxWait = Duration.ofMinutes(10);
        private Function<FrozenTrial, double[]> constraints;

        private Builder() {
        }

        /** The seed of every random draw; without one, a fresh seed is chosen. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Random trials before TPE starts modelling (default 10). */
        public Builder startupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("TPE startupTrials must be >= 0, got " + n);
            }
            this.startupTrials = n;
            return this;
        }

        /** Candidates drawn from the "good" estimator and scored per parameter (default 24). */
        public Builder eiCandidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("TPE eiCandidates must be >= 1 (candidates scored per"
                        + " parameter), got " + n);
            }
            this.eiCandidates = n;
            return this;
        }

        /**
         * How many of {@code n} observations form the "good" set (default {@code min(ceil(0.1 n), 25)}); the
         * function must return a count {@code >= 0}.
         */
        public Builder gamma(IntUnaryOperator gamma) {
            if (gamma == null) {
                throw new IllegalArgumentException("TPE gamma function must not be null");
            }
            this.gamma = gamma;
            return this;
        }

        /**
         * The weights of {@code n} observations of one side, oldest first (default: the latest 25 weigh 1,
         * older ones ramp up from {@code 1/n}); finite, {@code >= 0}, not all zero.
         */
        public Builder weights(IntFunction<double[]> weights) {
            if (weights == null) {
                throw new IllegalArgumentException("TPE weights function must not be null");
            }
            this.weights = weights;
            return this;
        }

        /** The weight of the prior kernel, relative to an observation's (default 1.0). */
        public Builder priorWeight(double weight) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("TPE priorWeight must be positive and finite, got " + weight);
            }
            this.priorWeight = weight;
            return this;
        }

        /** Whether kernel widths have Optuna's lower bound {@code range / min(100, kernels + 1)} (default true). */
        public Builder considerMagicClip(boolean clip) {
            this.magicClip = clip;
            return this;
        }

        /** Whether the outermost kernels' widths count the gap to the range ends (default false). */
        public Builder considerEndpoints(boolean endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /**
         * Whether candidates are scored with normalized kernel densities (default false: Optuna 3.1's scoring,
         * in which a continuous kernel leaves out its {@code 1 / sigma} and so weighs in proportion to its
         * width). Optuna 3.5 normalized its kernels (optuna#5109); on tunebook's benchmarks Optuna 3.1's
         * scoring finds better values, notably on 10-dimensional functions, so it is kept as the default.
         */
        public Builder normalizedKernels(boolean normalized) {
            this.normalizedKernels = normalized;
            return this;
        }

        /** Whether to model the parameters every trial has jointly (default false). */
        public Builder multivariate(boolean multivariate) {
            this.multivariate = multivariate;
            return this;
        }

        /** With {@link #multivariate}, whether to model conditional spaces as groups of joint parameters. */
        public Builder group(boolean group) {
            this.group = group;
            return this;
        }

        /** Whether running trials count as the worst observations, to spread parallel workers (default false). */
        public Builder constantLiar(boolean liar) {
            this.constantLiar = liar;
            return this;
        }

        /** Whether multivariate TPE warns (once per parameter) when it samples a parameter on its own. */
        public Builder warnIndependentSampling(boolean warn) {
            this.warnIndependentSampling = warn;
            return this;
        }

        /**
         * Makes seeded runs with up to {@code workers} parallel workers repeat exactly: trial {@code n} models
         * the trials numbered {@code 0 .. n - workers} and no others, waiting (up to {@link #maxWait}) for any
         * of them still running. The model lags {@code workers - 1} trials behind, and a slow trial holds up
         * the ones {@code workers} places after it. Not combinable with the constant liar, whose running
         * trials differ from run to run.
         */
        public Builder reproducibleWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("TPE reproducibleWorkers must be >= 1, got " + workers);
            }
            this.reproducibleWorkers = workers;
            return this;
        }

        /**
         * How long a trial waits for an earlier one in {@link #reproducibleWorkers} mode before going on
         * without it (default 10 minutes); a trial given up on is not waited for again.
         */
        public Builder maxWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("TPE maxWait must be a duration >= 0, got " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /**
         * A function of a finished trial (complete or pruned, with its values) returning its constraint values;
         * the trial is feasible when every value is {@code <= 0}. The values are stored with the trial as
         * system attribute {@value #CONSTRAINTS}, Optuna's key. Trials without them (failed in the function,
         * added from elsewhere) rank after every trial that has them.
         */
        public Builder constraints(Function<FrozenTrial, double[]> constraints) {
            if (constraints == null) {
                throw new IllegalArgumentException("TPE constraints function must not be null");
            }
            this.constraints = constraints;
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException for settings that do not go together
         */
        public TpeSampler build() {
            if (group && !multivariate) {
                throw new IllegalArgumentException("TPE group(true) needs multivariate(true): groups are modelled"
                        + " jointly");
            }
            if (constantLiar && reproducibleWorkers > 0) {
                throw new IllegalArgumentException("TPE constantLiar(true) and reproducibleWorkers("
                        + reproducibleWorkers + ") cannot be combined: the liar models whichever trials happen to be"
                        + " running, which differs from run to run");
            }
            return new TpeSampler(this);
        }
    }
}
