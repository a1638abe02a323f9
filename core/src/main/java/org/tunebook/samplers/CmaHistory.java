package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.storage.Storage;

/**
 * What CMA-ES knows about one study: the finished trials it learns from (COMPLETE ones, and PRUNED ones when
 * asked to consider them), read once each as they finish; their search spaces; and the candidates among them,
 * by run and generation. The sampler keeps one per study and holds its lock while it decides a trial.
 */
final class CmaHistory {

    static final String RESTART = CmaEsSampler.RESTART;
    static final String GENERATION = CmaEsSampler.GENERATION;
    static final String CANDIDATE = CmaEsSampler.CANDIDATE;
    static final String POPSIZE = CmaEsSampler.POPSIZE;
    static final String X = CmaEsSampler.X;

    /** A finished candidate: its index in its generation, trial number, point asked for and loss. */
    record Solution(int candidate, int number, double[] x, double loss, FrozenTrial trial) {
    }

    private final Set<TrialState> states;
    private final double sign;
    private final SpaceTracker spaces = new SpaceTracker();
    private final BitSet seen = new BitSet();
    private int seenCount;
    private int learnedCount;
    private final Map<Long, List<Solution>> solutions = new HashMap<>();

    /** The run in progress and the stored meta value it was read or written as (see {@link CmaStore}). */
    CmaEs run;
    String meta;

    CmaHistory(List<Direction> directions, boolean considerPruned) {
        this.states = considerPruned ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED) : EnumSet.of(TrialState.COMPLETE);
        this.sign = directions.get(0) == Direction.MAXIMIZE ? -1 : 1;
    }

    /** Reads the trials that finished since the last call; cheap when none did. */
    void refresh(Storage storage, int studyId) {
        if (storage.trialCount(studyId, states) == seenCount) {
            return;
        }
        refresh(storage.trials(studyId, states));
    }

    /**
     * Reads the finished trials of {@code snapshot} (one read of a study's trials, in any states) not read yet.
     * Snapshots must be taken under this history's lock, so that each holds every trial an earlier one had
     * finished: this history then knows exactly the finished trials of the last snapshot.
     */
    void refresh(List<FrozenTrial> snapshot) {
        for (FrozenTrial t : snapshot) {
            if (!states.contains(t.state()) || seen.get(t.number())) {
                continue;
            }
            seen.set(t.number());
            seenCount++;
            Double loss = loss(t);
            if (loss == null) {
                continue; // a pruned trial that never reported: nothing to learn from (and not counted)
            }
            learnedCount++;
            spaces.add(t.number(), t.distributions());
            Map<String, Object> attrs = t.systemAttrs();
            if (attrs.get(RESTART) instanceof Number r && attrs.get(GENERATION) instanceof Number g
                    && attrs.get(CANDIDATE) instanceof Number k && attrs.get(X) instanceof List<?> xs) {
                double[] x = new double[xs.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = ((Number) xs.get(i)).doubleValue();
                }
                solutions.computeIfAbsent(key(r.intValue(), g.intValue()), key -> new ArrayList<>())
                        .add(new Solution(k.intValue(), t.number(), x, loss, t));
            }
        }
    }

    private Double loss(FrozenTrial t) {
        if (t.state() == TrialState.COMPLETE) {
            return t.values() == null || t.values().length == 0 ? null : sign * t.values()[0];
        }
        Map<Integer, Double> reported = t.intermediateValues();
        if (reported.isEmpty()) {
            return null;
        }
        int last = reported.keySet().stream().max(Integer::compare).orElseThrow();
        return sign * reported.get(last);
    }

    /** Finished trials learned from (the start-up phase ends when there are enough). */
    int finishedCount() {
        return learnedCount;
    }

    /** The parameters every finished trial had with the same distribution, without single-valued ones. */
    Map<String, org.tunebook.distributions.Distribution> intersection() {
        return spaces.intersection();
    }

    /** The finished candidates of one generation of one run, by candidate index. */
    List<Solution> solutions(int restart, int generation) {
        List<Solution> list = new ArrayList<>(solutions.getOrDefault(key(restart, generation), List.of()));
        list.sort(Comparator.comparingInt(Solution::candidate).thenComparingInt(Solution::number));
        return list;
    }

    private static long key(int restart, int generation) {
        return ((long) restart << 32) | (generation & 0xFFFFFFFFL);
    }
}
