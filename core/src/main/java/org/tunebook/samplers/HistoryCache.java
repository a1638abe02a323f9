package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.pruners.HyperbandPruner;
import org.tunebook.pruners.Pruner;
import org.tunebook.storage.Storage;

/**
 * The {@link TpeHistory} of each study a model-based sampler works on, brought up to date when a trial asks,
 * and the part of it a trial may model: every finished trial by default; with {@code reproducibleWorkers = k},
 * exactly the trials numbered below {@code n - k + 1}, waiting (up to {@code maxWait}) for any of them that
 * is still running, so that runs with up to {@code k} workers repeat. A trial given up on is not waited for
 * again.
 *
 * <p>When the study's pruner is a {@link HyperbandPruner} with several brackets, a trial models only the trials
 * of its own bracket, finished and running, as Optuna's samplers see a "bracket study": each bracket prunes at
 * its own rungs, so their pruned trials' values are not comparable across brackets. Each bracket then has its own
 * history.
 */
final class HistoryCache {

    private static final System.Logger LOG = System.getLogger(HistoryCache.class.getName());
    private static final int MAX_STUDIES = 64;

    private final TpeConfig config;
    private final int reproducibleWorkers;
    private final Duration maxWait;
    private final Map<StudyKey, Entry> entries = new ConcurrentHashMap<>();

    private record StudyKey(Storage storage, int id, Partition partition) {
    }

    private record Entry(TpeHistory history, Set<Integer> abandoned) {
    }

    /**
     * The trials a trial models: all ({@link #ALL}), or bracket {@code bracket} of {@code brackets} of a
     * Hyperband pruner (compared by identity: another pruner may cut the trials differently).
     */
    record Partition(Pruner pruner, int brackets, int bracket) {
        static final Partition ALL = new Partition(null, 0, 0);

        @Override
        public boolean equals(Object o) {
            return o instanceof Partition p && p.pruner == pruner && p.brackets == brackets && p.bracket == bracket;
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(pruner) * 31 + brackets) * 31 + bracket;
        }

        @Override
        public String toString() {
            return pruner == null ? "all" : "bracket " + bracket + " of " + brackets;
        }
    }

    HistoryCache(TpeConfig config, int reproducibleWorkers, Duration maxWait) {
        this.config = config;
        this.reproducibleWorkers = reproducibleWorkers;
        this.maxWait = maxWait;
    }

    /** The study's history, with every trial this trial may model read in. */
    TpeHistory forTrial(Study study, Trial trial) {
        Partition partition = partition(study, trial.number());
        StudyKey key = new StudyKey(study.storage(), study.id(), partition);
        Entry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= MAX_STUDIES) {
                entries.clear();
            }
            e = entries.computeIfAbsent(key, k -> new Entry(new TpeHistory(config, study.directions(),
                    members(study, partition)), ConcurrentHashMap.newKeySet()));
        }
        e.history().refreshFor(trial.id(), study.storage(), study.id());
        if (reproducibleWorkers > 0) {
            awaitEarlierTrials(e, study, cutoff(trial), trial.number());
        }
        return e.history();
    }

    /** The part of the study trial {@code trialNumber} models: its Hyperband bracket, or all trials. */
    static Partition partition(Study study, int trialNumber) {
        if (study.pruner() instanceof HyperbandPruner hyperband) {
            int brackets = hyperband.bracketCount(study);
            if (brackets > 1) {
                return new Partition(hyperband, brackets, hyperband.bracketOf(study, trialNumber));
            }
        }
        return Partition.ALL;
    }

    /** Which trial numbers belong to a partition; null for all. */
    private static IntPredicate members(Study study, Partition partition) {
        if (partition.pruner() == null) {
            return null;
        }
        HyperbandPruner hyperband = (HyperbandPruner) partition.pruner();
        int bracket = partition.bracket();
        return number -> hyperband.bracketOf(study, number) == bracket;
    }

    /** Trials numbered below the cutoff are the ones a trial may model. */
    int cutoff(Trial trial) {
        return reproducibleWorkers > 0 ? trial.number() - reproducibleWorkers + 1 : Integer.MAX_VALUE;
    }

    private void awaitEarlierTrials(Entry e, Study study, int cutoff, int trialNumber) {
        TpeHistory h = e.history();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long sleepMillis = 1;
        while (true) {
            int first = h.firstUnfinished();
            while (first < cutoff && e.abandoned().contains(first)) {
                first = h.nextUnfinished(first + 1);
            }
            if (first >= cutoff) {
                return;
            }
            if (System.nanoTime() > deadline) {
                e.abandoned().add(first);
                LOG.log(Level.WARNING, "trial {0} of study ''{1}'' has not finished after {2}; trial {3} and later"
                        + " ones go on without it, so this run will not repeat exactly", first, study.name(), maxWait,
                        trialNumber);
                continue;
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            sleepMillis = Math.min(50, sleepMillis * 2);
            h.refresh(study.storage(), study.id());
        }
    }

    /**
     * The study's running trials other than {@code trial} (of its partition), by number, with model-space
     * parameter values.
     */
    static List<TpeHistory.Pending> running(Study study, Trial trial) {
        IntPredicate members = members(study, partition(study, trial.number()));
        List<TpeHistory.Pending> pending = new ArrayList<>();
        for (FrozenTrial t : study.storage().trials(study.id(), EnumSet.of(TrialState.RUNNING))) {
            if (t.id() == trial.id() || (members != null && !members.test(t.number()))) {
                continue;
            }
            Map<String, Double> values = new HashMap<>();
            t.distributions().forEach((name, d) -> values.put(name, ParzenSpace.toModel(d, t.internalParam(name))));
            pending.add(new TpeHistory.Pending(t.number(), values));
        }
        pending.sort(Comparator.comparingInt(TpeHistory.Pending::number));
        return pending;
    }
}
