package org.tunebook.magics;

import org.tunebook.Space;

/** {@code %%tune space NAME}: declares a search space in the cell's body and keeps it under NAME. */
final class SpaceCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.cell("space", "declare a search space in the cell body")
            .positional("NAME", "the space's name, for %tune run … --space NAME")
            .note("The body has " + SpaceParser.SYNTAX.replace("\n", "\n  "));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        if (body == null || body.isBlank()) {
            throw new MagicException("%%tune space " + name + " needs a cell body with " + SpaceParser.SYNTAX);
        }
        Space space = new SpaceParser(name).parse(body);
        session.putSpace(name, space);
        display.show(SpaceView.of(name, space));
    }
}
