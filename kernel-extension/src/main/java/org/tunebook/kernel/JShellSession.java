package org.tunebook.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell running its snippets in this JVM ({@link InProcessEngine}): evaluates cells snippet by snippet and
 * returns the last expression's value as an object, reports compile errors and exceptions against the cell's
 * lines, looks variables up by name, completes and documents code. One call at a time: the cell thread evaluates
 * while the shell thread may complete or document code (the kernel's startup runs on the cell thread while the
 * kernel already answers), so every use of JShell is synchronized, except {@link #interrupt()}.
 */
final class JShellSession implements AutoCloseable {

    private final InProcessEngine engine = new InProcessEngine();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private volatile Future<?> startup = CompletableFuture.completedFuture(null);

    JShellSession(PrintStream out, PrintStream err) {
        this.shell = JShell.builder().out(out).err(err).executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "tunebook-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return engine;
            }
        }, Map.of()).build();
        this.analysis = shell.sourceCodeAnalysis();
    }

    /**
     * Makes completion, documentation and completeness wait until {@code startup} (the startup snippets, evaluated
     * on the cell thread) is done: before, names the startup imports would not be found.
     */
    void startingWith(Future<?> startup) {
        this.startup = startup;
    }

    private void awaitStartup() {
        try {
            startup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // a failed startup was reported where it ran; answer with what there is
        }
    }

    /** One complete snippet of a cell and where it starts in the cell. */
    record Piece(String source, int start, int end) {
    }

    /** Splits a cell into the snippets JShell would evaluate, with their positions. */
    synchronized List<Piece> split(String code) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int blanks = leadingBlanks(remaining);
            int start = offset + blanks;
            int consumed = remaining.length() - info.remaining().length();
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            // JShell numbers a snippet's lines from its first non-blank character
            String source = (info.source() != null ? info.source() : remaining).stripLeading();
            if (consumed <= 0 || consumed > remaining.length()) {
                consumed = remaining.length();
            }
            pieces.add(new Piece(source, start, offset + consumed));
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
        return pieces;
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Evaluates a cell.
     *
     * @param cellStartLine the cell line the code starts on (0 when the code is the whole cell)
     * @return the value of the last snippet when it is an expression, else null
     * @throws SnippetFailure when a snippet does not compile or throws; earlier snippets stay in effect
     */
    synchronized Object eval(String code, int cellStartLine) {
        Object last = null;
        Map<String, Integer> snippetLines = new HashMap<>();
        for (Piece piece : split(code)) {
            int line = cellStartLine + lineOf(code, piece.start());
            last = null;
            for (SnippetEvent event : shell.eval(piece.source())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                snippetLines.put(snippet.id(), line);
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compileFailure(snippet, piece, line);
                }
                if (event.exception() != null) {
                    forgetTemporary(snippet);
                    throw runtimeFailure(event.exception(), snippetLines);
                }
                Object value = InProcessEngine.isKey(event.value()) ? engine.takeValue(event.value()) : null;
                if (isExpression(snippet)) {
                    last = value;
                }
                forgetTemporary(snippet);
            }
        }
        return last;
    }

    /**
     * Drops the {@code $N} variable JShell keeps for an expression's value: the value goes to the cell as an
     * object, and every variable kept makes each later snippet slower to compile (measured: a {@code 1 + 1}
     * cell went from 40 to 120 ms over 450 cells with the variables kept, and stays flat without them).
     */
    private void forgetTemporary(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && shell.status(snippet).isDefined()) {
            shell.drop(snippet);
        }
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static int lineOf(String code, int position) {
        int line = 0;
        for (int i = 0; i < position && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private SnippetFailure compileFailure(Snippet snippet, Piece piece, int firstLine) {
        List<String> lines = new ArrayList<>();
        String first = null;
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        for (Diag d : diags) {
            int pos = (int) Math.max(0, Math.min(d.getPosition(), piece.source().length()));
            int line = firstLine + lineOf(piece.source(), pos);
            String message = d.getMessage(Locale.ROOT);
            first = first == null ? message : first;
            lines.add("line " + (line + 1) + ": " + message);
            int lineStart = piece.source().lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = piece.source().indexOf('\n', pos);
            String text = piece.source().substring(lineStart, lineEnd < 0 ? piece.source().length() : lineEnd);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + "^");
        }
        if (diags.isEmpty()) {
            String why = unresolved(snippet);
            first = why;
            lines.add("line " + (firstLine + 1) + ": " + why);
        }
        return new SnippetFailure("CompilationError", first, lines);
    }

    private String unresolved(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
            List<String> missing = shell.unresolvedDependencies(d).toList();
            if (!missing.isEmpty()) {
                return "it uses " + String.join(", ", missing) + ", which is not defined yet";
            }
        }
        return "the code does not compile";
    }

    private static SnippetFailure runtimeFailure(JShellException e, Map<String, Integer> snippetLines) {
        String type = e instanceof EvalException ee ? ee.getExceptionClassName()
                : e instanceof UnresolvedReferenceException ? "UnresolvedReference" : e.getClass().getName();
        String message = e.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(type + (message == null ? "" : ": " + message));
        Throwable t = e;
        while (t != null) {
            if (t != e) {
                String causeType = t instanceof EvalException ce ? ce.getExceptionClassName() : t.getClass().getName();
                lines.add("caused by " + causeType + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String where = frame(frame, snippetLines);
                if (where != null) {
                    lines.add("    at " + where);
                }
            }
            t = t.getCause();
        }
        String shortType = type.substring(type.lastIndexOf('.') + 1);
        return new SnippetFailure(shortType, message == null ? type : message, lines);
    }

    /** A stack frame as the user knows it: cell lines for the cell's own code; null for the machinery. */
    private static String frame(StackTraceElement f, Map<String, Integer> snippetLines) {
        String file = f.getFileName();
        String cls = f.getClassName();
        if (file != null && file.startsWith("#")) {
            Integer start = snippetLines.get(file.substring(1));
            String method = f.getMethodName().isEmpty() || f.getMethodName().startsWith("do_it$") ? "cell"
                    : f.getMethodName();
            return start == null ? method + " (an earlier cell)" : method + " (cell line " + (start + f.getLineNumber()) + ")";
        }
        if (cls.startsWith("jdk.jshell.") || cls.startsWith("jdk.internal.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("org.tunebook.kernel.")) {
            return null;
        }
        return f.toString();
    }

    /** The value of a notebook variable, or of a top-level method wrapped as an objective. */
    synchronized Optional<Object> variable(String name) {
        boolean isVariable = shell.variables().anyMatch(v -> v.name().equals(name) && shell.status(v).isActive());
        if (isVariable) {
            return Optional.ofNullable(evalQuietly(name));
        }
        Optional<MethodSnippet> method = shell.methods()
                .filter(m -> m.name().equals(name) && shell.status(m).isActive()).findFirst();
        if (method.isPresent()) {
            String type = method.get().parameterTypes().contains("Params") ? "org.tunebook.SpaceObjective"
                    : "org.tunebook.Objective";
            return Optional.ofNullable(evalQuietly("(" + type + ") __x -> " + name + "(__x)"));
        }
        return Optional.empty();
    }

    /** Evaluates an expression and forgets it: warms the compiler and the expression path up. */
    synchronized void evalAndForget(String expression) {
        evalQuietly(expression);
    }

    /** Evaluates an expression for its value, leaving no trace (a temporary variable is dropped). */
    private Object evalQuietly(String expression) {
        Object value = null;
        for (SnippetEvent event : shell.eval(expression)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.VALID && event.exception() == null) {
                value = engine.takeValue(event.value());
            }
            if (event.snippet() instanceof VarSnippet && event.status().isDefined()) {
                shell.drop(event.snippet());
            }
        }
        return value;
    }

    /** Names of the active variables and methods, for hints. */
    synchronized Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> names.add(v.name()));
        shell.methods().filter(m -> shell.status(m).isActive()).forEach(m -> names.add(m.name()));
        return names;
    }

    /** Completions at {@code at}: the replacement texts and the range of the cell they replace. */
    Completions complete(String code, int at) {
        awaitStartup();
        return completeNow(code, at);
    }

    private synchronized Completions completeNow(String code, int at) {
        Piece piece = pieceAt(code, at);
        int[] anchor = new int[1];
        List<String> texts = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(piece.source(), at - piece.start(), anchor)) {
            if (!texts.contains(s.continuation())) {
                texts.add(s.continuation());
            }
        }
        return new Completions(texts, piece.start() + anchor[0], at);
    }

    /** Replacement texts for a range of the cell. */
    record Completions(List<String> texts, int start, int end) {
    }

    /** Signatures and Javadoc of what is at {@code at} (see {@link Inspection}), or an empty string. */
    String documentation(String code, int at) {
        awaitStartup();
        return documentationNow(code, at);
    }

    private synchronized String documentationNow(String code, int at) {
        for (Inspection.Query query : Inspection.queries(code, at)) {
            String doc = documentationAt(query.code(), query.cursor());
            if (!doc.isEmpty()) {
                return doc;
            }
        }
        return "";
    }

    private String documentationAt(String code, int at) {
        Piece piece = pieceAt(code, at);
        StringBuilder s = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : analysis.documentation(piece.source(), at - piece.start(), true)) {
            s.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                s.append(d.javadoc().strip()).append("\n\n");
            }
        }
        return s.toString().strip();
    }

    private Piece pieceAt(String code, int at) {
        String upTo = code.substring(0, Math.min(at, code.length()));
        Piece last = new Piece(upTo, 0, upTo.length());
        for (Piece p : split(upTo)) {
            last = p;
        }
        // the snippet holding the cursor runs from its start to the cursor
        return new Piece(code.substring(last.start(), Math.min(at, code.length())), last.start(), at);
    }

    /** Whether the code is complete: "complete", "invalid", or an indent to continue with. */
    String completeness(String code) {
        awaitStartup();
        return completenessNow(code);
    }

    private synchronized String completenessNow(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return "invalid";
                case EMPTY:
                    return "complete";
                default:
                    if (info.remaining().length() >= remaining.length()) {
                        return "complete";
                    }
                    remaining = info.remaining();
            }
        }
        return "complete";
    }

    /** Adds jars or folders to the class path of both the compiler and the running code. */
    synchronized void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Interrupts the snippet running now. */
    void interrupt() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
