package org.tunebook.magics;

import java.util.Map;

/** {@code %tune stop [NAME]}: stops background runs; running trials finish and are kept. */
final class StopCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("stop", "stop a background run")
            .optionalPositional("NAME", "the study whose run to stop; without it, every background run");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        Map<String, BackgroundRun> active = session.activeRuns();
        if (name == null) {
            if (active.isEmpty()) {
                display.show(Output.text("no background run is going"));
                return;
            }
            active.values().forEach(BackgroundRun::stop);
            display.show(Output.text("stopping " + String.join(", ", active.keySet())
                    + ": no new trials start; running ones finish and are kept"));
            return;
        }
        session.study(name);
        BackgroundRun run = active.get(name);
        if (run == null) {
            display.show(Output.text("study '" + name + "' has no background run going"));
            return;
        }
        run.stop();
        display.show(Output.text("stopping the run of '" + name + "': no new trials start; running ones finish"
                + " and are kept"));
    }
}
