package org.tunebook.magics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.StudyBuilder;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.pruners.Pruner;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.Storage;
import org.tunebook.storage.Storages;

/** {@code %tune new NAME}: creates a study and makes it the notebook's study of that name. */
final class NewCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("new", "create a study")
            .positional("NAME", "the study's name")
            .option("storage", "URL", "where it lives: memory (default), sqlite:file.db, jdbc:postgresql://…")
            .option("direction", "DIR", "max or min (default min); max,min for several objectives")
            .option("sampler", "KIND", "random (default), grid, tpe, gp, cmaes, qmc, nsga2, or a Sampler variable")
            .option("pruner", "KIND", "none (default), median, asha, hyperband, or a Pruner variable")
            .option("seed", "N", "seed of the sampler, for reproducible runs")
            .flag("load-if-exists", "continue a stored study of the same name instead of refusing");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        if (session.activeRuns().containsKey(name)) {
            throw new MagicException("study '" + name + "' has a background run going; %tune stop " + name
                    + " before making a new study of that name");
        }
        Long seed = args.longOption("seed").orElse(null);
        SamplerChoice sampler = session.strategies().sampler(args.option("sampler").orElse(null), seed,
                session.variables());
        Pruner pruner = session.strategies().pruner(args.option("pruner").orElse(null), session.variables());
        String storage = args.option("storage").orElse("memory");
        StudyBuilder builder = Tune.study().name(name).storage(storage).sampler(sampler.initial()).pruner(pruner)
                .loadIfExists(args.flag("load-if-exists"));
        args.option("direction").ifPresent(d -> builder.directions(directions(d, args)));
        int before = trialsBefore(name, storage);
        Study study;
        try {
            study = builder.create();
        } catch (DuplicateStudyException e) {
            throw new MagicException("study '" + name + "' already exists in " + storage + "; continue it with"
                    + " %tune load " + name + " --storage " + storage + " (or add --load-if-exists), or pick another"
                    + " name", e);
        }
        String prunerName = args.option("pruner").orElse("none");
        session.putStudy(new NotebookStudy(study, sampler, prunerName));
        String verb = before >= 0 ? "loaded" : "created";
        String text = verb + " study '" + name + "' in " + study.storage().url() + ": "
                + Format.directions(study.directions()) + ", sampler " + sampler + ", pruner " + prunerName
                + (before > 0 ? ", " + Format.count(before, "trial") + " so far" : "");
        display.show(Output.text(text));
    }

    /** The number of trials a stored study of that name has, or -1 when there is none. */
    private static int trialsBefore(String name, String storage) {
        Storage s = Storages.open(storage);
        return s.findStudy(name).map(id -> s.trialCount(id, EnumSet.allOf(TrialState.class))).orElse(-1);
    }

    static Direction[] directions(String text, Args args) {
        List<Direction> directions = new ArrayList<>();
        for (String word : text.split(",")) {
            try {
                directions.add(Direction.parse(word));
            } catch (IllegalArgumentException e) {
                throw args.error("--direction: unknown direction '" + word.strip() + "'; use max or min"
                        + " (comma-separated for several objectives, e.g. max,min)");
            }
        }
        return directions.toArray(new Direction[0]);
    }
}
