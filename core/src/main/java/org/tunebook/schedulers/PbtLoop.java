package org.tunebook.schedulers;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.ObjectiveException;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;

/**
 * One run of population-based training. A single coordinating thread (the caller's) creates every trial, makes
 * every exploit/explore decision and hands segments to the worker threads, which only train and tell; so trial
 * numbers and decisions do not depend on thread timing in synchronous mode.
 */
final class PbtLoop {

    private static final System.Logger LOG = System.getLogger(PopulationBasedTraining.class.getName());

    /** A member: its latest finished segment, and the next segment once decided. */
    private static final class Member {
        final int index;
        FrozenTrial last;
        double score = Double.NaN;
        boolean scored;
        boolean done;
        Next next;

        Member(int index) {
            this.index = index;
        }

        int finishedGeneration() {
            return last == null ? -1 : (Integer) attr(last, PbtSchedule.GENERATION);
        }

        int lastEnd() {
            return (Integer) attr(last, PbtSchedule.END_STEP);
        }
    }

    /** A segment to run: its configuration, steps and origin. */
    private record Next(int generation, int start, Map<String, Object> params, int restoreFrom, int previous,
            int exploited, Map<String, String> operations) {
    }

    /** A finished segment, or the error it threw. */
    private record Outcome(Member member, FrozenTrial trial, Throwable error) {
    }

    private final PopulationBasedTraining config;
    private final Study study;
    private final SegmentTraining training;
    private final CheckpointStore store;
    private final Direction direction;
    private final Member[] members;
    private final List<Member> awaiting = new ArrayList<>();
    private final List<Member> ready = new ArrayList<>();
    /** The generations of the segments running now (synchronous decisions wait for them). */
    private final List<Integer> inFlightGenerations = new ArrayList<>();
    private int inFlight;
    private Throwable failure;

    PbtLoop(PopulationBasedTraining config, Study study, SegmentTraining training, CheckpointStore store) {
        this.config = config;
        this.study = study;
        this.training = training;
        this.store = store;
        this.direction = study.direction();
        this.members = new Member[config.population];
        for (int i = 0; i < members.length; i++) {
            members[i] = new Member(i);
        }
    }

