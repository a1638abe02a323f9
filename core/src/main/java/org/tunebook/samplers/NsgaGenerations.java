package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.storage.Storage;

/**
 * Which generation a new trial belongs to and which parent population it breeds from, worked out from the
 * study's stored trials alone (their system attribute {@value NsgaIISampler#GENERATION} and their states), so
 * that a study resumed with a fresh sampler, in another process or from Optuna, goes on where it stopped.
 *
 * <p>Generation {@code g} is complete when {@code populationSize} of its trials are COMPLETE. Generations are
 * replayed from 0: the parents after a complete generation are the elite ({@link NsgaRanking#elite}) of its
 * complete trials together with the previous parents. A new trial belongs to the first generation that is not
 * complete, and breeds from the parents of the one before (none for generation 0: it samples at random).
 *
 * <p>As in Optuna, a trial started while its generation is being finished by other workers joins that
 * generation too, so a generation may end up with more than {@code populationSize} trials, and which ones
 * depends on timing. In <em>synchronous</em> mode a trial looks only at the trials numbered before it and
 * waits until they settle its place: it joins the current generation while the complete and running trials
 * of it number fewer than {@code populationSize}, and otherwise waits for them to finish. Its generation and
 * parents then depend on trial numbers and outcomes only, and seeded runs repeat with any number of workers.
 * Parent populations are cached per study; a cached one is reused while the trials it came from are the same.
 */
final class NsgaGenerations {

    private static final System.Logger LOG = System.getLogger(NsgaGenerations.class.getName());
    private static final Set<TrialState> MEMBER_STATES = EnumSet.of(TrialState.COMPLETE, TrialState.RUNNING);
    private static final int MAX_STUDIES = 64;

    /** A trial's place: its generation and the parent population it breeds from (empty for generation 0). */
    record Place(int generation, List<FrozenTrial> parents) {
    }

    private record StudyKey(Storage storage, int id) {
    }

    /** The parents after one complete generation, and the trials they were chosen from. */
    private record Cached(int[] members, int[] previous, List<FrozenTrial> parents) {
    }

    private final int populationSize;
    private final boolean constrained;
    private final boolean synchronous;
    private final Duration maxWait;
    private final Map<StudyKey, Entry> entries = new ConcurrentHashMap<>();

    /** What is kept per study: the parents after each complete generation, and trials no longer waited for. */
    private record Entry(Map<Integer, Cached> parents, Set<Integer> abandoned) {
    }

    NsgaGenerations(int populationSize, boolean constrained, boolean synchronous, Duration maxWait) {
        this.populationSize = populationSize;
        this.constrained = constrained;
        this.synchronous = synchronous;
        this.maxWait = maxWait;
    }

    /** The generation of a trial stored by NSGA-II (by this sampler or by Optuna's), or -1. */
    static int generationOf(Map<String, Object> systemAttrs) {
        return systemAttrs.get(NsgaIISampler.GENERATION) instanceof Number n ? n.intValue() : -1;
    }

    /** The place a trial would take now, from every COMPLETE trial of the study (without waiting). */
    Place current(Study study) {
        return replay(study, study.storage().trials(study.id(), EnumSet.of(TrialState.COMPLETE)));
    }

    /** The place of {@code trial}, which has none yet. */
    Place place(Study study, Trial trial) {
        if (!synchronous) {
            return current(study);
        }
        Set<Integer> abandoned = entry(study).abandoned();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long sleepMillis = 1;
        while (true) {
            List<FrozenTrial> earlier = new ArrayList<>();
            for (FrozenTrial t : study.storage().trials(study.id(), MEMBER_STATES)) {
                if (t.number() < trial.number() && !(t.state() == TrialState.RUNNING && abandoned.contains(t.number()))) {
                    earlier.add(t);
                }
            }
            FrozenTrial blocking = blocking(earlier);
            if (blocking == null) {
                earlier.removeIf(t -> t.state() != TrialState.COMPLETE);
                return replay(study, earlier);
            }
            if (System.nanoTime() > deadline) {
                abandoned.add(blocking.number());
                LOG.log(Level.WARNING, "trial {0} of study ''{1}'' has not settled its NSGA-II generation after {2};"
                        + " trial {3} and later ones go on without it, so this run will not repeat exactly",
                        blocking.number(), study.name(), maxWait, trial.number());
                continue;
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                earlier.removeIf(t -> t.state() != TrialState.COMPLETE);
                return replay(study, earlier);
            }
            sleepMillis = Math.min(50, sleepMillis * 2);
        }
    }

