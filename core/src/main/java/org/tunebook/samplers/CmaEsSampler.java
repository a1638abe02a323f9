package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.storage.Storage;

/**
 * The covariance matrix adaptation evolution strategy (CMA-ES): trials come in generations of
 * {@code popsize} candidates drawn from a multivariate normal distribution, and each finished generation moves
 * the distribution's mean towards its best candidates and reshapes its covariance along the directions that
 * paid off. Strong on continuous problems of a few to a few dozen parameters with a few hundred trials or more.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new CmaEsSampler(42)).create();
 * Study ipop = Tune.study().sampler(CmaEsSampler.builder().seed(42).restartStrategy("ipop").build()).create();
 * }</pre>
 *
 * <p>As Optuna's {@code CmaEsSampler} (and the {@code cmaes} library it uses):
 * <ul>
 *   <li>The first {@code nStartupTrials} (default 1) trials are sampled independently. Then the float and
 *   int parameters that every finished trial had, with the same distribution, are searched jointly, each scaled
 *   to {@code [0, 1]} (in log space for log parameters); the run starts at the centre (or {@code x0}) with step
 *   size {@code sigma0 = 1/6} of every range and population size {@code 4 + floor(3 ln n)}.</li>
 *   <li>Categorical parameters, parameters not every trial has, and one-parameter spaces are sampled by the
 *   independent sampler ({@link RandomSampler} by default), with one warning per parameter.</li>
 *   <li>Only COMPLETE trials are learned from, unless {@link Builder#considerPrunedTrials(boolean)}, which
 *   takes a pruned trial's last reported value. Single objective only: a study with several objectives fails
 *   at its first trial, as in Optuna.</li>
 *   <li>With {@code restartStrategy("ipop")}, a converged run (the {@code cmaes} library's stopping criteria)
 *   is followed by a new one from a random mean with {@code incPopsize} times the population.</li>
 *   <li>Ints and stepped floats are searched as continuous coordinates and rounded. A margin correction (after
 *   Hamano et al., "CMA-ES with margin", 2022, in a simpler form) keeps each of them from freezing on one value:
 *   after every generation, the spread along that coordinate is widened, or the mean moved off the end of the
 *   range, until the chance of drawing another value than the mean's is at least {@code 1 / (n * popsize)}.
 *   Optuna 3.1 rounds without it.</li>
 * </ul>
 *
 * <p>Each trial of a generation records system attributes {@value #RESTART}, {@value #GENERATION},
 * {@value #CANDIDATE} (its index in the generation, handed out by a counter kept in the storage so that
 * workers never share one), {@value #POPSIZE} and {@value #X} (the point asked for). A generation is told
 * once {@code popsize} of its candidates have finished (the lowest indices first); candidates beyond
 * {@code popsize}, asked while others were still running or to replace failed ones, are
 * further draws from the same distribution. The state (mean, step size, covariance, paths, generation,
 * restarts, population size) is stored as JSON in the study's system attributes, so that a study resumed with a
 * new sampler object, in another process too, goes on with the same search.
 *
 * <p>A candidate's values come from the seed, the run, the generation and the candidate index, so a seeded run
 * with one worker repeats exactly. With several workers, which trial takes which candidate depends on timing,
 * as in Optuna, unless generations are made {@linkplain Builder#synchronous(boolean) synchronous}: then seeded
 * runs repeat with any number of worker threads.
 */
public final class CmaEsSampler implements Sampler {

