package org.tunebook.magics;

import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.pruners.Pruner;

/** {@code %tune load NAME --storage URL}: opens a stored study so that the other commands can use it. */
final class LoadCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("load", "open a stored study in this notebook")
            .positional("NAME", "the study's name in the storage")
            .option("storage", "URL", "where it lives: sqlite:file.db, jdbc:…, or memory (default)")
            .option("sampler", "KIND", "the sampler for further runs (default random)")
            .option("pruner", "KIND", "the pruner for further runs (default none)")
            .option("seed", "N", "seed of the sampler");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        if (session.activeRuns().containsKey(name)) {
            throw new MagicException("study '" + name + "' has a background run going; %tune stop " + name
                    + " before loading it again");
        }
        SamplerChoice sampler = session.strategies().sampler(args.option("sampler").orElse(null),
                args.longOption("seed").orElse(null), session.variables());
        Pruner pruner = session.strategies().pruner(args.option("pruner").orElse(null), session.variables());
        String storage = args.option("storage").orElse("memory");
        Study study = Tune.study().name(name).storage(storage).sampler(sampler.initial()).pruner(pruner).load();
        session.putStudy(new NotebookStudy(study, sampler, args.option("pruner").orElse("none")));
        display.show(Output.text("loaded study '" + name + "' from " + study.storage().url() + ": "
                + Format.directions(study.directions()) + ", " + new StateCounts(study.trials())));
    }
}
