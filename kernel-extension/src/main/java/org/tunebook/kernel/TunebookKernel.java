package org.tunebook.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.tunebook.StudyRun;
import org.tunebook.magics.Display;
import org.tunebook.magics.MagicException;
import org.tunebook.magics.Output;
import org.tunebook.magics.Plotter;
import org.tunebook.magics.Renderings;
import org.tunebook.magics.TuneMagics;

/**
 * tunebook's Jupyter kernel: Java cells run by an in-process JShell on a worker thread (an interrupt request
 * interrupts it), {@code %tune} and {@code %%tune} magics, tunebook's results shown as HTML tables and live
 * progress, messages published from a thread of their own. Start it with {@link KernelMain}.
 */
public final class TunebookKernel extends BaseKernel {

    private final Publisher publisher = new Publisher();
    private final PrintStream out;
    private final PrintStream err;
    private final JShellSession jshell;
    private final TuneMagics magics;
    private final ClasspathMagics classpath;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tunebook-cell");
        t.setDaemon(true);
        return t;
    });
    private final PrintStream log = System.err;
    private volatile Thread cellThread;
    private volatile ShellReplyEnvironment currentEnv;
    private volatile RequestChannel currentChannel;
    private volatile boolean executing;
    /** Set by an interrupt that came while an execute request was being handled, possibly before its cell began. */
    private volatile boolean cellInterrupted;

    TunebookKernel(String name, String version, JupyterIO io, CommManager comms, Renderer renderer,
            MagicParser magicParser, MagicsRegistry magicsRegistry, StringStyler errorStyler) {
        super(name, version, language(), List.of(new HelpLink("tunebook", "https://github.com/tunebook/tunebook")),
                null, io, comms, renderer, magicParser, magicsRegistry, false, errorStyler);
        this.out = new PrintStream(new ForwardingOutputStream(text -> stream(text, false)), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new ForwardingOutputStream(text -> stream(text, true)), true, StandardCharsets.UTF_8);
        this.jshell = new JShellSession(out, err);
        this.magics = new TuneMagics(new JShellVariables(jshell), Plotter.charts());
        this.classpath = new ClasspathMagics(jshell::addToClasspath, MavenArtifacts::standard);
        jshell.startingWith(worker.submit(() -> Startup.run(jshell, log)));
    }

    private static LanguageInfo language() {
        return new LanguageInfo("Java", System.getProperty("java.version"), "text/x-java-source", ".jshell", "java",
                "java", "script");
    }

    /** Prints of user code go to the cell that runs now (or ran last), through the publisher. */
    private void stream(String text, boolean error) {
        ShellReplyEnvironment env = currentEnv;
        if (env == null) {
            log.print(text);
            return;
        }
        publisher.post(() -> {
            if (error) {
                env.writeToStdErr(text);
            } else {
                env.writeToStdOut(text);
            }
        });
    }

    @Override
    public void onStartup() {
        super.onStartup();
        System.setOut(out);
        System.setErr(err);
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        currentEnv = env;
        currentChannel = new RequestChannel(env.getIopub(), env.getContext(), publisher);
        cellInterrupted = false;
        executing = true;
        try {
            super.handleExecuteRequest(env, message);
        } finally {
            executing = false;
        }
    }

    /** The library swaps System.out for each request; this kernel's streams stay, and follow the request. */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
    }

    @Override
    public DisplayData eval(String code) {
        Object value = evalRaw(code);
        if (value == null) {
            return null;
        }
        Optional<Output> rich = Renderings.render(value);
        if (rich.isPresent()) {
            return KernelDisplay.data(rich.get());
        }
        return value instanceof DisplayData d ? d : getRenderer().render(value);
    }

    @Override
    public Object evalRaw(String code) {
        Display display = display();
        Future<Object> cell = worker.submit(() -> {
            Thread.interrupted(); // an interrupt that came after the previous cell must not hit this one
            cellThread = Thread.currentThread();
            if (cellInterrupted) {
                // the interrupt came while this cell waited for the worker (after its execute_input was published)
                Thread.currentThread().interrupt();
            }
            try {
                return run(code, display);
            } finally {
                cellThread = null;
                Thread.interrupted();
                out.flush();
                err.flush();
            }
        });
        try {
            return cell.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.toString(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagicException("the kernel was interrupted while waiting for the cell");
        } finally {
            publisher.drain();
        }
    }

    private Display display() {
        RequestChannel channel = currentChannel;
        if (channel == null) {
            return new Display() {
                @Override
                public void show(Output output) {
                    log.println(output.text());
                }

                @Override
                public org.tunebook.magics.DisplayHandle showUpdatable(Output output) {
                    show(output);
                    return this::show;
                }
            };
        }
        return new KernelDisplay(channel, () -> executing ? currentChannel : null);
    }

    private Object run(String code, Display display) {
        Optional<CellScript.CellMagic> cellMagic = CellScript.cellMagic(code);
        if (cellMagic.isPresent()) {
            CellScript.CellMagic m = cellMagic.get();
            if (!m.name().equals("tune")) {
                throw new MagicException("unknown cell magic %%" + m.name() + "; this kernel has %%tune");
            }
            magics.cell(m.args(), m.body(), display);
            return null;
        }
        Object last = null;
        for (CellScript.Segment segment : CellScript.segments(code)) {
            last = segment.magic() ? lineMagic(segment.text(), display) : jshell.eval(segment.text(), segment.line());
        }
        if (last instanceof StudyRun run && !run.isDone()) {
            magics.follow(run, display);
            return null;
        }
        return last;
    }

    private Object lineMagic(String line, Display display) {
        String[] nameAndArgs = line.strip().split("\\s+", 2);
        String args = nameAndArgs.length > 1 ? nameAndArgs[1] : "";
        switch (nameAndArgs[0]) {
            case "tune" -> magics.line(args, display);
            case "maven" -> display.show(classpath.maven(args));
            case "jars" -> display.show(classpath.jars(args));
            case "classpath" -> display.show(classpath.classpath(args));
            default -> throw new MagicException("unknown magic %" + nameAndArgs[0]
                    + "; this kernel has %tune (%tune help), %%tune, %maven, %jars and %classpath");
        }
        return null;
    }

    /** Shows a value in the running cell (the notebook's {@code display(…)}). */
    void displayValue(Object value) {
        Display display = display();
        if (value instanceof StudyRun run && !run.isDone()) {
            magics.follow(run, display);
            return;
        }
        Optional<Output> rich = Renderings.render(value);
        if (rich.isPresent()) {
            display.show(rich.get());
        } else if (currentChannel != null) {
            DisplayData data = value instanceof DisplayData d ? d : getRenderer().render(value);
            currentChannel.publish(new org.dflib.jjava.jupyter.messages.publish.PublishDisplayData(data));
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof MagicException) {
            return List.of(e.getMessage().split("\n"));
        }
        if (e instanceof SnippetFailure f) {
            return f.lines();
        }
        return super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = isMagicLine(code, at) ? magicHelp(code, at) : jshell.documentation(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    private String magicHelp(String code, int at) {
        String line = currentLine(code, at).strip();
        String[] words = line.replaceFirst("^%+tune", "").strip().split("\\s+");
        try {
            List<String> help = new ArrayList<>();
            magics.line("help " + (words.length > 0 ? words[0] : ""), new Display() {
                @Override
                public void show(Output output) {
                    help.add(output.text());
                }

                @Override
                public org.tunebook.magics.DisplayHandle showUpdatable(Output output) {
                    show(output);
                    return o -> { };
                }
            });
            return String.join("\n", help);
        } catch (MagicException e) {
            return e.getMessage();
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        if (isMagicLine(code, at)) {
            String line = currentLine(code, at);
            int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            String typed = line.substring(0, at - lineStart);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*%%?tune\\s+(\\w*)$").matcher(typed);
            if (!m.find()) {
                return null;
            }
            String prefix = m.group(1);
            List<String> names = magics.commands().stream().filter(c -> c.startsWith(prefix)).toList();
            return new ReplacementOptions(names, at - prefix.length(), at);
        }
        JShellSession.Completions c = jshell.complete(code, at);
        return new ReplacementOptions(c.texts(), c.start(), c.end());
    }

    private static boolean isMagicLine(String code, int at) {
        return currentLine(code, at).stripLeading().startsWith("%");
    }

    private static String currentLine(String code, int at) {
        int start = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = code.indexOf('\n', at);
        return code.substring(start, end < 0 ? code.length() : end);
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        String answer = jshell.completeness(code);
        return switch (answer) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> answer;
        };
    }

    /**
     * Interrupts the running cell (its Java code, or a foreground {@code %tune run}); while no cell runs, interrupts
     * the notebook's background runs instead, which is what the interrupt button can mean then.
     */
    @Override
    public void interrupt() {
        if (executing) {
            cellInterrupted = true; // seen by a cell that has not started yet
            Thread t = cellThread;
            if (t != null) {
                t.interrupt();
            }
        } else {
            magics.interruptBackgroundRuns();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        magics.close();
        worker.shutdownNow();
        jshell.close();
        publisher.close();
        super.onShutdown(isRestarting);
    }
}