    PbtSchedule run() {
        resume();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(config.jobs, r -> {
            Thread t = new Thread(r, "tunebook-pbt-" + study.name() + "-worker" + threads.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Outcome> completions = new ExecutorCompletionService<>(executor);
        try {
            while (true) {
                decideWhatIsDue();
                while (failure == null && inFlight < config.jobs && !ready.isEmpty()) {
                    Member m = ready.stream().min(Comparator.<Member>comparingInt(x -> x.next.start())
                            .thenComparingInt(x -> x.index)).orElseThrow();
                    ready.remove(m);
                    Segment segment = start(m);
                    completions.submit(() -> execute(m, segment));
                    inFlight++;
                }
                if (inFlight == 0) {
                    if (failure != null || (awaiting.isEmpty() && ready.isEmpty())) {
                        break;
                    }
                    continue;
                }
                Outcome outcome = completions.take().get();
                inFlight--;
                finished(outcome);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            awaitQuietly(executor);
            Thread.currentThread().interrupt();
            return PbtSchedule.of(study);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a segment task failed outside the training", e.getCause());
        } finally {
            executor.shutdown();
        }
        if (failure != null) {
            rethrow(failure);
        }
        return PbtSchedule.of(study);
    }

    /** Picks up the segments already in the study: each member continues from its latest finished one. */
    private void resume() {
        for (FrozenTrial t : study.trials()) {
            Object member = t.systemAttrs().get(PbtSchedule.MEMBER);
            if (!(member instanceof Number n) || n.intValue() >= members.length) {
                if (member instanceof Number n) {
                    throw new IllegalArgumentException("study '" + study.name() + "' holds member " + n + " of an"
                            + " earlier population-based training; a population of " + members.length + " cannot"
                            + " resume it");
                }
                continue;
            }
            Member m = members[n.intValue()];
            if (t.state() == TrialState.COMPLETE || t.state() == TrialState.FAIL && !t.intermediateValues().isEmpty()
                    && t.failReason().map(r -> r.contains("NaN")).orElse(false)) {
                m.last = t;
                m.done = false;
                scoreOf(m);
            } else if (t.state() == TrialState.PRUNED) {
                m.last = t;
                m.done = true;
            }
        }
        for (Member m : members) {
            if (m.last == null) {
                m.next = new Next(0, 0, Map.of(), -1, -1, -1, Map.of());
                ready.add(m);
            } else if (!m.done) {
                awaiting.add(m);
            }
        }
    }

    private void scoreOf(Member m) {
        m.score = m.last.intermediateValues().isEmpty() ? Double.NaN
                : m.last.intermediateValues().get(m.last.intermediateValues().lastKey());
        m.scored = true;
    }

    /**
     * Asynchronous: every member waiting for a decision gets one now. Synchronous: the members that finished the
     * lowest generation get theirs together, once no segment of that generation or earlier is still to run.
     */
    private void decideWhatIsDue() {
        if (awaiting.isEmpty() || failure != null) {
            return;
        }
        List<Member> due;
        if (config.synchronous) {
            int lowest = awaiting.stream().mapToInt(Member::finishedGeneration).min().orElseThrow();
            boolean behind = ready.stream().anyMatch(m -> m.next.generation() <= lowest)
                    || inFlightGenerations.stream().anyMatch(g -> g <= lowest);
            if (behind) {
                return;
            }
            due = awaiting.stream().filter(m -> m.finishedGeneration() == lowest)
                    .sorted(Comparator.comparingInt(m -> m.index)).toList();
        } else {
            due = List.copyOf(awaiting);
        }
        Quantiles quantiles = Quantiles.of(currentScores(), config.quantileFraction, direction);
        for (Member m : due) {
            awaiting.remove(m);
            decide(m, quantiles);
        }
    }

    /** The latest score of every member still training (Ray leaves finished trials out of the quantiles). */
    private Map<Integer, Double> currentScores() {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.scored && !m.done && m.lastEnd() < config.steps) {
                scores.put(m.index, m.score);
            }
        }
        return scores;
    }

    /** Exploit and explore for a bottom-quantile member; the same configuration and checkpoint otherwise. */
    private void decide(Member m, Quantiles quantiles) {
        int end = m.lastEnd();
        if (end >= config.steps) {
            m.done = true;
            return;
        }
        int generation = m.finishedGeneration() + 1;
        Next next = new Next(generation, end, m.last.params(), store.has(m.last.number()) ? m.last.number() : -1,
                m.last.number(), -1, Map.of());
        if (quantiles.bottom().contains(m.index) && !quantiles.top().isEmpty()) {
            SplittableRandom random = config.random(m.index, generation);
            Member donor = members[quantiles.top().get(random.nextInt(quantiles.top().size()))];
            if (store.has(donor.last.number())) {
                Explorer.Result explored = config.explorer.explore(donor.last.params(), donor.last.distributions(),
                        random);
                next = new Next(generation, donor.lastEnd(), explored.params(), donor.last.number(), m.last.number(),
                        donor.index, explored.operations());
                LOG.log(Level.INFO, "[pbt] member {0} (score {1}) copies member {2} (score {3}): {4} -> {5}", m.index,
                        m.score, donor.index, donor.score, donor.last.params(), explored.params());
            } else {
                LOG.log(Level.INFO, "[pbt] member {0} saved no checkpoint in trial {1}; member {2} goes on without"
                        + " copying it", donor.index, donor.last.number(), m.index);
            }
        }
        m.next = next;
        ready.add(m);
    }

    /** Creates the segment's trial, with its configuration and its place in the schedule. */
    private Segment start(Member m) {
        Next n = m.next;
        Trial trial = study.ask(n.params());
        trial.setSystemAttr(PbtSchedule.MEMBER, m.index);
        trial.setSystemAttr(PbtSchedule.GENERATION, n.generation());
        trial.setSystemAttr(PbtSchedule.START_STEP, n.start());
        int end = config.segmentEnd(n.start());
        trial.setSystemAttr(PbtSchedule.END_STEP, end);
        if (n.previous() >= 0) {
            trial.setSystemAttr(PbtSchedule.PREVIOUS_TRIAL, n.previous());
        }
        if (n.restoreFrom() >= 0) {
            trial.setSystemAttr(PbtSchedule.RESTORED_FROM, n.restoreFrom());
        }
        if (n.exploited() >= 0) {
            trial.setSystemAttr(PbtSchedule.EXPLOITED_MEMBER, n.exploited());
            trial.setSystemAttr(PbtSchedule.OPERATIONS, new LinkedHashMap<String, Object>(n.operations()));
        }
        inFlightGenerations.add(n.generation());
        return new Segment(trial, m.index, n.generation(), n.start(), end, n.restoreFrom(), store);
    }

    /** On a worker thread: trains the segment and tells its trial. */
    private Outcome execute(Member m, Segment segment) {
        Trial trial = segment.trial();
        try {
            training.train(segment);
        } catch (TrialPrunedException e) {
            return new Outcome(m, study.tell(trial, TrialState.PRUNED), null);
        } catch (Throwable t) {
            String reason = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            return new Outcome(m, study.fail(trial, reason), t);
        }
        Map<Integer, Double> reports = trial.intermediateValues();
        if (reports.isEmpty()) {
            String reason = "segment " + segment + " reported no value; report the score of each step with"
                    + " segment.trial().report(value, step)";
            return new Outcome(m, study.fail(trial, reason), new IllegalStateException(reason));
        }
        double score = reports.get(reports.keySet().stream().max(Integer::compare).orElseThrow());
        return new Outcome(m, study.tell(trial, score), null); // a NaN score makes the trial FAIL, as in tell
    }

    /** Records a finished segment: its member waits for a decision, or leaves when pruned or failed. */
    private void finished(Outcome o) {
        Member m = o.member();
        inFlightGenerations.remove((Integer) m.next.generation());
        if (o.error() != null) {
            m.done = true;
            if (failure == null) {
                failure = o.error();
            }
            return;
        }
        m.last = o.trial();
        if (o.trial().state() == TrialState.PRUNED) {
            m.done = true;
            return;
        }
        scoreOf(m);
        awaiting.add(m);
    }

    private static Object attr(FrozenTrial t, String key) {
        Object v = t.systemAttrs().get(key);
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : v;
    }

    private static void awaitQuietly(ExecutorService executor) {
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new ObjectiveException("a segment of population-based training threw " + t, t);
    }
}
