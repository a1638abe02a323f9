package org.tunebook.magics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.tunebook.Progress;
import org.tunebook.RunListener;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.StudyRun;

/**
 * The {@code %tune} magics of one notebook: parses and carries out {@code %tune …} lines and
 * {@code %%tune space} cells, and remembers the notebook's studies, spaces and background runs between cells.
 * A kernel makes one per session and hands every magic to it with the cell's {@link Display}.
 *
 * <pre>{@code
 * TuneMagics magics = new TuneMagics(Variables.of(Map.of("f", (Objective) t -> t.suggestFloat("x", -1, 1))));
 * magics.line("new demo --direction min --seed 1", display);
 * magics.line("run demo --objective f --trials 20", display);
 * magics.line("best demo", display);
 * }</pre>
 *
 * <p>Every failure reaches the caller as a {@link MagicException} with a short message for the user; other
 * exceptions from the engine are turned into one. Methods may be called from any thread; background runs
 * update their displays from threads of their own.
 */
public final class TuneMagics implements AutoCloseable {

    /** How often live progress displays refresh by default. */
    public static final Duration DEFAULT_REFRESH = Duration.ofMillis(500);

    private final Commands commands = new Commands();
    private final Session session;
    private final ScheduledExecutorService timer;

    /** Magics over the notebook's variables, drawing charts as PNG images ({@link Plotter#charts()}). */
    public TuneMagics(Variables variables) {
        this(variables, Plotter.charts());
    }

    /** Magics over the notebook's variables, drawing charts with {@code plotter}. */
    public TuneMagics(Variables variables, Plotter plotter) {
        this(variables, plotter, DEFAULT_REFRESH);
    }

    /** Magics whose live progress displays refresh every {@code refresh}. */
    public TuneMagics(Variables variables, Plotter plotter, Duration refresh) {
        this(variables, plotter, refresh, new Strategies());
    }

    TuneMagics(Variables variables, Plotter plotter, Duration refresh, Strategies strategies) {
        if (variables == null || plotter == null || refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("TuneMagics needs variables, a plotter and a positive refresh period");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunebook-progress");
            t.setDaemon(true);
            return t;
        });
        this.session = new Session(variables, plotter, strategies, timer, refresh);
    }

    /**
     * Carries out one {@code %tune} line: the text after {@code %tune}, e.g. {@code run rf --objective f
     * --trials 50}. An empty line shows the help.
     *
     * @throws MagicException when the line is wrong or the command fails
     */
    public void line(String line, Display display) {
        execute(line, null, display);
    }

    /**
     * Carries out one {@code %%tune} cell: {@code line} is the text after {@code %%tune} on the first line
     * ({@code space NAME}), {@code body} the rest of the cell.
     *
     * @throws MagicException when the cell is wrong or the command fails
     */
    public void cell(String line, String body, Display display) {
        execute(line, body == null ? "" : body, display);
    }

    private void execute(String line, String body, Display display) {
        List<String> words = Tokenizer.split(line == null ? "" : line);
        if (words.isEmpty()) {
            display.show(Output.text(commands.overview()));
            return;
        }
        Command command = commands.get(words.get(0));
        CommandSpec spec = command.spec();
        List<String> rest = words.subList(1, words.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            display.show(Output.text(spec.help()));
            return;
        }
        if (spec.isCell() && body == null) {
            throw new MagicException(spec.name() + " is a cell magic: start a cell with " + spec.usage()
                    + " and write the declarations below it (" + SpaceParser.SYNTAX.replace("\n", " ").trim() + ")");
        }
        if (!spec.isCell() && body != null && !body.isBlank()) {
            throw new MagicException("%%tune " + spec.name() + " takes no cell body; use it as a line magic, "
                    + spec.usage() + " (only %%tune space reads a cell body)");
        }
        Args args = Args.parse(spec, rest);
        try {
            command.execute(args, body, session, display);
        } catch (MagicException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MagicException("%tune " + spec.name() + ": " + Errors.describe(e), e);
        }
    }

    /**
     * Shows a live progress display for a run started in code ({@code study.optimizeAsync(…)}), updated until it
     * ends and then replaced by its summary, like {@code %tune run … --background}.
     */
    public void follow(StudyRun run, Display display) {
        LiveProgress live = new LiveProgress(run.study(), run::progress, display, true);
        session.putFollowed(new BackgroundRun(run, live));
        run.addListener(new RunListener() {
            @Override
            public void runFinished(Progress progress) {
                live.finish(progress, run.failure().orElse(null));
            }
        });
        live.startTicking(timer, session.refreshEvery());
    }

    /**
     * Interrupts every background run of the notebook, those of {@code %tune run … --background} and those
     * followed with {@link #follow}: no trial starts any more, running ones are interrupted
     * ({@link StudyRun#interrupt()}), and their displays end with a summary saying so. A kernel calls this for
     * an interrupt request that comes while no cell runs.
     *
     * @return how many runs were interrupted
     */
    public int interruptBackgroundRuns() {
        List<BackgroundRun> active = new java.util.ArrayList<>(session.activeRuns().values());
        session.activeFollowed().stream().filter(r -> !active.contains(r)).forEach(active::add);
        active.forEach(BackgroundRun::interrupt);
        return active.size();
    }

    /** The command names, for completion. */
    public List<String> commands() {
        return commands.names();
    }

    /** A study the notebook knows by this name (from {@code %tune new} or {@code %tune load}). */
    public Optional<Study> study(String name) {
        return session.findStudy(name).map(NotebookStudy::study);
    }

    /** A space declared with {@code %%tune space NAME}. */
    public Optional<Space> space(String name) {
        try {
            return session.spaceNames().contains(name) ? Optional.of(session.space(name)) : Optional.empty();
        } catch (MagicException e) {
            return Optional.empty();
        }
    }

    /** The session state, for tests. */
    Session session() {
        return session;
    }

    /** Stops every background run (running trials finish) and the display timer. */
    @Override
    public void close() {
        session.activeRuns().values().forEach(BackgroundRun::stop);
        session.activeFollowed().forEach(BackgroundRun::stop);
        timer.shutdown();
    }
}