    /**
     * A running earlier trial whose outcome decides the new trial's place, or null when the place is settled:
     * a running trial without a generation yet (it may join the current one), or, when the current generation
     * has as many complete and running trials as the population size but is not complete, one of its running
     * trials (if it fails, the new trial takes its seat), or, when it is complete, any of its running trials
     * (they join the parents' pool).
     */
    private FrozenTrial blocking(List<FrozenTrial> earlier) {
        int current = -1;
        for (FrozenTrial t : earlier) {
            int g = generationOf(t.systemAttrs());
            if (g < 0 && t.state() == TrialState.RUNNING) {
                return t;
            }
            current = Math.max(current, g);
        }
        int complete = 0;
        FrozenTrial running = null;
        int runningCount = 0;
        for (FrozenTrial t : earlier) {
            if (generationOf(t.systemAttrs()) == current) {
                if (t.state() == TrialState.COMPLETE) {
                    complete++;
                } else {
                    runningCount++;
                    running = running == null || t.number() < running.number() ? t : running;
                }
            }
        }
        return complete + runningCount < populationSize ? null : running;
    }

    /** Replays the generations of the given COMPLETE trials: the first incomplete generation and its parents. */
    Place replay(Study study, List<FrozenTrial> complete) {
        TreeMap<Integer, List<FrozenTrial>> byGeneration = new TreeMap<>();
        for (FrozenTrial t : complete) {
            int g = generationOf(t.systemAttrs());
            if (g >= 0) {
                byGeneration.computeIfAbsent(g, x -> new ArrayList<>()).add(t);
            }
        }
        Map<Integer, Cached> cache = entry(study).parents();
        List<FrozenTrial> parents = List.of();
        int[] previous = new int[0];
        int g = 0;
        while (byGeneration.getOrDefault(g, List.of()).size() >= populationSize) {
            List<FrozenTrial> members = byGeneration.get(g);
            int[] memberNumbers = members.stream().mapToInt(FrozenTrial::number).sorted().toArray();
            Cached cached;
            synchronized (cache) {
                cached = cache.get(g);
            }
            if (cached == null || !Arrays.equals(cached.members(), memberNumbers)
                    || !Arrays.equals(cached.previous(), previous)) {
                List<FrozenTrial> pool = new ArrayList<>(members);
                pool.addAll(parents);
                cached = new Cached(memberNumbers, previous, select(pool, study.directions()));
                synchronized (cache) {
                    cache.put(g, cached);
                }
            }
            parents = cached.parents();
            previous = parents.stream().mapToInt(FrozenTrial::number).toArray();
            g++;
        }
        return new Place(g, parents);
    }

    private Entry entry(Study study) {
        StudyKey key = new StudyKey(study.storage(), study.id());
        Entry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= MAX_STUDIES) {
                entries.clear();
            }
            e = entries.computeIfAbsent(key, k -> new Entry(new HashMap<>(), ConcurrentHashMap.newKeySet()));
        }
        return e;
    }

    /** The elite of a pool of COMPLETE trials. */
    private List<FrozenTrial> select(List<FrozenTrial> pool, List<Direction> directions) {
        Map<Integer, FrozenTrial> byNumber = new HashMap<>();
        List<NsgaRanking.Member> members = new ArrayList<>(pool.size());
        for (FrozenTrial t : pool) {
            if (byNumber.putIfAbsent(t.number(), t) == null) {
                members.add(member(t, directions, constrained));
            }
        }
        List<FrozenTrial> elite = new ArrayList<>(populationSize);
        for (NsgaRanking.Member m : NsgaRanking.elite(members, populationSize, constrained)) {
            elite.add(byNumber.get(m.number()));
        }
        return List.copyOf(elite);
    }

    /** A COMPLETE trial as a member of a population. */
    static NsgaRanking.Member member(FrozenTrial t, List<Direction> directions, boolean constrained) {
        double[] values = t.values();
        double[] loss = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            loss[k] = directions.get(k) == Direction.MAXIMIZE ? -values[k] : values[k];
        }
        return new NsgaRanking.Member(t.number(), loss, constrained ? Constraints.violation(t) : 0);
    }
}
