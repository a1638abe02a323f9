package org.tunebook.magics;

import java.util.LinkedHashSet;
import java.util.Set;
import org.tunebook.Tune;

/** {@code %tune studies [--storage URL]}: the studies stored in a storage (by default, those this notebook uses). */
final class StudiesCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("studies", "list the studies in a storage")
            .option("storage", "URL", "the storage; default: memory and every storage this notebook uses");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        Set<String> storages = new LinkedHashSet<>();
        if (args.option("storage").isPresent()) {
            storages.add(args.option("storage").get());
        } else {
            storages.add("memory");
            session.studies().forEach(nb -> storages.add(nb.study().storage().url()));
        }
        for (String storage : storages) {
            display.show(StudiesView.of(storage, Tune.studies(storage)));
        }
    }
}
