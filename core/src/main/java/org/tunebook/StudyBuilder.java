package org.tunebook;

import java.util.List;
import java.util.UUID;
import org.tunebook.pruners.NopPruner;
import org.tunebook.pruners.Pruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.samplers.Sampler;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.NoSuchStudyException;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

/**
 * Configures and creates a {@link Study}; obtained from {@link Tune#study()}. Every setting is checked when
 * it is made. Defaults: a generated name, the shared in-memory storage, one minimized objective, a
 * {@link RandomSampler}, no pruning.
 */
public final class StudyBuilder {

    private String name;
    private Storage storage;
    private List<Direction> directions = List.of(Direction.MINIMIZE);
    private boolean directionsGiven;
    private Sampler sampler;
    private Pruner pruner;
    private boolean loadIfExists;
    private Heartbeat heartbeat;

    StudyBuilder() {
    }

    /** The study's name, unique within its storage. */
    public StudyBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("study name must not be " + (name == null ? "null" : "blank")
                    + "; leave name(...) out for a generated one");
        }
        this.name = name;
        return this;
    }

    /** The storage, by URL: {@code memory}, {@code sqlite:path.db}, {@code jdbc:postgresql://…}. */
    public StudyBuilder storage(String url) {
        if (url == null) {
            throw new IllegalArgumentException("storage URL must not be null; use \"memory\", \"sqlite:path.db\""
                    + " or a jdbc: URL, or leave storage(...) out for the shared in-memory storage");
        }
        this.storage = Storages.open(url);
        return this;
    }

    /** The storage, as an object. */
    public StudyBuilder storage(Storage storage) {
        if (storage == null) {
            throw new IllegalArgumentException("storage must not be null");
        }
        this.storage = storage;
        return this;
    }

    /** One objective, minimized or maximized. */
    public StudyBuilder direction(Direction direction) {
        return directions(direction);
    }

    /** Several objectives, one direction each. */
    public StudyBuilder directions(Direction... directions) {
        if (directions == null || directions.length == 0) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        for (Direction d : directions) {
            if (d == null) {
                throw new IllegalArgumentException("directions must not contain null");
            }
        }
        this.directions = List.of(directions);
        this.directionsGiven = true;
        return this;
    }

    /** The sampler. */
    public StudyBuilder sampler(Sampler sampler) {
        if (sampler == null) {
            throw new IllegalArgumentException("sampler must not be null");
        }
        this.sampler = sampler;
        return this;
    }

    /** The pruner. */
    public StudyBuilder pruner(Pruner pruner) {
        if (pruner == null) {
            throw new IllegalArgumentException("pruner must not be null");
        }
        this.pruner = pruner;
        return this;
    }

    /**
     * Records heartbeats of running trials and fails (and optionally retries) trials whose worker died; for
     * studies that several processes share through a database.
     */
    public StudyBuilder heartbeat(Heartbeat heartbeat) {
        if (heartbeat == null) {
            throw new IllegalArgumentException("heartbeat must not be null");
        }
        this.heartbeat = heartbeat;
        return this;
    }

    /** Whether {@link #create()} continues a study of the same name instead of refusing it. */
    public StudyBuilder loadIfExists(boolean loadIfExists) {
        this.loadIfExists = loadIfExists;
        return this;
    }

    /**
     * Creates the study, or loads it with {@link #loadIfExists(boolean) loadIfExists(true)}.
     *
     * @throws DuplicateStudyException if the name is taken and loading was not asked for
     * @throws IllegalArgumentException if an existing study has other directions than those given (when none
     *     were given, a loaded study keeps its stored directions)
     */
    public Study create() {
        Storage s = storage();
        String n = name != null ? name : "no-name-" + UUID.randomUUID();
        int id;
        try {
            id = s.createStudy(n, directions);
        } catch (DuplicateStudyException e) {
            if (!loadIfExists) {
                throw e;
            }
            id = s.findStudy(n).orElseThrow(() -> e);
            List<Direction> stored = s.studyDirections(id);
            if (directionsGiven && !stored.equals(directions)) {
                throw new IllegalArgumentException("study '" + n + "' in " + s.url() + " has directions " + stored
                        + ", not " + directions + "; load it with its own directions or pick another name");
            }
        }
        return new Study(s, id, sampler(), pruner(), heartbeat);
    }

    /**
     * Loads an existing study; its stored directions apply.
     *
     * @throws NoSuchStudyException if the storage has no study of that name
     */
    public Study load() {
        Storage s = storage();
        if (name == null) {
            throw new IllegalArgumentException("load needs the study's name");
        }
        int id = s.findStudy(name).orElseThrow(() -> Tune.noSuchStudy(name, s));
        return new Study(s, id, sampler(), pruner(), heartbeat);
    }

    private Storage storage() {
        return storage != null ? storage : Storages.memory();
    }

    private Sampler sampler() {
        return sampler != null ? sampler : new RandomSampler();
    }

    private Pruner pruner() {
        return pruner != null ? pruner : new NopPruner();
    }
}
