package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;

/**
 * The synchronous mode of {@link CmaEsSampler}: trials decide in the order of their numbers, each after every
 * running trial numbered below it has decided, and a generation's candidates beyond its population wait for the
 * generation to finish. What a trial gets then depends only on the seed and the results of the trials before it,
 * not on which worker ran first, so seeded runs repeat with any number of worker threads of one process (workers
 * in other processes are seen only once their trials finish). The price: workers idle while a generation's last
 * candidates run, and one trial that takes long holds up the next generation.
 *
 * <p>A trial's decision is kept as system attribute {@value #ROLE} ({@code startup} or {@code independent}) or,
 * for a candidate, as its generation attributes.
 */
final class CmaSync {

    static final String ROLE = "cma:role";
    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());

    private final Duration maxWait;
    private final boolean considerPruned;

    CmaSync(Duration maxWait, boolean considerPruned) {
        this.maxWait = maxWait;
        this.considerPruned = considerPruned;
    }

    /** What the trials numbered below a trial have decided, once every running one has. */
    record View(List<FrozenTrial> before, boolean searchStarted, boolean independent, int learned, int running) {
    }

    /**
     * Waits until every running trial numbered below {@code trial} has decided and, while the search has not
     * started, until the start-up trials it needs have finished; returns what they decided.
     */
    View await(Study study, Trial trial, int nStartupTrials) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long sleep = 1;
        while (true) {
            View v = view(study, trial);
            boolean undecided = v.before.stream().anyMatch(t -> t.state() == TrialState.RUNNING && !decided(t));
            // before the search starts, the start-up trials whose outcome matters must finish: to count them, and
            // so that the search space is read from a set of trials that does not depend on timing
            boolean startupPending = !v.searchStarted && !v.independent && v.running > 0
                    && v.learned + v.running >= nStartupTrials;
            if (!undecided && !startupPending) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                LOG.log(Level.WARNING, "trial {0} of study ''{1}'' waited {2} for earlier trials to decide or finish;"
                        + " it goes on without them, so this run will not repeat exactly", trial.number(), study.name(),
                        maxWait);
                return v;
            }
            sleep = pause(sleep);
        }
    }

    /**
     * One read of all of a study's trials. A trial's generation and candidate index are decided from one such
     * read, taken under the study's {@link CmaHistory} lock and given to {@link CmaHistory#refresh(List)} too:
     * whether a generation is told and how many candidates it has must come from the same state of the trials.
     * (Read apart, a candidate finishing in between is seen running by the one and finished by the other: the
     * generation is not told, yet has no running candidate to wait for, so the trial joined it as one candidate
     * too many and every later candidate moved to the next trial number.)
     */
    static List<FrozenTrial> snapshot(Study study) {
        return study.storage().trials(study.id());
    }

    /**
     * How many trials of {@code snapshot} numbered below {@code trial} are candidates of a generation
     * ({@code [0]}), and how many of them are still running ({@code [1]}). Once every trial below has decided
     * ({@link #await}), the first is the trial's rank by number among the generation's candidates.
     */
    static int[] generation(List<FrozenTrial> snapshot, Trial trial, int restart, int generation) {
        int labelled = 0;
        int running = 0;
        for (FrozenTrial t : snapshot) {
            if (t.number() >= trial.number()) {
                continue;
            }
            Map<String, Object> a = t.systemAttrs();
            if (a.get(CmaHistory.RESTART) instanceof Number r && r.intValue() == restart
                    && a.get(CmaHistory.GENERATION) instanceof Number g && g.intValue() == generation) {
                labelled++;
                running += t.state() == TrialState.RUNNING ? 1 : 0;
            }
        }
        return new int[] {labelled, running};
    }

    /** Waits a little (longer each time) for a generation's running candidates; false once {@code maxWait} is up. */
    boolean pauseForGeneration(Study study, Trial trial, int generation, long deadline, long[] sleep) {
        if (System.nanoTime() > deadline) {
            LOG.log(Level.WARNING, "trial {0} of study ''{1}'' waited {2} for generation {3} to finish; it joins"
                    + " that generation, so this run will not repeat exactly", trial.number(), study.name(), maxWait,
                    generation);
            return false;
        }
        sleep[0] = pause(sleep[0]);
        return true;
    }

    long deadline() {
        return System.nanoTime() + maxWait.toNanos();
    }

    private View view(Study study, Trial trial) {
        List<FrozenTrial> before = new ArrayList<>();
        boolean started = false;
        boolean independent = false;
        int learned = 0;
        int running = 0;
        for (FrozenTrial t : study.storage().trials(study.id())) {
            if (t.number() >= trial.number() || t.state() == TrialState.WAITING) {
                continue;
            }
            before.add(t);
            Map<String, Object> a = t.systemAttrs();
            started |= a.containsKey(CmaHistory.GENERATION);
            independent |= "independent".equals(a.get(ROLE));
            if (t.state() == TrialState.RUNNING) {
                running++;
            } else if (t.state() == TrialState.COMPLETE
                    || considerPruned && t.state() == TrialState.PRUNED && !t.intermediateValues().isEmpty()) {
                learned++;
            }
        }
        return new View(before, started, independent, learned, running);
    }

    private static boolean decided(FrozenTrial t) {
        return t.systemAttrs().containsKey(ROLE) || t.systemAttrs().containsKey(CmaHistory.GENERATION);
    }

    private static long pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for earlier trials", e);
        }
        return Math.min(50, millis * 2);
    }
}
