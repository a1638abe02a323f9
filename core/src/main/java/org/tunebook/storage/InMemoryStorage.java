package org.tunebook.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * A thread-safe storage in the JVM's memory. Each study has its own lock, so workers of different
 * studies never wait for each other; finished trials are frozen once and shared by every later read.
 */
public final class InMemoryStorage implements Storage {

    private final String url;
    private final Object catalogLock = new Object();
    private final Map<String, StudyData> studiesByName = new LinkedHashMap<>();
    private final Map<Integer, StudyData> studiesById = new ConcurrentHashMap<>();
    private final Map<Long, TrialData> trialsById = new ConcurrentHashMap<>();
    private final AtomicInteger nextStudyId = new AtomicInteger();
    private final AtomicLong nextTrialId = new AtomicLong();

    /** A new, empty, private in-memory storage. */
    public InMemoryStorage() {
        this("memory");
    }

    InMemoryStorage(String url) {
        this.url = url;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int createStudy(String name, List<Direction> directions) {
        synchronized (catalogLock) {
            if (studiesByName.containsKey(name)) {
                throw new DuplicateStudyException("a study named '" + name + "' already exists in " + url
                        + "; load it (loadIfExists(true) or Tune.load), delete it, or choose another name");
            }
            StudyData study = new StudyData(nextStudyId.getAndIncrement(), name, List.copyOf(directions));
            studiesByName.put(name, study);
            studiesById.put(study.id, study);
            return study.id;
        }
    }

    @Override
    public void deleteStudy(int studyId) {
        synchronized (catalogLock) {
            StudyData study = study(studyId);
            studiesByName.remove(study.name);
            studiesById.remove(studyId);
            synchronized (study) {
                study.trials.forEach(t -> trialsById.remove(t.id));
                study.deleted = true;
            }
        }
    }

    @Override
    public Optional<Integer> findStudy(String name) {
        synchronized (catalogLock) {
            StudyData study = studiesByName.get(name);
            return study == null ? Optional.empty() : Optional.of(study.id);
        }
    }

    @Override
    public List<String> studyNames() {
        synchronized (catalogLock) {
            return List.copyOf(studiesByName.keySet());
        }
    }

    @Override
    public String studyName(int studyId) {
        return study(studyId).name;
    }

    @Override
    public List<Direction> studyDirections(int studyId) {
        return study(studyId).directions;
    }

    @Override
    public Map<String, Object> studyUserAttrs(int studyId) {
        StudyData study = study(studyId);
        synchronized (study) {
            return new LinkedHashMap<>(study.userAttrs);
        }
    }

    @Override
    public void setStudyUserAttr(int studyId, String key, Object value) {
        StudyData study = study(studyId);
        synchronized (study) {
            study.userAttrs.put(key, value);
        }
    }

    @Override
    public Map<String, Object> studySystemAttrs(int studyId) {
        StudyData study = study(studyId);
        synchronized (study) {
            return new LinkedHashMap<>(study.systemAttrs);
        }
    }

    @Override
    public void setStudySystemAttr(int studyId, String key, Object value) {
        StudyData study = study(studyId);
        synchronized (study) {
            study.systemAttrs.put(key, value);
        }
    }

    @Override
    public long nextSequenceValue(int studyId, String key) {
        StudyData study = study(studyId);
        synchronized (study) {
            Object current = study.systemAttrs.get(key);
            long value = current == null ? 0 : ((Number) current).longValue();
            study.systemAttrs.put(key, value + 1);
            return value;
        }
    }

    @Override
    public FrozenTrial createTrial(int studyId, FrozenTrial template) {
        StudyData study = study(studyId);
        synchronized (study) {
            TrialData trial = new TrialData(nextTrialId.getAndIncrement(), study, study.trials.size());
            if (template == null) {
                trial.state = TrialState.RUNNING;
                trial.started = Instant.now();
            } else {
                trial.copyFrom(template);
                template.distributions().forEach((name, d) -> checkAndRecord(study, name, d));
            }
            study.trials.add(trial);
            trialsById.put(trial.id, trial);
            if (trial.state == TrialState.WAITING) {
                study.waiting.add(trial);
            }
            return trial.snapshot();
        }
    }

    @Override
    public Optional<FrozenTrial> claimWaitingTrial(int studyId) {
        StudyData study = study(studyId);
        synchronized (study) {
            TrialData trial = study.waiting.poll();
            if (trial == null) {
                return Optional.empty();
            }
            trial.state = TrialState.RUNNING;
            trial.started = Instant.now();
            return Optional.of(trial.snapshot());
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        TrialData trial = trial(trialId, "set parameter '%s' of", name);
        synchronized (trial.study) {
            checkUpdatable(trial, "set parameter '%s' of", name);
            checkAndRecord(trial.study, name, distribution);
            trial.params.put(name, internalValue);
            trial.distributions.put(name, distribution);
        }
    }

    private static void checkAndRecord(StudyData study, String name, Distribution distribution) {
        Distribution previous = study.distributions.putIfAbsent(name, distribution);
        if (previous != null) {
            Distribution.checkCompatible(name, previous, distribution);
        }
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        TrialData trial = trial(trialId, "report to", null);
        synchronized (trial.study) {
            checkUpdatable(trial, "report to", null);
            trial.intermediate.put(step, value);
        }
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        TrialData trial = trial(trialId, "set user attribute '%s' of", key);
        synchronized (trial.study) {
            checkUpdatable(trial, "set user attribute '%s' of", key);
            trial.userAttrs.put(key, value);
        }
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        TrialData trial = trial(trialId, "set system attribute '%s' of", key);
        synchronized (trial.study) {
            checkUpdatable(trial, "set system attribute '%s' of", key);
            trial.systemAttrs.put(key, value);
        }
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, double[] values) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("a trial can only be finished as COMPLETE, PRUNED or FAIL, not " + state);
        }
        TrialData trial = trial(trialId, "finish", null);
        synchronized (trial.study) {
            if (trial.state.isFinished()) {
                return false;
            }
            if (trial.state == TrialState.WAITING) {
                trial.study.waiting.remove(trial);
                trial.started = Instant.now();
            }
            trial.state = state;
            trial.values = values == null ? null : values.clone();
            trial.completed = Instant.now();
            trial.frozen = trial.snapshot();
            return true;
        }
    }

