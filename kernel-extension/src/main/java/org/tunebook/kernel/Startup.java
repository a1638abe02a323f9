package org.tunebook.kernel;

import java.io.PrintStream;
import java.util.List;

/**
 * The snippets every kernel session starts with: tunebook's API imported, and {@code display(…)}. Evaluating
 * them is also what warms JShell's compiler up (a second or more in a fresh JVM), so the kernel does it on the
 * cell thread while it connects to Jupyter; cells queue behind it.
 */
final class Startup {

    static final List<String> SNIPPETS = List.of(
            "import java.util.*;",
            "import java.time.Duration;",
            "import org.tunebook.*;",
            "import org.tunebook.samplers.*;",
            "import org.tunebook.pruners.*;",
            "import org.tunebook.storage.*;",
            "import org.tunebook.distributions.*;",
            "import org.tunebook.plots.*;",
            "void display(Object value) { org.tunebook.kernel.Notebook.display(value); }");

    private Startup() {
    }

    /**
     * Evaluates the startup snippets, then an expression that leaves no trace, so that the first cell finds the
     * compiler and the expression path warm. A snippet that fails is reported to {@code log}, not to a cell.
     */
    static void run(JShellSession jshell, PrintStream log) {
        for (String snippet : SNIPPETS) {
            try {
                jshell.eval(snippet, 0);
            } catch (RuntimeException e) {
                log.println("tunebook kernel: the startup snippet '" + snippet + "' failed: " + e.getMessage());
            }
        }
        jshell.evalAndForget("java.util.List.of(1).size()");
    }
}
