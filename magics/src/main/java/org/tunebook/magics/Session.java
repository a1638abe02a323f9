package org.tunebook.magics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import org.tunebook.Space;
import org.tunebook.Study;

/**
 * What one notebook's magics remember between cells: its studies and spaces by name, its background runs, and
 * the notebook's variables, plotter and timers.
 */
final class Session {

    private final Variables variables;
    private final Plotter plotter;
    private final Strategies strategies;
    private final ScheduledExecutorService timer;
    private final Duration refreshEvery;
    private final Map<String, NotebookStudy> studies = new LinkedHashMap<>();
    private final Map<String, Space> spaces = new LinkedHashMap<>();
    private final Map<String, BackgroundRun> runs = new LinkedHashMap<>();
    /** Runs started in code and followed by a live display ({@link TuneMagics#follow}). */
    private final List<BackgroundRun> followed = new ArrayList<>();

    Session(Variables variables, Plotter plotter, Strategies strategies, ScheduledExecutorService timer,
            Duration refreshEvery) {
        this.variables = variables;
        this.plotter = plotter;
        this.strategies = strategies;
        this.timer = timer;
        this.refreshEvery = refreshEvery;
    }

    Variables variables() {
        return variables;
    }

    Plotter plotter() {
        return plotter;
    }

    Strategies strategies() {
        return strategies;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Duration refreshEvery() {
        return refreshEvery;
    }

    // ---- studies ----

    synchronized void putStudy(NotebookStudy study) {
        studies.put(study.name(), study);
    }

    synchronized Optional<NotebookStudy> findStudy(String name) {
        NotebookStudy known = studies.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        return variables.lookup(name).filter(Study.class::isInstance).map(Study.class::cast)
                .map(s -> new NotebookStudy(s, SamplerChoice.of(name, s.sampler()), s.pruner().toString()));
    }

    /** A study by its name in the notebook, or a variable holding a {@link Study}. */
    NotebookStudy study(String name) {
        return findStudy(name).orElseThrow(() -> {
            List<String> known = studyNames();
            String hint = Names.closest(name, known).map(n -> " (did you mean " + n + "?)").orElse("");
            return new MagicException("no study '" + name + "' in this notebook" + hint + "; "
                    + (known.isEmpty() ? "" : "studies: " + String.join(", ", known) + "; ")
                    + "create one with %tune new " + name + " or load a stored one with %tune load " + name
                    + " --storage URL");
        });
    }

    synchronized List<String> studyNames() {
        return new ArrayList<>(studies.keySet());
    }

    synchronized List<NotebookStudy> studies() {
        return new ArrayList<>(studies.values());
    }

    // ---- spaces ----

    synchronized void putSpace(String name, Space space) {
        spaces.put(name, space);
    }

    /** A space declared with {@code %%tune space NAME}, or a variable holding a {@link Space}. */
    synchronized Space space(String name) {
        Space declared = spaces.get(name);
        if (declared != null) {
            return declared;
        }
        Object value = variable(name, "space", "declare one with %%tune space " + name);
        if (value instanceof Space s) {
            return s;
        }
        throw new MagicException("variable '" + name + "' is a " + value.getClass().getName()
                + ", not a Space; declare a space with %%tune space " + name + " or Space.builder()…build()");
    }

    synchronized Set<String> spaceNames() {
        return new TreeSet<>(spaces.keySet());
    }

    // ---- variables ----

    /**
     * A notebook variable's value.
     *
     * @throws MagicException naming the variables there are, when there is no such variable
     */
    Object variable(String name, String what, String advice) {
        return variables.lookup(name).orElseThrow(() -> {
            Set<String> names = variables.names();
            String hint = Names.closest(name, names).map(n -> " (did you mean " + n + "?)").orElse("");
            return new MagicException("no " + what + " '" + name + "': the notebook has no variable of that name"
                    + hint + "; " + advice);
        });
    }

    // ---- background runs ----

    synchronized void putRun(String study, BackgroundRun run) {
        runs.put(study, run);
    }

    /** The latest background run of a study, running or ended. */
    synchronized Optional<BackgroundRun> run(String study) {
        return Optional.ofNullable(runs.get(study));
    }

    /** Remembers a run started in code, so that {@code %tune stop} and an interrupt reach it too. */
    synchronized void putFollowed(BackgroundRun run) {
        followed.removeIf(BackgroundRun::isDone);
        followed.add(run);
    }

    /** Runs started in code that are still going. */
    synchronized List<BackgroundRun> activeFollowed() {
        return followed.stream().filter(r -> !r.isDone()).toList();
    }

    /** The background runs still going, by study name. */
    synchronized Map<String, BackgroundRun> activeRuns() {
        Map<String, BackgroundRun> active = new LinkedHashMap<>();
        runs.forEach((name, run) -> {
            if (!run.isDone()) {
                active.put(name, run);
            }
        });
        return active;
    }
}
