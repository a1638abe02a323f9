package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.RandomVectorGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.distributions.Distribution;

/**
 * Quasi-random search: each trial takes the next point of a low-discrepancy sequence (Sobol by default, or
 * Halton), which covers the space more evenly than random points do.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new QmcSampler(42)).create();
 * Study halton = Tune.study().sampler(QmcSampler.builder().type(QmcSampler.Type.HALTON).seed(42).build()).create();
 * }</pre>
 *
 * <ul>
 *   <li>The sequence index is handed out by a counter kept in the study ({@code nextSequenceValue}), so
 *   threads and processes sharing a study never take the same point; it is stored with each trial as
 *   system attribute {@value #INDEX}.</li>
 *   <li>The {@code j}-th parameter a trial asks for takes coordinate {@code j} of the trial's point, so any
 *   space works, conditional and loop-built ones included, as long as the objective asks in a fixed
 *   order (as code does). Values are placed like the random sampler's: uniform in range (in log space for
 *   log parameters), grid values and choices equally likely.</li>
 *   <li>Scrambling (the default) applies a random digital shift to Sobol points (a random rotation to
 *   Halton points) drawn from the seed, which keeps the even spread and makes the seed matter; without it
 *   the plain sequence is used, skipping its first point, the corner where every parameter is at its low
 *   end. Optuna's {@code QMCSampler} scrambles only on request.</li>
 *   <li>Enqueued trials, which have no index, sample their free parameters at random; so do parameters
 *   beyond the sequence's dimensions (1,000 for Sobol, 40 for Halton), with one warning.</li>
 * </ul>
 * A seeded sampler repeats its runs, with several worker threads too (indices are handed out in the order
 * trials are created).
 */
public final class QmcSampler implements Sampler {

    /** The trial system attribute holding the trial's index in the sequence. */
    public static final String INDEX = "qmc_index";

    private static final System.Logger LOG = System.getLogger(QmcSampler.class.getName());
    private static final int SOBOL_MAX_DIMENSION = 1000;
    private static final int HALTON_MAX_DIMENSION = 40;
    private static final int CACHED_POINTS = 64;

    /** The low-discrepancy sequence to follow. */
    public enum Type {
        /** Sobol' sequence (Joe and Kuo's direction numbers, up to 1,000 dimensions). */
        SOBOL,
        /** Halton sequence (up to 40 dimensions). */
        HALTON
    }

    private final Type type;
    private final long seed;
    private final boolean scramble;
    private final String counterKey;
    private RandomVectorGenerator generator; // guarded by this
    private int dimension; // guarded by this
    private final Map<Long, double[]> points = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, double[]> eldest) {
            return size() > CACHED_POINTS;
        }
    };
    private volatile boolean warnedDimension;

    /** Scrambled Sobol points from a fresh random seed. */
    public QmcSampler() {
        this(builder());
    }

    /** Scrambled Sobol points, reproducible from {@code seed}. */
    public QmcSampler(long seed) {
        this(builder().seed(seed));
    }

    private QmcSampler(Builder b) {
        this.type = b.type;
        this.seed = b.seed == null ? Seeds.fresh() : b.seed;
        this.scramble = b.scramble;
        this.counterKey = "tunebook:qmc_counter:" + type.name().toLowerCase();
    }

    /** A builder: Sobol, scrambled, fresh seed unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed of the scrambling and of the random fallback. */
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> beforeTrial(Study study) {
        long index = study.storage().nextSequenceValue(study.id(), counterKey);
        return Map.of(INDEX, scramble ? index : index + 1);
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        Object index = trial.systemAttrs().get(INDEX);
        int coordinate = trial.distributions().size();
        int max = type == Type.SOBOL ? SOBOL_MAX_DIMENSION : HALTON_MAX_DIMENSION;
        if (!(index instanceof Number n) || coordinate >= max) {
            if (coordinate >= max && !warnedDimension) {
                warnedDimension = true;
                LOG.log(Level.WARNING, "parameter ''{0}'' of trial {1} is the {2}th of its trial, beyond the {3}"
                        + " dimensions of the {4} sequence; it and any later ones are sampled at random", name,
                        trial.number(), coordinate + 1, max, type);
            }
            return RandomSampler.sample(distribution, Seeds.forParam(seed, trial.number(), name));
        }
        double u = coordinate(n.longValue(), coordinate);
        return UnitMapping.at(distribution, u);
    }

    /** Coordinate {@code j} of point {@code index}, scrambled if asked. */
    double coordinate(long index, int j) {
        double u = point(index, j)[j];
        if (!scramble) {
            return u;
        }
        SplittableRandom shift = new SplittableRandom(Seeds.mix(seed ^ Seeds.mix(0x5DEECE66DL + j)));
        if (type == Type.SOBOL) {
            long bits = (long) (u * 0x1p52) ^ (shift.nextLong() >>> 12); // digital shift of the 52 bits
            return bits * 0x1p-52;
        }
        double rotated = u + shift.nextDouble(); // Cranley-Patterson rotation
        return rotated >= 1 ? rotated - 1 : rotated;
    }

    /** The sequence's point {@code index}, with at least {@code j + 1} coordinates. */
    private synchronized double[] point(long index, int j) {
        double[] p = points.get(index);
        if (p != null && p.length > j) {
            return p;
        }
        if (generator == null || dimension <= j) {
            int max = type == Type.SOBOL ? SOBOL_MAX_DIMENSION : HALTON_MAX_DIMENSION;
            dimension = Math.min(max, Math.max(j + 1, Math.max(8, 2 * dimension)));
            generator = type == Type.SOBOL ? new SobolSequenceGenerator(dimension) : new HaltonSequenceGenerator(dimension);
            points.clear();
        }
        if (index > Integer.MAX_VALUE) {
            throw new IllegalStateException("the " + type + " sequence of this study is used up (index " + index + ")");
        }
        p = type == Type.SOBOL ? ((SobolSequenceGenerator) generator).skipTo((int) index)
                : ((HaltonSequenceGenerator) generator).skipTo((int) index);
        points.put(index, p);
        return p;
    }

    @Override
    public String toString() {
        return "QmcSampler(" + type + (scramble ? ", scrambled" : "") + ", seed=" + seed + ")";
    }

    /** Settings of a {@link QmcSampler}. */
    public static final class Builder {
        private Type type = Type.SOBOL;
        private Long seed;
        private boolean scramble = true;

        private Builder() {
        }

        /** The sequence (default Sobol). */
        public Builder type(Type type) {
            if (type == null) {
                throw new IllegalArgumentException("QMC sequence type must not be null; use SOBOL or HALTON");
            }
            this.type = type;
            return this;
        }

        /** The seed of the scrambling and of the random fallback. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether to scramble the sequence (default true). */
        public Builder scramble(boolean scramble) {
            this.scramble = scramble;
            return this;
        }

        /** The sampler. */
        public QmcSampler build() {
            return new QmcSampler(this);
        }
    }
}