    @Override
    public FrozenTrial trial(long trialId) {
        TrialData trial = trial(trialId, "read", null);
        synchronized (trial.study) {
            return trial.frozen != null ? trial.frozen : trial.snapshot();
        }
    }

    @Override
    public List<FrozenTrial> trials(int studyId, Set<TrialState> states) {
        StudyData study = study(studyId);
        synchronized (study) {
            List<FrozenTrial> result = new ArrayList<>(study.trials.size());
            for (TrialData trial : study.trials) {
                if (states.contains(trial.state)) {
                    result.add(trial.frozen != null ? trial.frozen : trial.snapshot());
                }
            }
            return result;
        }
    }

    @Override
    public int trialCount(int studyId, Set<TrialState> states) {
        StudyData study = study(studyId);
        synchronized (study) {
            int n = 0;
            for (TrialData trial : study.trials) {
                if (states.contains(trial.state)) {
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public long trialId(int studyId, int number) {
        StudyData study = study(studyId);
        synchronized (study) {
            if (number < 0 || number >= study.trials.size()) {
                throw new IllegalArgumentException("study '" + study.name + "' has no trial number " + number
                        + " (it has " + study.trials.size() + " trials)");
            }
            return study.trials.get(number).id;
        }
    }

    @Override
    public void recordHeartbeats(Collection<Long> trialIds) {
        Instant now = Instant.now();
        for (long id : trialIds) {
            TrialData trial = trialsById.get(id);
            if (trial != null) {
                synchronized (trial.study) {
                    trial.heartbeat = now;
                }
            }
        }
    }

    @Override
    public List<FrozenTrial> failStaleTrials(int studyId, Duration gracePeriod) {
        StudyData study = study(studyId);
        Instant limit = Instant.now().minus(gracePeriod);
        List<FrozenTrial> failed = new ArrayList<>();
        synchronized (study) {
            for (TrialData trial : study.trials) {
                if (trial.state == TrialState.RUNNING && trial.heartbeat != null && trial.heartbeat.isBefore(limit)) {
                    trial.systemAttrs.put(FrozenTrial.FAIL_REASON, StaleTrials.reason(trial.heartbeat));
                    trial.state = TrialState.FAIL;
                    trial.completed = Instant.now();
                    trial.frozen = trial.snapshot();
                    failed.add(trial.frozen);
                }
            }
        }
        return failed;
    }

    private StudyData study(int studyId) {
        StudyData study = studiesById.get(studyId);
        if (study == null) {
            throw new NoSuchStudyException("no study with id " + studyId + " in " + url + " (was it deleted?)");
        }
        return study;
    }

    /**
     * The record of a trial. The action is a format with one {@code %s} for {@code subject}; the message is
     * only built when something is wrong, since this runs for every suggestion.
     */
    private TrialData trial(long trialId, String action, String subject) {
        TrialData trial = trialsById.get(trialId);
        if (trial == null) {
            throw new IllegalArgumentException("cannot " + String.format(action, subject) + " trial id " + trialId
                    + ": no such trial in " + url + " (was its study deleted?)");
        }
        return trial;
    }

    private static void checkUpdatable(TrialData trial, String action, String subject) {
        if (trial.state.isFinished()) {
            throw new IllegalStateException("cannot " + String.format(action, subject) + " trial " + trial.number
                    + " of study '" + trial.study.name + "': it has already finished as " + trial.state);
        }
    }

    private static final class StudyData {
        final int id;
        final String name;
        final List<Direction> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new HashMap<>();
        final List<TrialData> trials = new ArrayList<>();
        final Deque<TrialData> waiting = new ArrayDeque<>();
        boolean deleted;

        StudyData(int id, String name, List<Direction> directions) {
            this.id = id;
            this.name = name;
            this.directions = directions;
        }
    }

    /** A trial's mutable record; guarded by its study's lock. */
    private static final class TrialData {
        final long id;
        final StudyData study;
        final int number;
        TrialState state;
        double[] values;
        Instant started;
        Instant completed;
        final Map<String, Double> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        Instant heartbeat;
        FrozenTrial frozen;

        TrialData(long id, StudyData study, int number) {
            this.id = id;
            this.study = study;
            this.number = number;
        }

        void copyFrom(FrozenTrial t) {
            state = t.state();
            values = t.hasValue() ? t.values() : null;
            started = t.started();
            completed = t.completed();
            t.distributions().forEach((name, d) -> {
                params.put(name, d.toInternal(t.params().get(name)));
                distributions.put(name, d);
            });
            userAttrs.putAll(t.userAttrs());
            systemAttrs.putAll(t.systemAttrs());
            intermediate.putAll(t.intermediateValues());
            if (state.isFinished()) {
                frozen = snapshot();
            }
        }

        FrozenTrial snapshot() {
            FrozenTrial.Builder b = FrozenTrial.builder().id(id).number(number).state(state).values(values)
                    .started(started).completed(completed);
            params.forEach((name, internal) -> {
                Distribution d = distributions.get(name);
                b.param(name, d.toExternal(internal), d);
            });
            userAttrs.forEach(b::userAttr);
            systemAttrs.forEach(b::systemAttr);
            intermediate.forEach(b::intermediateValue);
            return b.build();
        }
    }
}
