package org.tunebook.schedulers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * What population-based training did, read back from a study's trials: every segment with its member, steps,
 * configuration and score, and for each exploit the member copied and what explore changed. It is read from the
 * trials' system attributes (the keys below), so it survives in a database and can be read by any process.
 *
 * <pre>{@code
 * PbtSchedule schedule = PbtSchedule.of(study);
 * schedule.exploits().forEach(System.out::println);
 * // the hyperparameters, segment by segment, that produced the best checkpoint
 * schedule.lineage(study.bestTrial().number()).forEach(e -> System.out.println(e.startStep() + " " + e.params()));
 * }</pre>
 */
public final class PbtSchedule {

    /** System attribute: the population member, 0 to population - 1. */
    public static final String MEMBER = "pbt:member";
    /** System attribute: the member's segment count before this one. */
    public static final String GENERATION = "pbt:generation";
    /** System attribute: the first step of the segment. */
    public static final String START_STEP = "pbt:start_step";
    /** System attribute: the step after the segment's last one. */
    public static final String END_STEP = "pbt:end_step";
    /** System attribute: the member's previous segment (absent for its first). */
    public static final String PREVIOUS_TRIAL = "pbt:previous_trial";
    /** System attribute: the trial whose checkpoint the segment continued from (absent for a fresh start). */
    public static final String RESTORED_FROM = "pbt:restored_from";
    /** System attribute, on exploits only: the member whose checkpoint and configuration were copied. */
    public static final String EXPLOITED_MEMBER = "pbt:exploited_member";
    /** System attribute, on exploits only: what explore did to each mutated hyperparameter. */
    public static final String OPERATIONS = "pbt:operations";

    /**
     * One segment.
     *
     * @param trial the trial number
     * @param state COMPLETE, or FAIL (a NaN score or an error), PRUNED (stopped by the user), RUNNING
     * @param member the population member
     * @param generation the member's segment count before this one
     * @param startStep the first step trained
     * @param endStep the step after the last one
     * @param score the last report, NaN if none
     * @param params the configuration trained with
     * @param previousTrial the member's previous segment, or -1
     * @param restoredFrom the trial whose checkpoint was continued, or -1
     * @param exploitedMember the member copied on an exploit, or -1
     * @param operations on an exploit, "resample", "* 1.2", "shift left", … per mutated hyperparameter
     */
    public record Entry(int trial, TrialState state, int member, int generation, int startStep, int endStep,
            double score, Map<String, Object> params, int previousTrial, int restoredFrom, int exploitedMember,
            Map<String, String> operations) {

        /** Whether this segment started by copying another member (exploit) and changing its configuration. */
        public boolean isExploit() {
            return exploitedMember >= 0;
        }

        @Override
        public String toString() {
            String head = "trial #" + trial + " member " + member + " steps " + startStep + "-" + (endStep - 1);
            String how = isExploit() ? " copied member " + exploitedMember + " (trial #" + restoredFrom + ") "
                    + operations : restoredFrom >= 0 ? " continued" : " started";
            return head + how + " params=" + params + " score=" + score + (state == TrialState.COMPLETE ? "" : " " + state);
        }
    }

    private final List<Entry> entries;

    private PbtSchedule(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The schedule of a study's population-based training (empty if it had none). */
    public static PbtSchedule of(Study study) {
        List<Entry> entries = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            Entry e = entry(t);
            if (e != null) {
                entries.add(e);
            }
        }
        return new PbtSchedule(entries);
    }

    /** The entry of a trial made by population-based training, or null for another trial. */
    static Entry entry(FrozenTrial t) {
        Map<String, Object> a = t.systemAttrs();
        if (!(a.get(MEMBER) instanceof Number member)) {
            return null;
        }
        double score = t.intermediateValues().isEmpty() ? Double.NaN
                : t.intermediateValues().get(t.intermediateValues().lastKey());
        Map<String, String> operations = new LinkedHashMap<>();
        if (a.get(OPERATIONS) instanceof Map<?, ?> ops) {
            ops.forEach((k, v) -> operations.put(String.valueOf(k), String.valueOf(v)));
        }
        return new Entry(t.number(), t.state(), member.intValue(), integer(a, GENERATION), integer(a, START_STEP),
                integer(a, END_STEP), score, t.params(), integer(a, PREVIOUS_TRIAL), integer(a, RESTORED_FROM),
                integer(a, EXPLOITED_MEMBER), Collections.unmodifiableMap(operations));
    }

    private static int integer(Map<String, Object> attrs, String key) {
        return attrs.get(key) instanceof Number n ? n.intValue() : -1;
    }

    /** Every segment, by trial number. */
    public List<Entry> entries() {
        return entries;
    }

    /** The segments of one member, in order. */
    public List<Entry> member(int member) {
        return entries.stream().filter(e -> e.member() == member).toList();
    }

    /** The segments that began with an exploit. */
    public List<Entry> exploits() {
        return entries.stream().filter(Entry::isExploit).toList();
    }

    /**
     * The segments whose training led to trial {@code trialNumber}'s checkpoint, oldest first, following each
     * segment back to the checkpoint it continued from (across members where an exploit copied one): the
     * configuration schedule that trained that model, as Ray Tune's PBT replay reads it.
     *
     * @throws IllegalArgumentException if the trial is not a segment of this schedule
     */
    public List<Entry> lineage(int trialNumber) {
        Map<Integer, Entry> byTrial = new HashMap<>();
        entries.forEach(e -> byTrial.put(e.trial(), e));
        Entry e = byTrial.get(trialNumber);
        if (e == null) {
            throw new IllegalArgumentException("trial " + trialNumber + " is not a segment of population-based training");
        }
        List<Entry> chain = new ArrayList<>();
        while (e != null) {
            chain.add(e);
            e = byTrial.get(e.restoredFrom());
        }
        Collections.reverse(chain);
        return chain;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PbtSchedule: ").append(entries.size()).append(" segments, ")
                .append(exploits().size()).append(" exploits");
        exploits().forEach(e -> s.append("\n  ").append(e));
        return s.toString();
    }
}
