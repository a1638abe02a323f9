package org.tunebook.schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.tunebook.Study;
import org.tunebook.distributions.Distribution;
import org.tunebook.schedulers.Explorer.Mutation;

/**
 * Population-based training (Ray Tune's {@code PopulationBasedTraining}): a population of models trains side by
 * side; at every perturbation interval the members in the bottom quantile copy the checkpoint and configuration
 * of a member in the top quantile (exploit) and then resample or perturb the mutated hyperparameters (explore),
 * so the hyperparameters change during training and good schedules are found as the models train.
 *
 * <pre>{@code
 * PopulationBasedTraining pbt = PopulationBasedTraining.builder()
 *         .population(8).steps(40).perturbationInterval(5)
 *         .mutate("lr").mutate("momentum")
 *         .jobs(4).seed(7).build();
 * PbtSchedule schedule = pbt.run(study, segment -> {
 *     double lr = segment.trial().suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
 *     double momentum = segment.trial().suggestCategorical("momentum", 0.0, 0.5, 0.9, 0.99);
 *     Mlp net = segment.restoreArrays().map(Mlp::new).orElseGet(() -> new Mlp(seed));
 *     for (int epoch = segment.start(); epoch < segment.end(); epoch++) {
 *         net.trainEpoch(lr, momentum);
 *         segment.trial().report(net.accuracy(), epoch);
 *     }
 *     segment.saveArrays(net.weights());
 * });
 * }</pre>
 *
 * <p>Each member's training is a chain of {@link Segment}s, one trial each, from one perturbation point to the
 * next: the trial's parameters are exactly the configuration it trained with, its intermediate values the member's
 * curve over those steps, its value the score at the end (the last report). The first segment of each member is
 * sampled by the study's sampler; later ones are fixed by the scheduler. {@link PbtSchedule} reads the whole
 * schedule back from the study.
 *
 * <p>Ray Tune's settings and defaults: {@code quantileFraction} 0.25 (0 to 0.5), {@code resampleProbability}
 * 0.25, {@code perturbationFactors} 1.2 and 0.8, {@code burnInPeriod} 0, asynchronous by default (a member is
 * perturbed as soon as it reaches a perturbation point, against the latest scores of the others) or
 * {@code synchronous(true)} (the whole population reaches each point, then is perturbed at once). Mutations name
 * hyperparameters the training suggests; they are resampled from the distribution they were suggested with (or
 * one given), perturbed numbers stay inside their range, and categorical values move to a neighbouring choice.
 * Progress is counted in steps (Ray's {@code training_iteration}), not seconds.
 *
 * <p>Runs are reproducible from a seed with {@code synchronous(true)}, given a seeded sampler: every decision
 * draws from a stream derived from the seed, the member and the generation. A study already holding segments is
 * resumed: members continue from their latest finished segment.
 */
public final class PopulationBasedTraining {

    /** The study system attribute recording where the checkpoints are, so a resumed run finds them. */
    public static final String CHECKPOINT_DIRECTORY = "pbt:checkpoint_directory";

    final int population;
    final int steps;
    final int perturbationInterval;
    final int burnInPeriod;
    final double quantileFraction;
    final boolean synchronous;
    final int jobs;
    final long seed;
    final Path checkpointDirectory;
    final Explorer explorer;
    private final String description;

    private PopulationBasedTraining(Builder b) {
        this.population = b.population;
        this.steps = b.steps;
        this.perturbationInterval = b.perturbationInterval;
        this.burnInPeriod = b.burnInPeriod;
        this.quantileFraction = b.quantileFraction;
        this.synchronous = b.synchronous;
        this.jobs = b.jobs;
        this.seed = b.seed;
        this.checkpointDirectory = b.checkpointDirectory;
        this.explorer = new Explorer(b.mutations, b.resampleProbability, b.perturbationFactors, b.customExplore);
        this.description = "PopulationBasedTraining(population=" + population + ", steps=" + steps
                + ", perturbationInterval=" + perturbationInterval + ", burnInPeriod=" + burnInPeriod
                + ", quantileFraction=" + quantileFraction + ", resampleProbability=" + b.resampleProbability
                + ", perturbationFactors=" + Arrays.toString(b.perturbationFactors) + ", mutations="
                + b.mutations.stream().map(Mutation::name).toList() + ", synchronous=" + synchronous
                + ", jobs=" + jobs + ")";
    }

