package org.tunebook.samplers;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;
import org.tunebook.storage.Storage;

/**
 * What TPE (and the Gaussian process, through {@link #complete}) knows about one study: the observations of
 * its finished trials, kept as primitive columns and sorted indexes that grow as trials finish (finished
 * trials never change, so each is read and converted once). This is TPE's hot path; every method is
 * synchronized, and the heavy work of scoring candidates happens outside, on the arrays these methods hand
 * out.
 *
 * <p>An <em>observation</em> is a COMPLETE trial with values, or (single-objective only) a PRUNED one.
 * Observations are ranked as Optuna ranks them: complete trials by value, then pruned trials by the step
 * they reached (later is better) and their last reported value, pruned trials that never reported last;
 * ties go to the earlier trial. With a constraints function, feasible trials come first and infeasible
 * ones follow by their total violation.
 */
final class TpeHistory {

    static final Set<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);

    /** A running trial, counted as a bad observation by the constant liar; model-space values by name. */
    record Pending(int number, Map<String, Double> values) {
    }

    /**
     * Observations split for one parameter or group: model-space values by dimension then observation
     * ({@code below[d][i]}), and unnormalized weights, per side.
     */
    record Sides(double[][] below, double[] belowWeights, double[][] above, double[] aboveWeights) {
        int belowCount() {
            return belowWeights.length;
        }

        int aboveCount() {
            return aboveWeights.length;
        }
    }

    private final TpeConfig config;
    private final double[] signs;
    private final boolean multiObjective;
    private final IntPredicate members;

    private int size;
    private int[] number = new int[64];
    private double[] stepKey = new double[64];
    private double[][] loss;
    private double[] violation = new double[64];
    private double[][] constraintValues = new double[64][];
    private int[] byScore = new int[64];
    private int[] byNumber = new int[64];
    private final Map<String, Column> columns = new HashMap<>();
    private final BitSet finished = new BitSet();
    private int finishedCount;
    private final SpaceTracker spaces = new SpaceTracker();

    private long lastRefreshTrial = Long.MIN_VALUE;
    private final Map<Integer, double[]> weightCache = new HashMap<>();
    private int splitSize = -1;
    private int splitCutoff;
    private Split split;

    /** One parameter's model-space values by observation (NaN where absent), and an index sorted by value. */
    private static final class Column {
        double[] values;
        int[] sorted = new int[16];
        int count;

        Column(int capacity) {
            values = new double[capacity];
            Arrays.fill(values, Double.NaN);
        }
    }

    /** Which observations are "good" for a view; {@code moWeight} is set for multi-objective studies. */
    private record Split(int n, boolean[] below, double[] moWeight) {
    }

    TpeHistory(TpeConfig config, List<Direction> directions) {
        this(config, directions, null);
    }

    /**
     * The history of the trials whose numbers {@code members} accepts (all when null): a Hyperband bracket's
     * trials, say. The others are read too (so that waiting for earlier trials knows they finished) but not
     * modelled.
     */
    TpeHistory(TpeConfig config, List<Direction> directions, IntPredicate members) {
        this.config = config;
        this.members = members;
        this.signs = new double[directions.size()];
        for (int k = 0; k < signs.length; k++) {
            signs[k] = directions.get(k) == Direction.MINIMIZE ? 1 : -1;
        }
        this.multiObjective = signs.length > 1;
        this.loss = new double[signs.length][64];
    }

    // ---- reading finished trials ----

    /**
     * Reads the trials that finished since the last call, unless this trial already did: a trial's parameters
     * are sampled moments apart, and with one worker nothing can finish in between.
     */
    synchronized void refreshFor(long trialId, Storage storage, int studyId) {
        if (trialId != lastRefreshTrial) {
            refresh(storage, studyId);
            lastRefreshTrial = trialId;
        }
    }

    /** Reads the trials that finished since the last call; cheap when none did. */
    synchronized void refresh(Storage storage, int studyId) {
        if (storage.trialCount(studyId, FINISHED) == finishedCount) {
            return;
        }
        for (FrozenTrial t : storage.trials(studyId, FINISHED)) {
            if (!finished.get(t.number())) {
                finished.set(t.number());
                finishedCount++;
                if (members == null || members.test(t.number())) {
                    add(t);
                }
            }
        }
    }

    /** The lowest trial number that has not finished (as far as the last refresh knows). */
    synchronized int firstUnfinished() {
        return finished.nextClearBit(0);
    }

    /** The lowest trial number from {@code from} on that has not finished. */
    synchronized int nextUnfinished(int from) {
        return finished.nextClearBit(from);
    }

    private void add(FrozenTrial t) {
        double key;
        double[] values;
        if (t.state() == TrialState.COMPLETE && t.hasValue()) {
            key = Double.NEGATIVE_INFINITY;
            values = t.values();
        } else if (t.state() == TrialState.PRUNED && !multiObjective) {
            if (t.intermediateValues().isEmpty()) {
                key = 1;
                values = new double[] {0.0};
            } else {
                int step = t.intermediateValues().lastKey();
                double last = t.intermediateValues().get(step);
                key = -step;
                values = new double[] {Double.isNaN(last) ? Double.POSITIVE_INFINITY * signs[0] : last};
            }
        } else {
            return; // FAIL, a complete trial without values, or pruned in a multi-objective study
        }
        if (values.length != signs.length) {
            return;
        }
        int i = size;
        ensureCapacity(i + 1);
        number[i] = t.number();
        stepKey[i] = key;
        for (int k = 0; k < signs.length; k++) {
            loss[k][i] = signs[k] * values[k];
        }
        constraintValues[i] = Constraints.stored(t);
        violation[i] = config.constraints() == null ? 0 : Constraints.violation(constraintValues[i]);
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            Column c = columns.computeIfAbsent(e.getKey(), k -> new Column(number.length));
            double v = ParzenSpace.toModel(e.getValue(), t.internalParam(e.getKey()));
            c.values[i] = v;
            insertSorted(c, i);
        }
        size++;
        insert(byScore, i, true);
        insert(byNumber, i, false);
        spaces.add(t.number(), t.distributions());
    }

    private void ensureCapacity(int needed) {
        if (needed <= number.length) {
            return;
        }
        int capacity = Math.max(needed, number.length * 2);
        number = Arrays.copyOf(number, capacity);
        stepKey = Arrays.copyOf(stepKey, capacity);
        violation = Arrays.copyOf(violation, capacity);
        constraintValues = Arrays.copyOf(constraintValues, capacity);
        for (int k = 0; k < loss.length; k++) {
            loss[k] = Arrays.copyOf(loss[k], capacity);
        }
        byScore = Arrays.copyOf(byScore, capacity);
        byNumber = Arrays.copyOf(byNumber, capacity);
        for (Column c : columns.values()) {
            int old = c.values.length;
            c.values = Arrays.copyOf(c.values, capacity);
            Arrays.fill(c.values, old, capacity, Double.NaN);
        }
    }

    private void insert(int[] index, int i, boolean byScoreOrder) {
        int lo = 0;
        int hi = size - 1; // index holds size - 1 entries before this one
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((byScoreOrder ? compareScore(index[mid], i) : Integer.compare(number[index[mid]], number[i])) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(index, lo, index, lo + 1, size - 1 - lo);
        index[lo] = i;
    }

    private void insertSorted(Column c, int i) {
        if (c.count == c.sorted.length) {
            c.sorted = Arrays.copyOf(c.sorted, c.count * 2);
        }
        double v = c.values[i];
        int lo = 0;
        int hi = c.count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int o = c.sorted[mid];
            double w = c.values[o];
            if (w < v || (w == v && number[o] < number[i])) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(c.sorted, lo, c.sorted, lo + 1, c.count - lo);
        c.sorted[lo] = i;
        c.count++;
    }

    /** Optuna's order: feasibility (with constraints), then (step key, value), then trial number. */
    private int compareScore(int a, int b) {
        int c = Double.compare(violation[a], violation[b]);
        if (c == 0) {
            c = Double.compare(stepKey[a], stepKey[b]);
        }
        if (c == 0) {
            c = Double.compare(loss[0][a], loss[0][b]);
        }
        return c != 0 ? c : Integer.compare(number[a], number[b]);
    }

    // ---- views ----

    /** The number of observations among trials numbered below {@code cutoff}. */
    synchronized int observations(int cutoff) {
        if (cutoff == Integer.MAX_VALUE) {
            return size;
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (number[i] < cutoff) {
                n++;
            }
        }
        return n;
    }

    /** The trial numbers of the observations numbered below {@code cutoff}, ascending (for tests). */
    synchronized int[] observedNumbers(int cutoff) {
        int[] out = new int[size];
        int n = 0;
        for (int j = 0; j < size; j++) {
            int i = byNumber[j];
            if (number[i] < cutoff) {
                out[n++] = number[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The intersection search space of the trials numbered below {@code cutoff}. */
    synchronized Map<String, Distribution> intersection(int cutoff, FrozenTrialSource source) {
        return tracker(cutoff, source).intersection();
    }

    /** The group-decomposed search space of the trials numbered below {@code cutoff}. */
    synchronized List<Map<String, Distribution>> groups(int cutoff, FrozenTrialSource source) {
        return tracker(cutoff, source).groups();
    }

    /** Where the spaces of a partial view come from: the study's trials, read again when needed. */
    interface FrozenTrialSource {
        List<FrozenTrial> finishedTrials();
    }

    private SpaceTracker tracker(int cutoff, FrozenTrialSource source) {
        if (cutoff == Integer.MAX_VALUE) {
            return spaces;
        }
        SpaceTracker partial = new SpaceTracker();
        for (FrozenTrial t : source.finishedTrials()) {
            if (t.number() < cutoff && (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)
                    && (members == null || members.test(t.number()))) {
                partial.add(t.number(), t.distributions());
            }
        }
        return partial;
    }

    private Split split(int cutoff) {
        if (split != null && splitSize == size && splitCutoff == cutoff) {
            return split;
        }
        int[] members = new int[size];
        int n = 0;
        for (int j = 0; j < size; j++) {
            int i = byScore[j];
            if (number[i] < cutoff) {
                members[n++] = i;
            }
        }
        int nBelow = config.below(n);
        boolean[] below = new boolean[size];
        double[] moWeight = null;
        if (!multiObjective) {
            for (int j = 0; j < nBelow; j++) {
                below[members[j]] = true;
            }
        } else {
            moWeight = new double[size];
            MotpeSplit.select(Arrays.copyOf(members, n), nBelow, violation, number, loss, below, moWeight);
        }
        split = new Split(n, below, moWeight);
        splitSize = size;
        splitCutoff = cutoff;
        return split;
    }

    /**
     * The "good" and "bad" observations of one parameter, or null while the view holds fewer than
     * {@code startupTrials} observations. Values are model-space and sorted ascending;
     * weights follow the configured weights function over each side in chronological order (hypervolume
     * contributions for the good side of a multi-objective study). Running trials, when given, join the bad
     * side.
     */
    synchronized Sides univariate(String name, int cutoff, List<Pending> pending) {
        return sides(new String[] {name}, cutoff, pending, true);
    }

    /**
     * The "good" and "bad" observations of a group of parameters sampled jointly: model-space values in
     * {@code names} order, observations chronological; only observations with every parameter of the group.
     */
    synchronized Sides multivariate(String[] names, int cutoff, List<Pending> pending) {
        return sides(names, cutoff, pending, false);
    }

    private Sides sides(String[] names, int cutoff, List<Pending> pending, boolean sortByValue) {
        Split s = split(cutoff);
        if (s.n < config.startupTrials()) {
            return null;
        }
        Column[] cols = new Column[names.length];
        for (int j = 0; j < names.length; j++) {
            cols[j] = columns.get(names[j]);
        }
        // chronological pass: which observations take part, and their rank on their side
        int[] rank = new int[size];
        int belowCount = 0;
        int aboveCount = 0;
        int p = 0;
        int pendingCount = pending.size();
        int[] pendingRank = new int[pendingCount];
        boolean[] pendingUsed = new boolean[pendingCount];
        for (int j = 0; j <= size; j++) {
            int i = j < size ? byNumber[j] : -1;
            int limit = i < 0 ? Integer.MAX_VALUE : number[i];
            while (p < pendingCount && pending.get(p).number() < limit) {
                if (hasAll(pending.get(p), names)) {
                    pendingUsed[p] = true;
                    pendingRank[p] = aboveCount++;
                }
                p++;
            }
            if (i < 0 || number[i] >= cutoff || !hasAll(cols, i)) {
                if (i >= 0) {
                    rank[i] = -1;
                }
                continue;
            }
            rank[i] = s.below[i] ? belowCount++ : aboveCount++;
        }
        double[] wBelow = weights(belowCount);
        double[] wAbove = weights(aboveCount);
        double[][] below = new double[names.length][belowCount];
        double[][] above = new double[names.length][aboveCount];
        double[] belowWeights = new double[belowCount];
        double[] aboveWeights = new double[aboveCount];
        int b = 0;
        int a = 0;
        if (sortByValue) {
            Column c = cols[0];
            double[] pendingValues = new double[pendingCount];
            int[] pendingOrder = sortedPending(pending, pendingUsed, names[0], pendingValues);
            int q = 0;
            int count = c == null ? 0 : c.count;
            for (int j = 0; j <= count; j++) {
                int i = j < count ? c.sorted[j] : -1;
                double v = i < 0 ? Double.POSITIVE_INFINITY : c.values[i];
                while (q < pendingOrder.length && (pendingValues[pendingOrder[q]] < v || i < 0)) {
                    int pi = pendingOrder[q++];
                    above[0][a] = pendingValues[pi];
                    aboveWeights[a++] = wAbove[pendingRank[pi]];
                }
                if (i < 0 || rank[i] < 0) {
                    continue;
                }
                if (s.below[i]) {
                    below[0][b] = v;
                    belowWeights[b++] = s.moWeight != null ? s.moWeight[i] : wBelow[rank[i]];
                } else {
                    above[0][a] = v;
                    aboveWeights[a++] = wAbove[rank[i]];
                }
            }
        } else {
            for (int j = 0; j < size; j++) {
                int i = byNumber[j];
                if (rank[i] < 0) {
                    continue;
                }
                if (s.below[i]) {
                    for (int d = 0; d < names.length; d++) {
                        below[d][b] = cols[d].values[i];
                    }
                    belowWeights[b++] = s.moWeight != null ? s.moWeight[i] : wBelow[rank[i]];
                } else {
                    for (int d = 0; d < names.length; d++) {
                        above[d][rank[i]] = cols[d].values[i];
                    }
                    aboveWeights[rank[i]] = wAbove[rank[i]];
                }
            }
            for (int pi = 0; pi < pendingCount; pi++) {
                if (pendingUsed[pi]) {
                    for (int d = 0; d < names.length; d++) {
                        above[d][pendingRank[pi]] = pending.get(pi).values().get(names[d]);
                    }
                    aboveWeights[pendingRank[pi]] = wAbove[pendingRank[pi]];
                }
            }
        }
        return new Sides(below, belowWeights, above, aboveWeights);
    }

    /** The weights function's answer for {@code n}, checked once and kept (it is a function of n alone). */
    private double[] weights(int n) {
        double[] w = weightCache.get(n);
        if (w == null) {
            if (weightCache.size() > 256) {
                weightCache.clear();
            }
            w = config.weightsOf(n);
            weightCache.put(n, w);
        }
        return w;
    }

    /**
     * Complete observations of a group of parameters: model-space values by dimension, their losses, trial
     * numbers, and the constraint values stored with them (null for a trial without).
     */
    record Complete(double[][] values, double[] loss, int[] number, double[][] constraints) {
        int count() {
            return loss.length;
        }
    }

    /**
     * The complete trials numbered below {@code cutoff} that have every parameter of {@code names} and a
     * finite first objective, in trial-number order (for the Gaussian process, which models complete trials
     * only). Losses are signed for minimization.
     */
    synchronized Complete complete(String[] names, int cutoff) {
        Column[] cols = new Column[names.length];
        for (int j = 0; j < names.length; j++) {
            cols[j] = columns.get(names[j]);
        }
        int[] picked = new int[size];
        int count = 0;
        for (int j = 0; j < size; j++) {
            int i = byNumber[j];
            if (number[i] < cutoff && stepKey[i] == Double.NEGATIVE_INFINITY && Double.isFinite(loss[0][i])
                    && hasAll(cols, i)) {
                picked[count++] = i;
            }
        }
        double[][] values = new double[names.length][count];
        double[] losses = new double[count];
        int[] numbers = new int[count];
        double[][] constraints = new double[count][];
        for (int k = 0; k < count; k++) {
            int i = picked[k];
            constraints[k] = constraintValues[i];
            for (int d = 0; d < names.length; d++) {
                values[d][k] = cols[d].values[i];
            }
            losses[k] = loss[0][i];
            numbers[k] = number[i];
        }
        return new Complete(values, losses, numbers, constraints);
    }

    private static boolean hasAll(Column[] cols, int i) {
        if (cols.length == 1) {
            return cols[0] != null && !Double.isNaN(cols[0].values[i]);
        }
        for (Column c : cols) {
            if (c == null || Double.isNaN(c.values[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAll(Pending p, String[] names) {
        for (String name : names) {
            if (!p.values().containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    private static int[] sortedPending(List<Pending> pending, boolean[] used, String name, double[] values) {
        int n = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (used[i]) {
                values[i] = pending.get(i).values().get(name);
                n++;
            }
        }
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (used[i]) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (x, y) -> values[x] != values[y] ? Double.compare(values[x], values[y])
                : Integer.compare(pending.get(x).number(), pending.get(y).number()));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
