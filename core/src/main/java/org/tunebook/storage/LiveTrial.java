package org.tunebook.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * A RUNNING trial owned by this JVM: its full current content, and the writes not yet in the database.
 * Writes are flushed with the next step that matters (a report, the finish), so a trial costs a few
 * transactions, not one per parameter. Guarded by the storage's connection lock or its own monitor.
 */
final class LiveTrial {

    /** One parameter write. */
    record Param(String name, double internal, Distribution distribution) {
    }

    final long id;
    final int studyId;
    final int number;
    final Instant started;
    final Map<String, Param> params = new LinkedHashMap<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    final List<Param> dirtyParams = new ArrayList<>();
    final Map<Integer, Double> dirtyIntermediate = new TreeMap<>();
    final Map<String, Object> dirtyUserAttrs = new LinkedHashMap<>();
    final Map<String, Object> dirtySystemAttrs = new LinkedHashMap<>();
    /** Whether this JVM has recorded a heartbeat for the trial (so its row must go when it finishes). */
    volatile boolean beating;

    LiveTrial(FrozenTrial created, int studyId) {
        this.id = created.id();
        this.studyId = studyId;
        this.number = created.number();
        this.started = created.started();
        created.distributions().forEach((name, d) ->
                params.put(name, new Param(name, d.toInternal(created.params().get(name)), d)));
        intermediate.putAll(created.intermediateValues());
        userAttrs.putAll(created.userAttrs());
        systemAttrs.putAll(created.systemAttrs());
    }

    synchronized boolean isDirty() {
        return !dirtyParams.isEmpty() || !dirtyIntermediate.isEmpty() || !dirtyUserAttrs.isEmpty()
                || !dirtySystemAttrs.isEmpty();
    }

    /**
     * Marks what is dirty now as written, to be run once the transaction that wrote it has committed. Writes
     * made meanwhile (another thread's parameter, a new value for a key) stay dirty.
     */
    synchronized Runnable markWritten() {
        int params = dirtyParams.size();
        Map<Integer, Double> intermediateWritten = new TreeMap<>(dirtyIntermediate);
        Map<String, Object> userWritten = new LinkedHashMap<>(dirtyUserAttrs);
        Map<String, Object> systemWritten = new LinkedHashMap<>(dirtySystemAttrs);
        return () -> {
            synchronized (this) {
                dirtyParams.subList(0, params).clear();
                intermediateWritten.forEach(dirtyIntermediate::remove);
                userWritten.forEach(dirtyUserAttrs::remove);
                systemWritten.forEach(dirtySystemAttrs::remove);
            }
        };
    }

    synchronized FrozenTrial snapshot(TrialState state, double[] values, Instant completed) {
        FrozenTrial.Builder b = FrozenTrial.builder().id(id).number(number).state(state).values(values)
                .started(started).completed(completed);
        params.values().forEach(p -> b.param(p.name(), p.distribution().toExternal(p.internal()), p.distribution()));
        intermediate.forEach(b::intermediateValue);
        userAttrs.forEach(b::userAttr);
        systemAttrs.forEach(b::systemAttr);
        return b.build();
    }
}