    /** A builder; {@code steps}, {@code perturbationInterval} and a mutation are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the population in {@code study} (a single-objective study, whose direction says which scores are
     * better) until every member has trained {@code steps} steps, and returns the schedule applied. Blocks; the
     * segments run on {@code jobs} threads. If a segment throws, the run stops starting segments, lets the
     * running ones finish and rethrows (checked exceptions wrapped); the failed trial is recorded as FAIL. If the
     * calling thread is interrupted, running segments are interrupted and the schedule so far is returned with
     * the interrupt flag kept.
     */
    public PbtSchedule run(Study study, SegmentTraining training) {
        if (study == null || training == null) {
            throw new IllegalArgumentException("run needs a study and the training of a segment");
        }
        if (study.isMultiObjective()) {
            throw new IllegalArgumentException("population-based training needs a single-objective study; study '"
                    + study.name() + "' has " + study.directions().size() + " objectives");
        }
        CheckpointStore store = new CheckpointStore(checkpointRoot(study), study.name());
        return new PbtLoop(this, study, training, store).run();
    }

    /** The bytes saved by trial {@code trialNumber}'s segment (the best trial's model, say), if it saved any. */
    public Optional<byte[]> checkpoint(Study study, int trialNumber) {
        return new CheckpointStore(checkpointRoot(study), study.name()).read(trialNumber);
    }

    /** The checkpoint folder of trial {@code trialNumber}'s segment (it may not exist). */
    public Path checkpointDirectory(Study study, int trialNumber) {
        return new CheckpointStore(checkpointRoot(study), study.name()).directory(trialNumber);
    }

    /** The explicit folder, else the one the study recorded, else a new temporary folder (then recorded). */
    private Path checkpointRoot(Study study) {
        if (checkpointDirectory != null) {
            study.storage().setStudySystemAttr(study.id(), CHECKPOINT_DIRECTORY, checkpointDirectory.toAbsolutePath()
                    .toString());
            return checkpointDirectory;
        }
        Object recorded = study.systemAttrs().get(CHECKPOINT_DIRECTORY);
        if (recorded instanceof String path) {
            return Path.of(path);
        }
        try {
            Path dir = Files.createTempDirectory("tunebook-pbt-");
            study.storage().setStudySystemAttr(study.id(), CHECKPOINT_DIRECTORY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the checkpoints; give one with"
                    + " checkpointDirectory(path)", e);
        }
    }

    /** The step at which a segment starting at {@code start} ends: the next perturbation point, or the last step. */
    int segmentEnd(int start) {
        return Math.min(steps, Math.max(start + perturbationInterval, burnInPeriod));
    }

