package org.tunebook.magics;

/** {@code %tune best NAME}: the best trial's value and parameters (the Pareto front for several objectives). */
final class BestCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("best", "show the best trial (or the Pareto front)")
            .positional("NAME", "the study");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        display.show(BestView.of(session.study(args.positional(0)).study()));
    }
}
