package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tunebook.FrozenTrial;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.distributions.Distribution;

/**
 * Tries every combination of a grid of values once, in a shuffled order, and stops the study when the grid
 * is done. Grid points are handed out through an atomic counter kept in the study, so several threads (and,
 * with a shared database, several processes) never evaluate the same point twice.
 *
 * <p>Each trial records its {@code grid_id} and the {@code search_space}, as Optuna's grid sampler does.
 */
public final class GridSampler implements Sampler {

    /** The trial system attribute holding the index of the trial's grid point. */
    public static final String GRID_ID = "grid_id";
    /** The trial system attribute holding the grid. */
    public static final String SEARCH_SPACE = "search_space";

    private static final System.Logger LOG = System.getLogger(GridSampler.class.getName());

    private final Map<String, List<Object>> grid;
    private final List<String> names;
    private final long size;
    private final long seed;
    private final long[] permutation;
    private final String counterKey;
    private final String orderKey;

    /** A grid over these values, visited in a fixed shuffled order. */
    public GridSampler(Map<String, ? extends List<?>> grid) {
        this(grid, 0);
    }

    /**
     * A grid over these values, visited in an order shuffled by {@code seed}. A study that a grid sampler
     * over the same grid has already worked on keeps the order of that first sampler's seed, so that resuming
     * it never revisits a point.
     */
    public GridSampler(Map<String, ? extends List<?>> grid, long seed) {
        if (grid == null || grid.isEmpty()) {
            throw new IllegalArgumentException("grid search needs at least one parameter with values, got an empty grid");
        }
        Map<String, List<Object>> copy = new TreeMap<>();
        BigInteger points = BigInteger.ONE;
        for (Map.Entry<String, ? extends List<?>> e : grid.entrySet()) {
            List<?> values = e.getValue();
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("grid parameter '" + e.getKey()
                        + "' has no values; give it at least one");
            }
            for (Object v : values) {
                if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new IllegalArgumentException("grid parameter '" + e.getKey() + "' has value " + v + " of type "
                            + v.getClass().getSimpleName() + "; grid values must be strings, numbers, booleans or null");
                }
            }
            copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(values)));
            points = points.multiply(BigInteger.valueOf(values.size()));
        }
        if (points.bitLength() > 62) {
            throw new IllegalArgumentException("grid has " + points + " points, too many to enumerate; use random search");
        }
        this.grid = Collections.unmodifiableMap(copy);
        this.names = List.copyOf(copy.keySet());
        this.size = points.longValue();
        this.seed = seed;
        this.permutation = permutation(seed, size);
        String gridKey = Integer.toHexString(this.grid.toString().hashCode());
        this.counterKey = "tunebook:grid_counter:" + gridKey;
        this.orderKey = "tunebook:grid_order_seed:" + gridKey;
    }

    /**
     * An affine map k -> (a*k + b) mod size with gcd(a, size) = 1 is a permutation of the grid: a shuffled
     * visiting order that needs no memory and that every worker computes alike from the seed. Returns {a, b}.
     */
    private static long[] permutation(long seed, long size) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed));
        long a = 1;
        if (size > 2) {
            do {
                a = 1 + rng.nextLong(size - 1);
            } while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(size)).intValue() != 1);
        }
        long b = size > 1 ? rng.nextLong(size) : 0;
        return new long[] {a, b};
    }

    /** A grid over a declared space whose parameters are all discrete (categorical, int, or stepped float). */
    public GridSampler(Space space) {
        this(space.gridValues());
    }

    /** The grid, by parameter name (names sorted). */
    public Map<String, List<Object>> grid() {
        return grid;
    }

    /** The number of grid points. */
    public long size() {
        return size;
    }

    @Override
    public Map<String, Object> beforeTrial(Study study) {
        long k = study.storage().nextSequenceValue(study.id(), counterKey);
        if (k >= size) {
            study.stop();
            throw new SearchSpaceExhaustedException("all " + size + " points of the grid have been tried in study '"
                    + study.name() + "'");
        }
        long orderSeed = orderSeed(study);
        long[] p = orderSeed == seed ? permutation : permutation(orderSeed, size);
        long gridId = BigInteger.valueOf(p[0]).multiply(BigInteger.valueOf(k))
                .add(BigInteger.valueOf(p[1])).mod(BigInteger.valueOf(size)).longValue();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put(GRID_ID, gridId);
        attrs.put(SEARCH_SPACE, grid);
        return attrs;
    }

    /**
     * The seed of the visiting order: the one stored with the study by the first grid sampler that worked on
     * it, so that a study resumed (or shared by another process) with a sampler of another seed goes on along
     * the same order instead of revisiting points. Stored as text: storages may keep numbers as doubles.
     */
    private long orderSeed(Study study) {
        Object stored = study.storage().studySystemAttrs(study.id()).get(orderKey);
        if (stored != null) {
            try {
                return Long.parseLong(stored.toString());
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, "ignoring unreadable grid order seed {0} of study ''{1}''", stored, study.name());
            }
        }
        study.storage().setStudySystemAttr(study.id(), orderKey, Long.toString(seed));
        return seed;
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        List<Object> values = grid.get(name);
        if (values == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid (the grid has "
                    + String.join(", ", names) + "); add it to the grid or fix it with enqueue");
        }
        Object gridId = trial.systemAttrs().get(GRID_ID);
        if (!(gridId instanceof Number)) {
            throw new IllegalArgumentException("trial " + trial.number() + " has no grid point: with a grid sampler,"
                    + " an enqueued trial must fix every grid parameter (missing '" + name + "')");
        }
        Object value = valueAt(((Number) gridId).longValue(), name);
        double internal = distribution.toInternal(value);
        if (!distribution.contains(internal)) {
            LOG.log(Level.WARNING, "grid value {0} of parameter ''{1}'' lies outside {2}; using it anyway",
                    value, name, distribution);
        }
        return internal;
    }

    /** The value of one parameter at a grid point: grid ids enumerate combinations in mixed radix. */
    Object valueAt(long gridId, String name) {
        long rest = gridId;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> values = grid.get(names.get(i));
            int index = (int) (rest % values.size());
            rest /= values.size();
            if (names.get(i).equals(name)) {
                return values.get(index);
            }
        }
        throw new IllegalStateException("unreachable: " + name);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        Object handedOut = study.storage().studySystemAttrs(study.id()).get(counterKey);
        if (handedOut instanceof Number n && n.longValue() >= size) {
            study.stop();
        }
    }

    @Override
    public String toString() {
        return "GridSampler(" + size + " points over " + names + ")";
    }
}
