package org.tunebook.magics;

/** {@code %tune status [NAME]}: one study in detail, or every study of the notebook. */
final class StatusCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("status", "show a study, or all of this notebook's")
            .optionalPositional("NAME", "the study; without it, every study of the notebook");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        if (name == null) {
            display.show(StatusView.all(session.studies(), session));
        } else {
            NotebookStudy nb = session.study(name);
            display.show(StatusView.of(nb, session.run(nb.name())));
        }
    }
}
