package org.tunebook.magics;

import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.Tune;

/** A study the notebook knows by name, with the sampler choice its runs use. */
final class NotebookStudy {

    private final Study study;
    private final SamplerChoice sampler;
    private final String pruner;

    NotebookStudy(Study study, SamplerChoice sampler, String pruner) {
        this.study = study;
        this.sampler = sampler;
        this.pruner = pruner;
    }

    /** How the pruner was chosen: its name ({@code median}) or variable, or its description. */
    String pruner() {
        return pruner;
    }

    Study study() {
        return study;
    }

    String name() {
        return study.name();
    }

    SamplerChoice sampler() {
        return sampler;
    }

    /**
     * The study object a run over {@code space} uses: the study itself, or for grid search by name a view of the
     * same stored study with a grid sampler over the space.
     */
    Study forRun(Space space) {
        if (!sampler.needsSpace()) {
            return study;
        }
        return Tune.study().name(study.name()).storage(study.storage()).sampler(sampler.forRun(space))
                .pruner(study.pruner()).load();
    }
}
