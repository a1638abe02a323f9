package org.tunebook.magics;

import java.util.Set;
import org.tunebook.TrialState;

/** {@code %tune trials NAME}: the trials as a table. */
final class TrialsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("trials", "show the trials as a table")
            .positional("NAME", "the study")
            .option("state", "S", "only these states: complete, pruned, fail, running, waiting (comma-separated)")
            .option("top", "N", "only the first N rows (the N best, unless --sort says otherwise)")
            .option("sort", "COL", "sort by a column: number, value (best first), a parameter, duration;"
                    + " -COL reverses");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        NotebookStudy nb = session.study(args.positional(0));
        Set<TrialState> states;
        try {
            states = args.option("state").map(TrialsView::states).orElse(null);
        } catch (IllegalArgumentException e) {
            throw args.error("--state: " + e.getMessage());
        }
        Integer top = args.intOption("top", 1).orElse(null);
        try {
            display.show(new TrialsView(nb.study()).render(states, args.option("sort").orElse(null), top));
        } catch (IllegalArgumentException e) {
            throw args.error("--sort: " + e.getMessage());
        }
    }
}
