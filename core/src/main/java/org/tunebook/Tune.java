package org.tunebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.tunebook.storage.NoSuchStudyException;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

/**
 * The entry point: create, load, list, copy and delete studies.
 *
 * <pre>{@code
 * Study study = Tune.study().name("rf").direction(Direction.MAXIMIZE).create();
 * study.optimize(trial -> evaluate(trial.suggestInt("n_estimators", 50, 300)), Run.trials(100));
 * Study again = Tune.load("rf", "memory");
 * }</pre>
 */
public final class Tune {

    private Tune() {
    }

    /** A builder for a new (or resumed) study. */
    public static StudyBuilder study() {
        return new StudyBuilder();
    }

    /**
     * Loads a stored study with a random sampler and no pruner; use {@code Tune.study().name(…).storage(…)
     * .sampler(…).load()} to choose them.
     *
     * @throws NoSuchStudyException if there is no such study
     */
    public static Study load(String name, String storageUrl) {
        return study().name(name).storage(storageUrl).load();
    }

    /** Loads a study from the shared in-memory storage. */
    public static Study load(String name) {
        return load(name, "memory");
    }

    /** Summaries of every study in a storage. */
    public static List<StudySummary> studies(String storageUrl) {
        Storage storage = Storages.open(storageUrl);
        List<StudySummary> summaries = new ArrayList<>();
        for (String name : storage.studyNames()) {
            storage.findStudy(name).ifPresent(id -> summaries.add(summarize(storage, id)));
        }
        return summaries;
    }

    /** Summaries of the studies in the shared in-memory storage. */
    public static List<StudySummary> studies() {
        return studies("memory");
    }

    private static StudySummary summarize(Storage storage, int id) {
        List<Direction> directions = storage.studyDirections(id);
        List<FrozenTrial> trials = storage.trials(id);
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Instant started = null;
        OptionalDouble best = OptionalDouble.empty();
        for (FrozenTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            if (t.started() != null && (started == null || t.started().isBefore(started))) {
                started = t.started();
            }
            if (directions.size() == 1 && t.state() == TrialState.COMPLETE
                    && (best.isEmpty() || directions.get(0).isBetter(t.value(), best.getAsDouble()))) {
                best = OptionalDouble.of(t.value());
            }
        }
        return new StudySummary(storage.studyName(id), directions, trials.size(), counts, best, started,
                storage.studyUserAttrs(id));
    }

    /**
     * Deletes a study and its trials.
     *
     * @throws NoSuchStudyException if there is no such study
     */
    public static void delete(String name, String storageUrl) {
        Storage storage = Storages.open(storageUrl);
        int id = storage.findStudy(name).orElseThrow(() -> noSuchStudy(name, storage));
        storage.deleteStudy(id);
    }

    /** Copies a study, with all its trials and attributes, to another storage under the same name. */
    public static Study copy(String name, String fromUrl, String toUrl) {
        return copy(name, fromUrl, toUrl, name);
    }

    /**
     * Copies a study, with all its trials and attributes, to a storage under a new name. Trials keep their
     * numbers, states, values, times and attributes.
     *
     * @throws NoSuchStudyException if the source study does not exist
     * @throws org.tunebook.storage.DuplicateStudyException if the target name is taken
     */
    public static Study copy(String name, String fromUrl, String toUrl, String toName) {
        return copy(name, Storages.open(fromUrl), Storages.open(toUrl), toName);
    }

    /**
     * Copies a study between storage objects (say, from the shared memory storage to a private
     * {@link org.tunebook.storage.InMemoryStorage}), under a new name. Trials keep their numbers, states,
     * values, times and attributes.
     *
     * @throws NoSuchStudyException if the source study does not exist
     * @throws org.tunebook.storage.DuplicateStudyException if the target name is taken
     */
    public static Study copy(String name, Storage from, Storage to, String toName) {
        int sourceId = from.findStudy(name).orElseThrow(() -> noSuchStudy(name, from));
        int targetId = to.createStudy(toName, from.studyDirections(sourceId));
        from.studyUserAttrs(sourceId).forEach((k, v) -> to.setStudyUserAttr(targetId, k, v));
        from.studySystemAttrs(sourceId).forEach((k, v) -> to.setStudySystemAttr(targetId, k, v));
        for (FrozenTrial trial : from.trials(sourceId)) {
            to.createTrial(targetId, trial);
        }
        return study().name(toName).storage(to).load();
    }

    static NoSuchStudyException noSuchStudy(String name, Storage storage) {
        List<String> names = storage.studyNames();
        return new NoSuchStudyException("no study named '" + name + "' in " + storage.url()
                + (names.isEmpty() ? " (it holds no studies)" : "; it holds: " + String.join(", ", names)));
    }
}
