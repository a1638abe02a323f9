package org.tunebook.magics;

import java.time.Duration;
import java.util.Optional;
import org.tunebook.Objective;
import org.tunebook.Progress;
import org.tunebook.Run;
import org.tunebook.RunListener;
import org.tunebook.Space;
import org.tunebook.SpaceObjective;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.Trial;

/**
 * {@code %tune run NAME --objective VAR}: runs trials of a study, in the cell (an interrupt stops it) or in the
 * background, with a progress display that ends with a summary.
 */
final class RunCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.line("run", "run trials of a study")
            .positional("NAME", "the study (from %tune new or %tune load, or a Study variable)")
            .requiredOption("objective", "VAR", "a variable holding an Objective (trial -> score),"
                    + " or a SpaceObjective (params -> score) with --space")
            .option("space", "VAR", "a space from %%tune space, or a Space variable: every trial samples it")
            .option("trials", "N", "how many trials to run")
            .option("timeout", "D", "start no trial after this long: 30s, 5m, 1h30m")
            .option("jobs", "K", "worker threads (default 1; -1 for one per processor)")
            .flag("background", "return at once; the progress display keeps updating")
            .note("Give --trials or --timeout (or both); a background run without them goes on until %tune stop.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        NotebookStudy nb = session.study(args.positional(0));
        Space space = args.option("space").map(session::space).orElse(null);
        Objective objective = objective(args.option("objective").orElseThrow(), space, session, args);
        Run run = run(args, nb);
        Study study = nb.forRun(space);
        if (args.flag("background")) {
            background(study, objective, run, session, display);
        } else {
            foreground(study, objective, run, session, display);
        }
    }

    private static Run run(Args args, NotebookStudy nb) {
        Optional<Integer> trials = args.intOption("trials", 0);
        Optional<Duration> timeout = args.durationOption("timeout");
        Run run;
        if (trials.isPresent()) {
            run = Run.trials(trials.get());
            if (timeout.isPresent()) {
                run = run.timeout(timeout.get());
            }
        } else if (timeout.isPresent()) {
            run = Run.forDuration(timeout.get());
        } else if (args.flag("background") || nb.sampler().needsSpace()) {
            run = Run.untilStopped();
        } else {
            throw args.error("say how long to run: --trials N or --timeout D (or --background, stopped with"
                    + " %tune stop " + nb.name() + ")");
        }
        Optional<Integer> jobs = args.intOption("jobs", -1);
        if (jobs.isPresent()) {
            if (jobs.get() == 0) {
                throw args.error("--jobs must be at least 1, or -1 for one per processor");
            }
            run = run.jobs(jobs.get());
        }
        return run;
    }

    /** The objective variable, adapted so that each trial first samples the space, when one is given. */
    static Objective objective(String name, Space space, Session session, Args args) {
        Object value = session.variable(name, "objective", "define it in a cell first, e.g. Objective " + name
                + " = trial -> …;");
        if (value instanceof Objective o) {
            return space == null ? o : sampling(space, o);
        }
        if (value instanceof SpaceObjective so) {
            if (space == null) {
                throw args.error("objective '" + name + "' takes a configuration (a SpaceObjective), so the run"
                        + " needs --space with the space to sample");
            }
            return trial -> so.evaluate(space.sample(trial));
        }
        throw args.error("variable '" + name + "' is a " + value.getClass().getName() + ", not an objective;"
                + " declare it as Objective " + name + " = trial -> … or SpaceObjective " + name + " = params -> …");
    }

    private static Objective sampling(Space space, Objective objective) {
        return new Objective() {
            @Override
            public double evaluate(Trial trial) throws Exception {
                space.sample(trial);
                return objective.evaluate(trial);
            }

            @Override
            public double[] evaluateAll(Trial trial) throws Exception {
                space.sample(trial);
                return objective.evaluateAll(trial);
            }
        };
    }

    private static void background(Study study, Objective objective, Run run, Session session, Display display) {
        String name = study.name();
        if (session.activeRuns().containsKey(name)) {
            throw new MagicException("study '" + name + "' already has a background run going; %tune stop " + name
                    + " first, or give this run more --jobs");
        }
        StudyRun started = study.optimizeAsync(objective, run);
        LiveProgress live = new LiveProgress(study, started::progress, display, true);
        session.putRun(name, new BackgroundRun(started, live));
        started.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                live.finish(progress, started.failure().orElse(null));
            }
        });
        live.startTicking(session.timer(), session.refreshEvery());
    }

    private static void foreground(Study study, Objective objective, Run run, Session session, Display display) {
        RunTally tally = new RunTally(run);
        LiveProgress live = new LiveProgress(study, tally::progress, display, false);
        live.startTicking(session.timer(), session.refreshEvery());
        Throwable failure = null;
        try {
            study.optimize(objective, run.callbacks(tally));
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            tally.end();
        }
        // the interrupt has done its work; clear it so that the kernel's own I/O on this thread goes on
        boolean interrupted = Thread.interrupted();
        if (interrupted) {
            live.markInterrupted();
        }
        Progress end = tally.progress();
        live.finish(end, failure);
        if (failure != null) {
            throw new MagicException("the run of '" + study.name() + "' stopped: " + Errors.describe(failure)
                    + " (the trials before it are kept)", failure);
        }
        if (interrupted) {
            throw new MagicException("the run of '" + study.name() + "' was interrupted after "
                    + Format.count(end.finished(), "trial") + "; they are kept in the study");
        }
    }
}
