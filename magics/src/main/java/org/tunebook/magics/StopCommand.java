package org.tunebook.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code %tune stop [NAME] [--now]}: stops background runs, those of {@code %tune run … --background} and those
 * started in code and shown in a cell. By default running trials finish and are kept; {@code --now} interrupts
 * them ({@link org.tunebook.StudyRun#interrupt()}), for trials too long to wait for.
 */
final class StopCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("stop", "stop a background run")
            .optionalPositional("NAME", "the study whose run to stop; without it, every background run")
            .flag("now", "interrupt running trials too (they end as failed, or pruned) instead of letting them finish");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String name = args.positional(0);
        boolean now = args.flag("now");
        List<BackgroundRun> chosen = new ArrayList<>();
        session.activeRuns().forEach((study, run) -> {
            if (name == null || study.equals(name)) {
                chosen.add(run);
            }
        });
        session.activeFollowed().stream().filter(r -> name == null || r.studyName().equals(name))
                .filter(r -> !chosen.contains(r)).forEach(chosen::add);
        if (chosen.isEmpty()) {
            if (name == null) {
                display.show(Output.text("no background run is going"));
                return;
            }
            session.study(name); // an unknown name gets its own message, with the studies there are
            display.show(Output.text("study '" + name + "' has no background run going"));
            return;
        }
        chosen.forEach(now ? BackgroundRun::interrupt : BackgroundRun::stop);
        List<String> names = chosen.stream().map(BackgroundRun::studyName).distinct().toList();
        String what = names.size() == 1 && name != null ? "the run of '" + name + "'" : String.join(", ", names);
        display.show(Output.text((now ? "interrupting " : "stopping ") + what + ": no new trials start; "
                + (now ? "running ones are interrupted and kept as failed (or pruned)" : "running ones finish and are kept")));
    }
}
