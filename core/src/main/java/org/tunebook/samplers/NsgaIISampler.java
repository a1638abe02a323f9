package org.tunebook.samplers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * NSGA-II (Deb et al. 2002), the elitist genetic algorithm for several objectives, with the semantics and
 * defaults of Optuna 3.1's {@code NSGAIISampler}; it works with one objective too.
 *
 * <pre>{@code
 * Study study = Tune.study().directions(Direction.MAXIMIZE, Direction.MINIMIZE)
 *         .sampler(new NsgaIISampler(42)).create();
 * Study custom = Tune.study().directions(Direction.MINIMIZE, Direction.MINIMIZE)
 *         .sampler(NsgaIISampler.builder().populationSize(20).crossover(Crossover.sbx()).seed(42).build()).create();
 * }</pre>
 *
 * <ul>
 *   <li><b>Generations.</b> Trials come in generations of {@code populationSize} (default 50); each trial
 *   records its generation in system attribute {@value #GENERATION} (Optuna's key) and, from the second
 *   generation on, the trial numbers of its parents in {@value #PARENTS}. A generation is complete when
 *   {@code populationSize} of its trials are COMPLETE. The first generation is sampled at random.</li>
 *   <li><b>Selection.</b> After each complete generation, the next parents are chosen from its trials and the
 *   previous parents: whole non-dominated fronts, best first, and from the front that does not fit whole, the
 *   trials with the largest crowding distance. The parents are worked out again from the stored trials when
 *   needed, so a study resumed with a fresh sampler (from SQLite, or written by Optuna) goes on with the next
 *   generation and the same parents.</li>
 *   <li><b>Children.</b> With probability {@code crossoverProb} (0.9) a child crosses parents picked by
 *   binary tournament, otherwise it copies one parent; then each parameter mutates with probability
 *   {@code mutationProb} (default 1 / the number of parameters), which means it is drawn at random. The
 *   crossover (uniform by default, each parameter from the second parent with probability
 *   {@code swappingProb}, 0.5) is a {@link Crossover}: {@link Crossover#sbx()}, {@link Crossover#blxAlpha},
 *   {@link Crossover#spx()} or your own. Categorical parameters are always crossed uniformly.</li>
 *   <li><b>Any space.</b> A child covers the parameters its parents share with the same distribution (a copied
 *   child, all of its parent's that fit the trial's ranges); other parameters (conditional ones, loops,
 *   changed ranges) are drawn at random, without a warning, since a genetic algorithm needs no model of
 *   them. Optuna crosses only the parameters that every complete trial has with the same distribution.</li>
 *   <li><b>Constraints.</b> A constraints function gives each complete or pruned trial's constraint values,
 *   stored with it as system attribute {@value #CONSTRAINTS} (feasible when every value is {@code <= 0});
 *   domination becomes constrained domination: feasible trials before infeasible ones, which rank by total
 *   violation. If the function throws or returns NaN, that trial fails with the reason.</li>
 * </ul>
 *
 * <p><b>Reproducibility.</b> Randomness comes from the seed and the trial number only, so with one worker a
 * seeded run repeats exactly. With several workers, as in Optuna, a trial joins the first incomplete
 * generation it sees, so generations and parents depend on timing.
 * {@link Builder#synchronousGenerations(boolean) synchronousGenerations(true)} makes every trial's generation
 * and parents depend on the trials numbered before it only, waiting where their outcome matters (at the end
 * of each generation), so that seeded runs repeat with any number of workers.
 */
public final class NsgaIISampler implements Sampler {

    /** The trial system attribute holding the trial's generation, from 0 (Optuna's key). */
    public static final String GENERATION = "nsga2:generation";
    /** The trial system attribute holding the trial numbers of the trial's parents. */
    public static final String PARENTS = "nsga2:parents";
    /** The trial system attribute holding the values of the constraints function (Optuna's key). */
    public static final String CONSTRAINTS = Constraints.KEY;

    private final long seed;
    private final int populationSize;
    private final Constraints constraints;
    private final String description;
    private final NsgaGenerations generations;
    private final NsgaOffspring offspring;
    private final Map<Long, Map<String, Double>> children = new ConcurrentHashMap<>();

    /** NSGA-II with Optuna's defaults and a fresh random seed. */
    public NsgaIISampler() {
        this(builder());
    }

    /** NSGA-II with Optuna's defaults, reproducible from {@code seed}. */
    public NsgaIISampler(long seed) {
        this(builder().seed(seed));
    }

    private NsgaIISampler(Builder b) {
        this.seed = b.seed == null ? Seeds.fresh() : b.seed;
        this.populationSize = b.populationSize;
        Crossover crossover = b.crossover == null ? Crossover.uniform(b.swappingProb) : b.crossover;
        this.constraints = b.constraints == null ? null : new Constraints("NSGA-II", b.constraints);
        this.generations = new NsgaGenerations(populationSize, constraints != null, b.synchronous, b.maxWait);
        this.offspring = new NsgaOffspring(crossover, b.crossoverProb, b.swappingProb, b.mutationProb,
                constraints != null);
        this.description = "NsgaIISampler(seed=" + seed + ", populationSize=" + populationSize + ", crossover="
                + crossover + ", crossoverProb=" + b.crossoverProb + ", mutationProb="
                + (Double.isNaN(b.mutationProb) ? "1/parameters" : b.mutationProb)
                + (constraints != null ? ", constraints" : "") + (b.synchronous ? ", synchronous generations" : "")
                + ")";
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed this sampler derives its random streams from. */
    public long seed() {
        return seed;
    }

    /** The number of trials per generation. */
    public int populationSize() {
        return populationSize;
    }

    /**
     * Places the trial in its generation and, from the second generation on, makes its child: the space is
     * the child's parameters that were not mutated.
     */
    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        if (NsgaGenerations.generationOf(trial.systemAttrs()) >= 0) {
            return Map.of();
        }
        NsgaGenerations.Place place = generations.place(study, trial);
        trial.setSystemAttr(GENERATION, place.generation());
        if (place.parents().isEmpty()) {
            return Map.of();
        }
        NsgaOffspring.Child child = offspring.make(place.parents(), study.directions(),
                Seeds.forParam(seed, trial.number(), "\u0000nsga2"));
        trial.setSystemAttr(PARENTS, child.parents());
        if (child.values().isEmpty()) {
            return Map.of();
        }
        children.put(trial.id(), child.values());
        return child.space();
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        Map<String, Double> child = children.remove(trial.id());
        return child == null ? Map.of() : child;
    }

    /** First-generation trials, mutated parameters and parameters the parents do not share: uniform at random. */
    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        return RandomSampler.sample(distribution, Seeds.forParam(seed, trial.number(), name));
    }

    /**
     * Records the constraint values; and places a trial that never asked for a sampled parameter (an enqueued
     * one, say) in its generation, since Optuna counts every trial of a generation.
     */
    @Override
    public void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
        if (constraints != null) {
            constraints.record(trial, state, values);
        }
        if (NsgaGenerations.generationOf(trial.systemAttrs()) < 0) {
            trial.setSystemAttr(GENERATION, generations.place(study, trial).generation());
        }
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        children.remove(trial.id());
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Settings of an {@link NsgaIISampler}; each is checked when set, with a message naming it. Defaults are
     * Optuna 3.1's.
     */
    public static final class Builder {
        private Long seed;
        private int populationSize = 50;
        private double mutationProb = Double.NaN;
        private Crossover crossover;
        private double crossoverProb = 0.9;
        private double swappingProb = 0.5;
        private Function<FrozenTrial, double[]> constraints;
        private boolean synchronous;
        private Duration maxWait = Duration.ofMinutes(10);

        private Builder() {
        }

        /** The seed of every random draw; without one, a fresh seed is chosen. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Trials per generation, and parents kept (default 50, at least 2). */
        public Builder populationSize(int size) {
            if (size < 2) {
                throw new IllegalArgumentException("NSGA-II population size must be at least 2, got " + size
                        + "; a generation needs two trials to cross");
            }
            this.populationSize = size;
            return this;
        }

        /** The probability of mutating each parameter of a child (default 1 / the number of its parameters). */
        public Builder mutationProb(double p) {
            this.mutationProb = Crossovers.probability("NSGA-II mutationProb", p);
            return this;
        }

        /** The crossover of numeric parameters (default {@link Crossover#uniform uniform(swappingProb)}). */
        public Builder crossover(Crossover crossover) {
            if (crossover == null) {
                throw new IllegalArgumentException("NSGA-II crossover must not be null; use Crossover.uniform(0.5),"
                        + " sbx(), blxAlpha(0.5) or spx()");
            }
            this.crossover = crossover;
            return this;
        }

        /** The probability that a child crosses parents rather than copying one (default 0.9). */
        public Builder crossoverProb(double p) {
            this.crossoverProb = Crossovers.probability("NSGA-II crossoverProb", p);
            return this;
        }

        /**
         * The probability of taking a parameter from the second parent in uniform crossover (default 0.5); it
         * applies to categorical parameters whatever the crossover, and to numeric ones with the default
         * crossover.
         */
        public Builder swappingProb(double p) {
            this.swappingProb = Crossovers.probability("NSGA-II swappingProb", p);
            return this;
        }

        /**
         * A function of a finished trial (complete or pruned, with its values) returning its constraint values;
         * the trial is feasible when every value is {@code <= 0}. The values are stored with the trial as
         * system attribute {@value NsgaIISampler#CONSTRAINTS}, Optuna's key.
         */
        public Builder constraints(Function<FrozenTrial, double[]> constraints) {
            if (constraints == null) {
                throw new IllegalArgumentException("NSGA-II constraints function must not be null");
            }
            this.constraints = constraints;
            return this;
        }

        /**
         * Makes seeded runs with several workers repeat exactly (default false): a trial's generation and
         * parents depend only on the trials numbered before it. At the end of a generation, new trials wait
         * (up to {@link #maxWait}) for its last running trials, so workers idle there. With one worker it
         * changes nothing. A trial asked for in ask-and-tell style must not be told after a later one
         * suggests its parameters, or that later one waits.
         */
        public Builder synchronousGenerations(boolean synchronous) {
            this.synchronous = synchronous;
            return this;
        }

        /**
         * How long a trial waits for an earlier one with {@link #synchronousGenerations} before going on
         * without it (default 10 minutes); a trial given up on is not waited for again.
         */
        public Builder maxWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("NSGA-II maxWait must be a duration >= 0, got " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException if the crossover needs more parents than the population holds
         */
        public NsgaIISampler build() {
            Crossover c = crossover == null ? Crossover.uniform(swappingProb) : crossover;
            int parents = c.parents();
            if (parents < 1) {
                throw new IllegalArgumentException("NSGA-II crossover " + c + " says it needs " + parents
                        + " parents; a crossover needs at least 1");
            }
            if (parents > populationSize) {
                throw new IllegalArgumentException("NSGA-II crossover " + c + " needs " + parents
                        + " parents but the population size is " + populationSize + "; use populationSize("
                        + parents + ") or more, or a crossover of fewer parents");
            }
            return new NsgaIISampler(this);
        }
    }
}
