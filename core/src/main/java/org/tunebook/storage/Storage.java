package org.tunebook.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Where studies and their trials live. Implementations are thread-safe; those backed by a database are
 * also safe for many processes sharing it. Trial numbers are assigned by the storage, per study, without
 * gaps, whatever the concurrency.
 *
 * <p>Values cross this interface in their internal form for parameters (see {@link Distribution}) and as
 * JSON-compatible objects for attributes. Studies are addressed by an integer id, trials by a long id.
 * Unknown ids raise {@link NoSuchStudyException} or {@link IllegalArgumentException}.
 */
public interface Storage extends AutoCloseable {

    /** The URL this storage was opened from ({@code memory} for the shared in-memory storage). */
    String url();

    // ---- studies ----

    /**
     * Creates a study.
     *
     * @throws DuplicateStudyException if the name is taken
     */
    int createStudy(String name, List<Direction> directions);

    /** Deletes a study and all its trials. */
    void deleteStudy(int studyId);

    /** The id of the study with this name, if there is one. */
    Optional<Integer> findStudy(String name);

    /** The names of all studies, in creation order. */
    List<String> studyNames();

    /** A study's name. */
    String studyName(int studyId);

    /** A study's optimization directions, one per objective. */
    List<Direction> studyDirections(int studyId);

    /** A study's user attributes. */
    Map<String, Object> studyUserAttrs(int studyId);

    /** Sets a study user attribute. */
    void setStudyUserAttr(int studyId, String key, Object value);

    /** A study's system attributes. */
    Map<String, Object> studySystemAttrs(int studyId);

    /** Sets a study system attribute. */
    void setStudySystemAttr(int studyId, String key, Object value);

    /**
     * Atomically returns the value of a per-study counter (0 the first time) and increments it. Samplers
     * use it to hand out grid points or sequence indices exactly once across threads and processes.
     */
    long nextSequenceValue(int studyId, String key);

    // ---- trials ----

    /**
     * Creates a trial with the next number. With a {@code null} template the trial is RUNNING and empty;
     * otherwise it copies the template's state, values, parameters, attributes and times (the template's
     * number and id are ignored).
     */
    FrozenTrial createTrial(int studyId, FrozenTrial template);

    /**
     * Atomically moves the oldest WAITING trial of a study to RUNNING and returns it, so that each enqueued
     * trial is run by exactly one worker.
     */
    Optional<FrozenTrial> claimWaitingTrial(int studyId);

    /**
     * Claims the oldest WAITING trial of a study, as {@link #claimWaitingTrial} does, or, if there is none,
     * creates a RUNNING empty trial, as {@code createTrial(studyId, null)} does. Database storages do both in
     * one transaction, which is what starting a trial costs when the sampler adds nothing to new trials.
     */
    default FrozenTrial claimOrCreateTrial(int studyId) {
        return claimWaitingTrial(studyId).orElseGet(() -> createTrial(studyId, null));
    }

    /**
     * Sets a parameter of a RUNNING trial.
     *
     * @throws IllegalArgumentException if the study knows the parameter with an incompatible distribution
     * @throws IllegalStateException if the trial is finished
     */
    void setTrialParam(long trialId, String name, double internalValue, Distribution distribution);

    /** Records an intermediate value of a RUNNING trial. */
    void setTrialIntermediateValue(long trialId, int step, double value);

    /** Sets a user attribute of a trial that is not finished. */
    void setTrialUserAttr(long trialId, String key, Object value);

    /** Sets a system attribute of a trial that is not finished. */
    void setTrialSystemAttr(long trialId, String key, Object value);

    /**
     * Finishes a RUNNING trial. Returns false, changing nothing, if the trial was already finished (by
     * another worker that judged it dead, say).
     *
     * @param values objective values, or null (FAIL trials, PRUNED trials that never reported)
     */
    boolean finishTrial(long trialId, TrialState state, double[] values);

    /** A snapshot of one trial. */
    FrozenTrial trial(long trialId);

    /** Snapshots of a study's trials in the given states, by number. */
    List<FrozenTrial> trials(int studyId, Set<TrialState> states);

    /** How many trials of a study are in the given states. */
    default int trialCount(int studyId, Set<TrialState> states) {
        return trials(studyId, states).size();
    }

    /** All trials of a study, by number. */
    default List<FrozenTrial> trials(int studyId) {
        return trials(studyId, EnumSet.allOf(TrialState.class));
    }

    /** The storage's id of trial {@code number} of a study. */
    default long trialId(int studyId, int number) {
        return trials(studyId).stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("study '" + studyName(studyId)
                        + "' has no trial number " + number))
                .id();
    }

    // ---- heartbeats ----

    /** Records that the workers of these RUNNING trials are alive. */
    default void recordHeartbeats(Collection<Long> trialIds) {
    }

    /**
     * Marks FAIL every RUNNING trial of the study whose last heartbeat is older than {@code gracePeriod}, with a
     * failure reason, and returns the trials this call failed (each is failed by exactly one caller). Trials
     * that never recorded a heartbeat are left alone.
     */
    default List<FrozenTrial> failStaleTrials(int studyId, Duration gracePeriod) {
        return List.of();
    }

    /** Releases connections and files; the in-memory storage keeps its data. */
    @Override
    default void close() {
    }
}
