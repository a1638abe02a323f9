package org.tunebook.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.tunebook.magics.Display;
import org.tunebook.magics.DisplayHandle;
import org.tunebook.magics.Output;
import org.tunebook.magics.Plotter;
import org.tunebook.magics.Renderings;
import org.tunebook.magics.TuneMagics;
import org.tunebook.magics.Variables;

/**
 * The {@code %tune} magics for a Jupyter kernel that is not tunebook's own, such as a JJava or IJava kernel: the
 * kernel hands over its magics' arguments, a way to read the notebook's variables, and where outputs go, as MIME
 * bundles. {@link TunebookExtension} uses it for JJava; in an IJava kernel, run (once {@code tunebook-kernel} and
 * its dependencies are on the class path):
 *
 * <pre>{@code
 * import io.github.spencerpark.ijava.IJava;
 * import io.github.spencerpark.jupyter.kernel.display.DisplayData;
 * var kernel = IJava.getKernelInstance();
 * var tune = new org.tunebook.kernel.TuneBridge(kernel::evalRaw,
 *         (bundle, id) -> { var d = new DisplayData(); bundle.forEach(d::putData); if (id != null) d.setDisplayId(id); kernel.display(d); },
 *         (bundle, id) -> { var d = new DisplayData(); bundle.forEach(d::putData); kernel.getIO().display.updateDisplay(id, d); });
 * kernel.getMagics().registerLineMagic("tune", args -> { tune.line(args); return null; });
 * kernel.getMagics().registerCellMagic("tune", (args, body) -> { tune.cell(args, body); return null; });
 * }</pre>
 *
 * <p>Such kernels send display updates only while a cell runs, so a background run's live display moves when
 * the notebook is busy and shows its summary then; {@code %tune status} shows a run's progress at any time.
 */
public final class TuneBridge implements AutoCloseable {

    /** Reads a notebook variable: its value, or an exception (or null) when there is no such variable. */
    @FunctionalInterface
    public interface Lookup {
        /** The value of {@code name}, evaluated as an expression in the notebook. */
        Object value(String name) throws Exception;
    }

    /** Where outputs go: a MIME bundle ({@code text/plain}, {@code text/html}, {@code image/png} as Base64). */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param bundle the output's forms by MIME type
         * @param displayId the id of an output that will be replaced later, or null for one that will not
         */
        void send(Map<String, String> bundle, String displayId) throws Exception;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final AtomicLong IDS = new AtomicLong();

    private final TuneMagics magics;
    private final Display display;

    /**
     * @param variables reads notebook variables (only names that are Java identifiers are asked for)
     * @param show shows a new output
     * @param update replaces the output of a display id
     */
    public TuneBridge(Lookup variables, Sink show, Sink update) {
        if (variables == null || show == null || update == null) {
            throw new IllegalArgumentException("a TuneBridge needs a variable lookup and two sinks, show and update");
        }
        this.magics = new TuneMagics(variablesOf(variables), Plotter.charts());
        this.display = new SinkDisplay(show, update);
    }

    /** Carries out {@code %tune ARGS…}, the arguments as the kernel split them. */
    public void line(List<String> args) {
        magics.line(join(args), display);
    }

    /** Carries out a {@code %%tune ARGS…} cell with its body. */
    public void cell(List<String> args, String body) {
        magics.cell(join(args), body, display);
    }

    /** The magics behind this bridge. */
    public TuneMagics magics() {
        return magics;
    }

    /**
     * The rich form of a tunebook result (a study, trials table, run, chart…) as a MIME bundle, for a kernel's
     * renderer; empty for other objects.
     */
    public static Optional<Map<String, String>> render(Object value) {
        return Renderings.render(value).map(Output::mimeBundle);
    }

    @Override
    public void close() {
        magics.close();
    }

    /** Words joined into a line that the magics split back into the same words. */
    static String join(List<String> args) {
        StringBuilder s = new StringBuilder();
        for (String arg : args) {
            if (s.length() > 0) {
                s.append(' ');
            }
            boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"'
                    || c == '\'' || c == '\\');
            s.append(plain ? arg : '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return s.toString();
    }

    private static Variables variablesOf(Lookup lookup) {
        return name -> {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(lookup.value(name));
            } catch (Exception e) {
                return Optional.empty(); // no such variable: the magics say so, naming it
            }
        };
    }

    /** The magics' display over the two sinks. */
    private record SinkDisplay(Sink show, Sink update) implements Display {

        @Override
        public void show(Output output) {
            send(show, output, null);
        }

        @Override
        public DisplayHandle showUpdatable(Output output) {
            String id = "tunebook-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
            send(show, output, id);
            return next -> send(update, next, id);
        }

        private static void send(Sink sink, Output output, String id) {
            try {
                sink.send(output.mimeBundle(), id);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the kernel could not show an output: " + e.getMessage(), e);
            }
        }
    }
}
