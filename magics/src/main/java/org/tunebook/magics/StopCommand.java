package org.tunebook.magics;

import java.time.Duration;
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
        List<String> names = chosen.stream().map(BackgroundRun::studyName).distinct().toList();
        String what = names.size() == 1 && name != null ? "the run of '" + name + "'" : String.join(", ", names);
        if (!now) {
            chosen.forEach(BackgroundRun::stop);
            display.show(Output.text("stopping " + what + ": no new trials start; running ones finish and are kept"));
            return;
        }
        chosen.forEach(BackgroundRun::interrupt);
        // interrupted trials end within moments; waiting for them lets this cell show the runs' end
        long left = 0;
        for (BackgroundRun run : chosen) {
            if (!awaitEnd(run)) {
                left += run.run().progress().running();
            }
        }
        display.show(Output.text("interrupted " + what + ": " + (left == 0
                ? "it has ended; the trials that were running are kept as failed (or pruned)"
                : "no new trials start; " + Format.count((int) left, "trial") + " still running did not stop within "
                        + WAIT.toSeconds() + " s (they never check for interrupts) and will end on their own")));
    }

    /** How long {@code --now} waits for interrupted runs to end. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static boolean awaitEnd(BackgroundRun run) {
        try {
            return run.run().await(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return true; // the run ended with an error, which its display shows
        }
    }
}
