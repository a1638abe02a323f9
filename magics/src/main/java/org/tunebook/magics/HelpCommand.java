package org.tunebook.magics;

/** {@code %tune help [COMMAND]}: every command's usage, or one command's options. */
final class HelpCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("help", "list the commands, or explain one")
            .optionalPositional("COMMAND", "the command to explain");

    private final Commands commands;

    HelpCommand(Commands commands) {
        this.commands = commands;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        if (name == null) {
            display.show(Output.text(commands.overview()));
        } else {
            display.show(Output.text(commands.get(name.replaceFirst("^%+tune\\s*", "")).spec().help()));
        }
    }
}