    /** The random stream of one decision. */
    SplittableRandom random(int member, int generation) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (member + 1)) ^ (0xC2B2AE3D27D4EB4FL * (generation + 1)));
    }

    @Override
    public String toString() {
        return description;
    }

    /** Configures {@link PopulationBasedTraining}; each setting is checked when it is made. */
    public static final class Builder {
        private int population = 8;
        private int steps = -1;
        private int perturbationInterval = -1;
        private int burnInPeriod;
        private double quantileFraction = 0.25;
        private double resampleProbability = 0.25;
        private double[] perturbationFactors = {1.2, 0.8};
        private final List<Mutation> mutations = new ArrayList<>();
        private UnaryOperator<Map<String, Object>> customExplore;
        private boolean synchronous;
        private int jobs = 1;
        private long seed = new SplittableRandom().nextLong();
        private Path checkpointDirectory;

        private Builder() {
        }

        /** Members trained side by side; at least 2, default 8 (Ray's {@code num_samples}). */
        public Builder population(int population) {
            if (population < 2) {
                throw new IllegalArgumentException("population must be >= 2, got " + population);
            }
            this.population = population;
            return this;
        }

        /** Steps each member trains in all (Ray's stop on {@code training_iteration}); required, at least 1. */
        public Builder steps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Steps between perturbations; required, at least 1. */
        public Builder perturbationInterval(int perturbationInterval) {
            if (perturbationInterval < 1) {
                throw new IllegalArgumentException("perturbation interval must be >= 1, got " + perturbationInterval);
            }
            this.perturbationInterval = perturbationInterval;
            return this;
        }

        /** No perturbation before this step; default 0. */
        public Builder burnInPeriod(int burnInPeriod) {
            if (burnInPeriod < 0) {
                throw new IllegalArgumentException("burn-in period must be >= 0, got " + burnInPeriod);
            }
            this.burnInPeriod = burnInPeriod;
            return this;
        }

        /** The share of the population in the bottom and in the top quantile; 0 to 0.5, default 0.25. */
        public Builder quantileFraction(double quantileFraction) {
            if (!(quantileFraction >= 0 && quantileFraction <= 0.5)) {
                throw new IllegalArgumentException("quantile fraction must be between 0 and 0.5, got " + quantileFraction);
            }
            this.quantileFraction = quantileFraction;
            return this;
        }

        /** The probability of resampling a mutated hyperparameter instead of perturbing it; 0 to 1, default 0.25. */
        public Builder resampleProbability(double resampleProbability) {
            if (!(resampleProbability >= 0 && resampleProbability <= 1)) {
                throw new IllegalArgumentException("resample probability must be between 0 and 1, got "
                        + resampleProbability);
            }
            this.resampleProbability = resampleProbability;
            return this;
        }

        /** The factors a perturbed number is multiplied by, one chosen at random; default 1.2 and 0.8. */
        public Builder perturbationFactors(double... factors) {
            if (factors == null || factors.length == 0) {
                throw new IllegalArgumentException("perturbation factors must not be empty");
            }
            for (double f : factors) {
                if (!(f > 0) || Double.isInfinite(f)) {
                    throw new IllegalArgumentException("perturbation factors must be positive and finite, got "
                            + Arrays.toString(factors));
                }
            }
            this.perturbationFactors = factors.clone();
            return this;
        }

        /** Mutates hyperparameter {@code name}, resampling it from the distribution the training suggests it with. */
        public Builder mutate(String name) {
            return mutate(name, null);
        }

        /** Mutates hyperparameter {@code name}, resampling it from {@code resampleFrom}. */
        public Builder mutate(String name, Distribution resampleFrom) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a mutated hyperparameter needs a name");
            }
            if (mutations.stream().anyMatch(m -> m.name().equals(name))) {
                throw new IllegalArgumentException("hyperparameter '" + name + "' is already mutated");
            }
            mutations.add(new Mutation(name, resampleFrom));
            return this;
        }

        /** A function applied to each explored configuration after the mutations (Ray's custom explore function). */
        public Builder customExplore(UnaryOperator<Map<String, Object>> customExplore) {
            this.customExplore = customExplore;
            return this;
        }

        /** Whether the population is perturbed together at each point (default false: each member on its own). */
        public Builder synchronous(boolean synchronous) {
            this.synchronous = synchronous;
            return this;
        }

        /** Worker threads running segments; at least 1, default 1. */
        public Builder jobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
            }
            this.jobs = jobs;
            return this;
        }

        /** The seed of the exploit and explore decisions. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where checkpoints are kept (a subfolder per study); default the study's recorded folder or a temporary one. */
        public Builder checkpointDirectory(Path checkpointDirectory) {
            if (checkpointDirectory == null) {
                throw new IllegalArgumentException("checkpoint directory must not be null");
            }
            this.checkpointDirectory = checkpointDirectory;
            return this;
        }

        /**
         * The scheduler.
         *
         * @throws IllegalArgumentException without steps, perturbation interval, or any mutation or custom explore
         */
        public PopulationBasedTraining build() {
            if (steps < 0) {
                throw new IllegalArgumentException("population-based training needs the steps each member trains,"
                        + " e.g. steps(50)");
            }
            if (perturbationInterval < 0) {
                throw new IllegalArgumentException("population-based training needs a perturbation interval in steps,"
                        + " e.g. perturbationInterval(5)");
            }
            if (mutations.isEmpty() && customExplore == null) {
                throw new IllegalArgumentException("population-based training needs hyperparameters to mutate, e.g."
                        + " mutate(\"lr\"), or a custom explore function");
            }
            return new PopulationBasedTraining(this);
        }
    }
}