    /**
     * Trial system attribute: the run a candidate belongs to (0 for the first, one more at each IPOP restart and
     * each time the search space changed).
     */
    public static final String RESTART = "cma:restart";
    /** Trial system attribute: the candidate's generation within its run. */
    public static final String GENERATION = "cma:generation";
    /** Trial system attribute: the candidate's index within its generation. */
    public static final String CANDIDATE = "cma:candidate";
    /** Trial system attribute: the population size of the candidate's run. */
    public static final String POPSIZE = "cma:popsize";
    /** Trial system attribute: the point asked for, in {@code [0, 1]} coordinates (before rounding). */
    public static final String X = "cma:x";

    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());
    private static final int MAX_STUDIES = 64;

    private final long seed;
    private final Map<String, Object> x0;
    private final double sigma0;
    private final Integer popsize;
    private final int nStartupTrials;
    private final boolean ipop;
    private final int incPopsize;
    private final boolean considerPrunedTrials;
    private final boolean warnIndependentSampling;
    private final Sampler independent;
    private final CmaSync sync;
    private final Map<StudyKey, CmaHistory> histories = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private record StudyKey(Storage storage, int id) {
    }

    /** A sampler with a fresh random seed and Optuna's defaults. */
    public CmaEsSampler() {
        this(builder());
    }

    /** A sampler reproducible from {@code seed}, with Optuna's defaults. */
    public CmaEsSampler(long seed) {
        this(builder().seed(seed));
    }

    private CmaEsSampler(Builder b) {
        this.seed = b.seed == null ? Seeds.fresh() : b.seed;
        this.x0 = b.x0 == null ? Map.of() : new LinkedHashMap<>(b.x0);
        this.sigma0 = b.sigma0;
        this.popsize = b.popsize;
        this.nStartupTrials = b.nStartupTrials;
        this.ipop = b.restartStrategy.equals("ipop");
        this.incPopsize = b.incPopsize;
        this.considerPrunedTrials = b.considerPrunedTrials;
        this.warnIndependentSampling = b.warnIndependentSampling;
        this.independent = b.independentSampler == null ? new RandomSampler(seed) : b.independentSampler;
        this.sync = b.synchronous ? new CmaSync(b.maxWait, b.considerPrunedTrials) : null;
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed of every random draw. */
    public long seed() {
        return seed;
    }

    // ---- relative sampling ----

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        requireSingleObjective(study);
        CmaHistory h = history(study);
        CmaSync.View view = null;
        if (sync != null) {
            view = sync.await(study, trial, nStartupTrials);
            if (view.independent()) {
                return decide(study, trial, "independent");
            }
            if (!view.searchStarted() && (view.learned() < nStartupTrials || view.learned() == 0)) {
                return decide(study, trial, "startup");
            }
        }
        synchronized (h) {
            h.refresh(study.storage(), study.id());
            if (sync == null && h.finishedCount() < nStartupTrials) {
                return Map.of();
            }
            Map<String, Distribution> space = new LinkedHashMap<>();
            h.intersection().forEach((name, d) -> {
                if (!(d instanceof CategoricalDistribution)) {
                    space.put(name, d);
                }
            });
            if (space.size() == 1) {
                String name = space.keySet().iterator().next();
                if (warnIndependentSampling && warned.add("\u0000one:" + name)) {
                    LOG.log(Level.WARNING, "CMA-ES needs at least two numeric parameters that every trial has; study"
                            + " ''{0}'' has only ''{1}'', so it is sampled by {2} instead", study.name(), name,
                            independent);
                }
            }
            if (space.size() < 2) {
                // the intersection only shrinks, so in synchronous mode this decision holds for every later trial
                return sync == null ? Map.of() : decide(study, trial, "independent");
            }
            return space;
        }
    }

    /** Records a synchronous-mode decision not to search this trial with CMA-ES. */
    private static Map<String, Distribution> decide(Study study, Trial trial, String role) {
        study.storage().setTrialSystemAttr(trial.id(), CmaSync.ROLE, role);
        return Map.of();
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        String[] names = searchSpace.keySet().toArray(new String[0]);
        Arrays.sort(names);
        CmaSpace space = new CmaSpace(names, searchSpace);
        CmaHistory h = history(study);
        CmaEs run;
        int candidate;
        double[] x;
        long deadline = sync == null ? 0 : sync.deadline();
        long[] sleep = {1};
        boolean gaveUp = false;
        while (true) {
            int generation;
            synchronized (h) { // a generation is told under this lock, so the candidate is drawn from its own one
                List<FrozenTrial> snapshot = sync == null ? null : CmaSync.snapshot(study);
                run = currentRun(study, h, space, searchSpace, trial, snapshot);
                generation = run.s.generation;
                if (sync == null) {
                    candidate = (int) study.storage().nextSequenceValue(study.id(),
                            "cma:candidates:" + run.s.restart + ":" + generation);
                } else {
                    // synchronous: the next index; past the population, only once the generation has finished
                    int[] counts = CmaSync.generation(snapshot, trial, run.s.restart, generation);
                    candidate = counts[0] >= run.s.popsize && counts[1] > 0 && !gaveUp ? -1 : counts[0];
                }
                if (candidate >= 0) {
                    x = run.ask(rng(run.s.restart, generation, candidate));
                    break;
                }
            }
            gaveUp = !sync.pauseForGeneration(study, trial, generation, deadline, sleep); // warned: stop waiting
        }
        Storage storage = study.storage();
        storage.setTrialSystemAttr(trial.id(), CmaHistory.RESTART, run.s.restart);
        storage.setTrialSystemAttr(trial.id(), CmaHistory.GENERATION, run.s.generation);
        storage.setTrialSystemAttr(trial.id(), CmaHistory.CANDIDATE, candidate);
        storage.setTrialSystemAttr(trial.id(), CmaHistory.POPSIZE, run.s.popsize);
        List<Double> xs = new ArrayList<>(x.length);
        for (double v : x) {
            xs.add(v);
        }
        storage.setTrialSystemAttr(trial.id(), CmaHistory.X, xs);
        Map<String, Double> values = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            values.put(names[j], space.toInternal(j, x[j]));
        }
        return values;
    }

    /**
     * The run to draw from, brought up to date: the stored state if another sampler object or process moved it
     * on; a new run if there is none or the space changed; then every generation with {@code popsize}
     * finished candidates told (and, with IPOP, a converged run restarted), and the new state stored. In
     * synchronous mode, the finished trials are those of {@code snapshot} (see {@link CmaSync#snapshot}).
     */
    private CmaEs currentRun(Study study, CmaHistory h, CmaSpace space, Map<String, Distribution> searchSpace,
            Trial trial, List<FrozenTrial> snapshot) {
        if (snapshot == null) {
            h.refresh(study.storage(), study.id());
        } else {
            h.refresh(snapshot);
        }
        Map<String, Object> attrs = study.storage().studySystemAttrs(study.id());
        String meta = CmaStore.meta(attrs);
        if (meta != null && !meta.equals(h.meta)) {
            CmaEs.State stored = CmaStore.read(attrs, meta);
            if (stored != null) {
                h.run = new CmaEs(stored);
                h.meta = meta;
            }
        }
        String[] signature = signature(space, searchSpace);
        boolean changed = false;
        if (h.run == null) {
            h.run = newRun(space, searchSpace, 0, popsize(space.dimension()), null);
            changed = true;
        } else if (!Arrays.equals(h.run.s.names, signature(space, null)) || !Arrays.equals(h.run.s.space, signature)) {
            if (warnIndependentSampling && warned.add("\u0000space:" + String.join(",", signature))) {
                LOG.log(Level.WARNING, "the search space of study ''{0}'' changed from {1} to {2}; CMA-ES starts a new"
                        + " run on it", study.name(), Arrays.toString(h.run.s.space), Arrays.toString(signature));
            }
            h.run = newRun(space, searchSpace, h.run.s.restart + 1, popsize(space.dimension()), rng(-1, h.run.s.restart + 1, 0));
            changed = true;
        }
        h.run.cells(space::cell);
        while (true) {
            List<CmaHistory.Solution> done = valid(h.run, h.solutions(h.run.s.restart, h.run.s.generation), space);
            int lambda = h.run.s.popsize;
            if (done.size() < lambda || snapshot != null
                    && CmaSync.generation(snapshot, trial, h.run.s.restart, h.run.s.generation)[1] > 0) {
                break; // (synchronous mode tells a generation once all its candidates have finished)
            }
            double[][] xs = new double[lambda][];
            double[] losses = new double[lambda];
            for (int k = 0; k < lambda; k++) {
                xs[k] = done.get(k).x();
                losses[k] = done.get(k).loss();
            }
            h.run.tell(xs, losses);
            if (ipop && h.run.shouldStop()) {
                int next = h.run.s.restart + 1;
                h.run = newRun(space, searchSpace, next, h.run.s.popsize * incPopsize, rng(-1, next, 0));
                h.run.cells(space::cell);
            }
            changed = true;
        }
        if (changed) {
            h.meta = CmaStore.write(study.storage(), study.id(), h.run.s);
        }
        return h.run;
    }

    /**
     * The candidates of a generation that can be learned from, as points of {@code space}: a trial's values
     * replace the coordinates where it did not take the value asked for (a fixed or enqueued value, say); a
     * trial that lacks a parameter of the space, or has it with another distribution, is left out.
     */
    private static List<CmaHistory.Solution> valid(CmaEs run, List<CmaHistory.Solution> solutions, CmaSpace space) {
        List<CmaHistory.Solution> valid = new ArrayList<>();
        for (CmaHistory.Solution sol : solutions) {
            double[] x = sol.x();
            if (x.length != space.dimension()) {
                continue;
            }
            FrozenTrial t = sol.trial();
            double[] point = x.clone();
            boolean ok = true;
            for (int j = 0; j < point.length && ok; j++) {
                Distribution d = t.distributions().get(space.name(j));
                if (d == null || !d.toString().equals(run.s.space[j])) {
                    ok = false;
                } else if (space.toInternal(j, x[j]) != t.internalParam(space.name(j))) {
                    point[j] = space.toUnit(j, t.internalParam(space.name(j)));
                }
            }
            if (ok) {
                valid.add(new CmaHistory.Solution(sol.candidate(), sol.number(), point, sol.loss(), t));
            }
        }
        return valid;
    }

    private CmaEs newRun(CmaSpace space, Map<String, Distribution> distributions, int restart, int lambda,
            SplittableRandom meanRng) {
        int n = space.dimension();
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            if (meanRng != null) {
                mean[j] = meanRng.nextDouble();
            } else if (x0.containsKey(space.name(j))) {
                mean[j] = space.toUnit(j, distributions.get(space.name(j)).toInternal(x0.get(space.name(j))));
            } else {
                mean[j] = 0.5;
            }
        }
        CmaEs run = new CmaEs(CmaEs.start(signature(space, null), signature(space, distributions), space.discrete(),
                mean, sigma0, lambda, restart));
        run.cells(space::cell);
        return run;
    }

    private int popsize(int n) {
        return popsize != null ? popsize : CmaEs.defaultPopsize(n);
    }

    /** The parameter names of a space, or (with their distributions) its description. */
    private static String[] signature(CmaSpace space, Map<String, Distribution> distributions) {
        String[] out = new String[space.dimension()];
        for (int j = 0; j < out.length; j++) {
            out[j] = distributions == null ? space.name(j) : distributions.get(space.name(j)).toString();
        }
        return out;
    }

    private SplittableRandom rng(long restart, long generation, long candidate) {
        long h = Seeds.mix(seed ^ 0xC3A5C85C97CB3127L);
        h = Seeds.mix(h ^ Seeds.mix(restart + 0x9E3779B97F4A7C15L));
        h = Seeds.mix(h ^ Seeds.mix(generation + 0x632BE59BD9B4E019L));
        h = Seeds.mix(h ^ Seeds.mix(candidate + 0x85EBCA77C2B2AE63L));
        return new SplittableRandom(h);
    }

    private CmaHistory history(Study study) {
        StudyKey key = new StudyKey(study.storage(), study.id());
        CmaHistory h = histories.get(key);
        if (h == null) {
            if (histories.size() >= MAX_STUDIES) {
                histories.clear();
            }
            h = histories.computeIfAbsent(key, k -> new CmaHistory(study.directions(), considerPrunedTrials));
        }
        return h;
    }

    private static void requireSingleObjective(Study study) {
        if (study.directions().size() > 1) {
            throw new UnsupportedOperationException("CmaEsSampler optimizes a single objective, but study '"
                    + study.name() + "' has " + study.directions().size() + "; use NsgaIISampler or TpeSampler for"
                    + " several objectives");
        }
    }

    // ---- independent sampling and hooks ----

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        if (warnIndependentSampling && study.directions().size() == 1) {
            CmaHistory h = history(study);
            boolean pastStartup;
            synchronized (h) {
                pastStartup = h.finishedCount() >= nStartupTrials;
            }
            if (pastStartup && !warned.contains("\u0000one:" + name) && warned.add(name)) {
                String why = distribution instanceof CategoricalDistribution
                        ? "CMA-ES does not model categorical parameters"
                        : "not every finished trial has it with this distribution (CMA-ES searches a fixed space)";
                LOG.log(Level.WARNING, "parameter ''{0}'' (first in trial {1} of study ''{2}'') is sampled by {3}"
                        + " instead of CMA-ES: {4}", name, trial.number(), study.name(), independent, why);
            }
        }
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public Map<String, Object> beforeTrial(Study study) {
        requireSingleObjective(study);
        return independent.beforeTrial(study);
    }

    @Override
    public void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
        independent.beforeFinish(study, trial, state, values);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        independent.afterTrial(study, trial);
    }

    @Override
    public String toString() {
        return "CmaEsSampler(seed=" + seed + (ipop ? ", ipop" : "") + ")";
    }

    /** Settings of a {@link CmaEsSampler}, each checked when set. */
    public static final class Builder {
        private Long seed;
        private Map<String, ?> x0;
        private double sigma0 = 1.0 / 6;
        private Integer popsize;
        private int nStartupTrials = 1;
        private String restartStrategy = "none";
        private int incPopsize = 2;
        private boolean considerPrunedTrials;
        private boolean warnIndependentSampling = true;
        private Sampler independentSampler;
        private boolean synchronous;
        private Duration maxWait = Duration.ofMinutes(10);

        private Builder() {
        }

        /** The seed of every random draw; without one, a fresh seed is chosen. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The first run's mean, by parameter name (external values); parameters left out start at the centre. */
        public Builder x0(Map<String, ?> x0) {
            if (x0 == null) {
                throw new IllegalArgumentException("CMA-ES x0 must be a map of parameter values, got null");
            }
            this.x0 = x0;
            return this;
        }

        /**
         * The initial step size, as a fraction of every parameter's range (default 1/6, Optuna's
         * {@code min_range / 6} on the unit-scaled space).
         */
        public Builder sigma0(double sigma0) {
            if (!(sigma0 > 0) || Double.isInfinite(sigma0)) {
                throw new IllegalArgumentException("CMA-ES sigma0 must be a finite number > 0 (a fraction of each"
                        + " parameter's range, default 1/6), got " + sigma0);
            }
            this.sigma0 = sigma0;
            return this;
        }

        /** The population size of the first run (default {@code 4 + floor(3 ln n)} for {@code n} parameters). */
        public Builder popsize(int popsize) {
            if (popsize < 2) {
                throw new IllegalArgumentException("CMA-ES population size must be at least 2, got " + popsize);
            }
            this.popsize = popsize;
            return this;
        }

        /** Trials sampled independently before CMA-ES starts (default 1). */
        public Builder nStartupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("CMA-ES nStartupTrials must be >= 0, got " + n);
            }
            this.nStartupTrials = n;
            return this;
        }

        /** {@code "ipop"} to restart converged runs with a larger population, or {@code "none"} (the default). */
        public Builder restartStrategy(String strategy) {
            if (!"ipop".equals(strategy) && !"none".equals(strategy)) {
                throw new IllegalArgumentException("unknown CMA-ES restart strategy " + (strategy == null ? "null"
                        : "'" + strategy + "'") + "; use \"ipop\" (restarts with a growing population) or \"none\"");
            }
            this.restartStrategy = strategy;
            return this;
        }

        /** The factor IPOP multiplies the population size by at each restart (default 2). */
        public Builder incPopsize(int factor) {
            if (factor < 1) {
                throw new IllegalArgumentException("CMA-ES incPopsize must be >= 1, got " + factor);
            }
            this.incPopsize = factor;
            return this;
        }

        /** Whether pruned trials count, with their last reported value (default false, as in Optuna). */
        public Builder considerPrunedTrials(boolean consider) {
            this.considerPrunedTrials = consider;
            return this;
        }

        /** Whether to warn (once per parameter) about parameters sampled by the independent sampler. */
        public Builder warnIndependentSampling(boolean warn) {
            this.warnIndependentSampling = warn;
            return this;
        }

        /** The sampler of parameters CMA-ES does not search (default a {@link RandomSampler} with the same seed). */
        public Builder independentSampler(Sampler sampler) {
            if (sampler == null) {
                throw new IllegalArgumentException("CMA-ES independentSampler must not be null");
            }
            this.independentSampler = sampler;
            return this;
        }

        /**
         * Synchronous generations (default false): trials decide in the order of their numbers, and a trial that
         * would go past its generation's population waits until the generation has finished. Seeded runs then
         * repeat with any number of worker threads, at the cost of idle workers at the end of each generation.
         * Without it, workers never wait: extra trials take further candidates of the running generation, as in
         * Optuna. Meant for the threads of one process; do not use it when trials are asked and told by hand out
         * of order (a trial would wait for an earlier one that is never evaluated, up to {@link #maxWait}).
         */
        public Builder synchronous(boolean synchronous) {
            this.synchronous = synchronous;
            return this;
        }

        /** How long a trial waits for earlier ones in synchronous mode before going on (default 10 minutes). */
        public Builder maxWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("CMA-ES maxWait must be a duration >= 0, got " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /** The sampler. */
        public CmaEsSampler build() {
            return new CmaEsSampler(this);
        }
    }
}
