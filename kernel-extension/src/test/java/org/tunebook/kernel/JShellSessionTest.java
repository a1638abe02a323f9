package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunebook.Objective;
import org.tunebook.SpaceObjective;
import org.tunebook.Study;

class JShellSessionTest {

    private final JShellSession session = new JShellSession(System.out, System.err);

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theLastExpressionIsReturnedAsTheObjectItself() {
        Object value = session.eval("int a = 20;\nvar list = new java.util.ArrayList<Integer>();\nlist.add(a + 22);\nlist", 0);
        assertThat(value).isInstanceOf(java.util.ArrayList.class).asList().containsExactly(42);
        assertThat(session.eval("int b = 3;", 0)).isNull();
        assertThat(session.eval("b * 2", 0)).isEqualTo(6);
    }

    @Test
    void tunebookTypesAreUsableAndVariablesAreFoundByName() {
        session.eval("import org.tunebook.*;", 0);
        session.eval("Objective f = t -> t.suggestFloat(\"x\", 0, 1);\nStudy s = Tune.study().create();", 0);
        assertThat(session.variable("f")).get().isInstanceOf(Objective.class);
        assertThat(session.variable("s")).get().isInstanceOf(Study.class);
        assertThat(session.variable("nothing")).isEmpty();
        assertThat(session.names()).contains("f", "s");
    }

    @Test
    void topLevelMethodsBecomeObjectives() {
        session.eval("import org.tunebook.*;", 0);
        session.eval("double score(Trial t) { return t.suggestInt(\"n\", 1, 3); }", 0);
        session.eval("double fromParams(Params p) { return 1; }", 0);
        assertThat(session.variable("score")).get().isInstanceOf(Objective.class);
        assertThat(session.variable("fromParams")).get().isInstanceOf(SpaceObjective.class);
        assertThat(session.names()).doesNotContain("$1", "$2", "$3", "$4", "$5");
    }

    @Test
    void compileErrorsPointAtTheCellsLine() {
        assertThatThrownBy(() -> session.eval("int ok = 1;\n\nint bad = undefinedThing + 1;", 0))
                .isInstanceOf(SnippetFailure.class)
                .satisfies(e -> {
                    SnippetFailure f = (SnippetFailure) e;
                    assertThat(f.name()).isEqualTo("CompilationError");
                    assertThat(f.lines().get(0)).startsWith("line 3: cannot find symbol");
                    assertThat(f.lines().get(1)).contains("int bad = undefinedThing + 1;");
                    assertThat(f.lines().get(2)).endsWith("^");
                });
        assertThat(session.eval("ok", 0)).isEqualTo(1);
    }

    @Test
    void exceptionsNameTheUsersLinesNotTheMachinery() {
        assertThatThrownBy(() -> session.eval("int x = 1;\nif (x == 1) throw new IllegalStateException(\"no\");", 4))
                .isInstanceOf(SnippetFailure.class)
                .satisfies(e -> {
                    SnippetFailure f = (SnippetFailure) e;
                    assertThat(f.name()).isEqualTo("IllegalStateException");
                    assertThat(f.lines().get(0)).isEqualTo("java.lang.IllegalStateException: no");
                    assertThat(String.join("\n", f.lines())).contains("cell line 6").doesNotContain("jdk.jshell");
                });
    }

    @Test
    void anInterruptStopsASleepingSnippet() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                session.eval("Thread.sleep(60_000);", 0);
            } catch (Throwable t) {
                failure.set(t);
            }
            done.countDown();
        });
        cell.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cell.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        session.interrupt();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(SnippetFailure.class).hasMessageContaining("sleep interrupted");
    }

    @Test
    void completionAndCompleteness() {
        session.eval("String greeting = \"hi\";", 0);
        JShellSession.Completions c = session.complete("int n = 1;\ngreeting.toUpp", 25);
        assertThat(c.texts()).contains("toUpperCase(");
        assertThat(c.start()).isEqualTo(20);
        assertThat(session.completeness("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
        assertThat(session.completeness("int z = 3;")).isEqualTo("complete");
        assertThat(session.documentation("int m = Math.max(1, 2);", 17)).contains("max(");
    }

    @Test
    void documentationFindsTheNameUnderTheCursorWhereverTheCursorIsInIt() {
        session.eval("import org.tunebook.*;", 0);
        session.eval("String greeting = \"hi\";", 0);
        String code = "int n = 1;\nint m = Math.max(n, 2);";
        // inside the method name, at its end, after its parenthesis, among its arguments
        for (int at : new int[] {code.indexOf("max") + 1, code.indexOf("max") + 3, code.indexOf("(") + 1,
                code.indexOf("2)")}) {
            assertThat(session.documentation(code, at)).as("at %d", at).contains("Math.max(int a, int b)");
        }
        assertThat(session.documentation("Tune.study", 7)).contains("Tune.study()");
        assertThat(session.documentation("Tune.study().create()", 2)).isEqualTo("org.tunebook.Tune");
        assertThat(session.documentation("greeting.length()", 4)).contains("greeting:java.lang.String");
        assertThat(session.documentation("noSuchName", 3)).isEmpty();
    }

    @Test
    void expressionValuesAreNotKeptAsDollarVariablesSoLaterSnippetsStayCheapToCompile() {
        assertThat(session.eval("1 + 1", 0)).isEqualTo(2);
        assertThat(session.eval("int a = 2;\nString.valueOf(a * 3)", 0)).isEqualTo("6");
        assertThatThrownBy(() -> session.eval("Integer.parseInt(\"x\")", 0)).isInstanceOf(SnippetFailure.class);
        assertThat(session.names()).containsExactly("a");
        assertThat(session.eval("a + 1", 0)).isEqualTo(3);
    }

    @Test
    void completionWaitsForTheStartupSnippetsRunningElsewhere() throws Exception {
        java.util.concurrent.ExecutorService cellThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            session.startingWith(cellThread.submit(() -> {
                Thread.sleep(500); // a slow startup: the completion request comes first
                return session.eval("import org.tunebook.*;", 0);
            }));
            assertThat(session.complete("Tune.st", 7).texts()).contains("study()");
            assertThat(session.documentation("Tune", 4)).isEqualTo("org.tunebook.Tune");
        } finally {
            cellThread.shutdownNow();
        }
    }
}
