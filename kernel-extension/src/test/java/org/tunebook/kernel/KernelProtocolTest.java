package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.kernel.protocol.Execution;
import org.tunebook.kernel.protocol.JupyterClient;
import org.tunebook.kernel.protocol.JupyterClient.Channel;
import org.tunebook.kernel.protocol.KernelProcess;
import org.tunebook.kernel.protocol.WireMessage;

/**
 * The kernel over the Jupyter wire protocol, as a separate process started from a connection file the way the
 * kernelspec starts it, driven by the Java client of {@code org.tunebook.kernel.protocol}: message order, errors,
 * live display updates after the cell finished, interrupts, completion, inspection, and shutdown.
 */
class KernelProtocolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    @TempDir
    static Path dir;
    private static KernelProcess kernel;
    private static JupyterClient client;

    @BeforeAll
    static void startKernel() throws Exception {
        kernel = KernelProcess.start(dir, KernelProcess.thisClassPath());
        client = kernel.connect(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopKernel() {
        if (client != null) {
            client.close();
        }
        if (kernel != null) {
            kernel.close();
        }
    }

    private static Execution execute(String code) {
        return client.execute(code, TIMEOUT);
    }

    private static String traceback(WireMessage m) {
        List<String> lines = new ArrayList<>();
        m.content().getAsJsonArray("traceback").forEach(e -> lines.add(ANSI.matcher(e.getAsString()).replaceAll("")));
        return String.join("\n", lines);
    }

    @Test
    void kernelInfoDescribesAJavaKernelAndTheHeartbeatEchoes() {
        String id = client.send(Channel.SHELL, "kernel_info_request", new JsonObject());
        WireMessage kernelInfo = client.reply(Channel.SHELL, id, TIMEOUT);
        assertThat(kernelInfo.type()).isEqualTo("kernel_info_reply");
        assertThat(kernelInfo.parentHeader().get("msg_type").getAsString()).isEqualTo("kernel_info_request");
        JsonObject c = kernelInfo.content();
        assertThat(c.get("protocol_version").getAsString()).startsWith("5.");
        assertThat(c.get("implementation").getAsString()).isEqualTo("tunebook");
        JsonObject language = c.getAsJsonObject("language_info");
        assertThat(language.get("name").getAsString()).isEqualToIgnoringCase("java");
        assertThat(language.get("file_extension").getAsString()).isEqualTo(".jshell");
        assertThat(kernelInfo.header().get("session").getAsString()).isNotBlank();
        assertThat(client.heartbeat(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aCellPublishesBusyInputOutputsIdleInThatOrderAndRepliesWithItsCount() {
        Execution cell = execute("System.out.println(\"hello\");\n"
                + "display(Tune.study().name(\"shown\").create());\n"
                + "1 + 1");
        assertThat(cell.status()).as(cell.toString()).isEqualTo("ok");
        assertThat(cell.reply().type()).isEqualTo("execute_reply");
        int count = cell.reply().content().get("execution_count").getAsInt();

        List<String> types = cell.types();
        assertThat(cell.iopub().get(0).isStatus("busy")).as(types.toString()).isTrue();
        assertThat(types.get(1)).isEqualTo("execute_input");
        assertThat(cell.iopub().get(1).content().get("execution_count").getAsInt()).isEqualTo(count);
        assertThat(cell.iopub().get(1).string("code")).startsWith("System.out.println");
        assertThat(types.subList(2, types.size() - 1)).as(types.toString())
                .containsSubsequence("stream", "display_data", "execute_result")
                .containsOnly("stream", "display_data", "execute_result")
                .endsWith("execute_result");
        assertThat(cell.iopub().get(types.size() - 1).isStatus("idle")).isTrue();

        assertThat(cell.stream("stdout")).isEqualTo("hello\n");
        assertThat(cell.ofType("display_data").get(0).data("text/html")).contains("shown");
        assertThat(cell.result()).isEqualTo("2");
        assertThat(cell.ofType("execute_result").get(0).content().get("execution_count").getAsInt()).isEqualTo(count);

        Execution next = execute("int later = 3;");
        assertThat(next.reply().content().get("execution_count").getAsInt()).isEqualTo(count + 1);
        assertThat(next.types()).containsExactly("status", "execute_input", "status");
    }

    @Test
    void aCompileErrorPublishesAnErrorWithTheUsersLineAndTheReplySaysError() {
        Execution cell = execute("int fine = 1;\nint bad = undefinedThing + 1;");
        assertThat(cell.status()).isEqualTo("error");
        assertThat(cell.reply().content().has("execution_count")).isTrue();
        List<WireMessage> errors = cell.ofType("error");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).string("evalue")).startsWith("cannot find symbol");
        assertThat(cell.reply().string("ename")).isEqualTo(errors.get(0).string("ename"));
        assertThat(traceback(errors.get(0))).contains("line 2: cannot find symbol",
                "int bad = undefinedThing + 1;");
        assertThat(cell.iopub().get(cell.iopub().size() - 1).isStatus("idle")).isTrue();
        // the snippet before the failing one stays defined
        assertThat(execute("fine + 1").result()).isEqualTo("2");
    }

    @Test
    void anExceptionNamesItsTypeMessageAndCellLine() {
        Execution cell = execute("int x = 1;\nif (x == 1) throw new IllegalStateException(\"boom\");");
        assertThat(cell.status()).isEqualTo("error");
        assertThat(cell.reply().string("evalue")).isEqualTo("boom");
        String trace = traceback(cell.ofType("error").get(0));
        assertThat(trace).contains("java.lang.IllegalStateException: boom", "cell line 2").doesNotContain("jdk.jshell");
    }

    @Test
    void aBadMagicGetsItsUsageNotAStackTrace() {
        Execution cell = execute("%tune run --trials");
        assertThat(cell.status()).isEqualTo("error");
        String trace = traceback(cell.ofType("error").get(0));
        assertThat(trace).contains("usage: %tune run").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aBackgroundRunUpdatesItsDisplayAfterItsCellFinishedAsRepliesToThatCell() {
        assertThat(execute("Objective slowBg = t -> { Thread.sleep(60); return t.suggestFloat(\"x\", 0, 1); };")
                .status()).isEqualTo("ok");
        Execution start = execute("%tune new bg\n%tune run bg --objective slowBg --trials 25 --background");
        assertThat(start.status()).as(start.toString()).isEqualTo("ok");
        List<String> ids = start.ofType("display_data").stream().map(WireMessage::displayId)
                .filter(id -> id != null).toList();
        assertThat(ids).as("the run's live display").isNotEmpty();
        String display = ids.get(ids.size() - 1);

        // the cell is over (status idle came); updates keep coming, replying to the request that started the run
        List<WireMessage> updates = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (updates.isEmpty() || !updates.get(updates.size() - 1).data("text/plain").contains("done")) {
            updates.add(client.next(Channel.IOPUB, m -> m.type().equals("update_display_data")
                    && display.equals(m.displayId()), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    "update of display " + display + " (so far " + updates.size() + ")"));
        }
        assertThat(updates).allSatisfy(u -> assertThat(u.parentId()).isEqualTo(start.requestId()));
        assertThat(updates.size()).isGreaterThan(1);
        assertThat(updates.get(updates.size() - 1).data("text/plain")).contains("'bg' done: 25/25 trials");
        // the study has every trial
        assertThat(execute("%tune status bg").ofType("display_data").get(0).data("text/plain"))
                .contains("25 trials (25 complete");
    }

    @Test
    void anInterruptRequestStopsASleepingCellAndTheKernelGoesOn() {
        String id = client.sendExecute("for (int i = 0; i < 1200; i++) Thread.sleep(100);");
        client.next(Channel.IOPUB, m -> id.equals(m.parentId()) && m.type().equals("execute_input"), TIMEOUT,
                "execute_input of the sleeping cell");
        interrupt();

        WireMessage reply = client.reply(Channel.SHELL, id, TIMEOUT);
        assertThat(reply.string("status")).isEqualTo("error");
        List<WireMessage> iopub = client.iopubUntilIdle(id, TIMEOUT);
        assertThat(iopub).filteredOn(m -> m.type().equals("error")).singleElement()
                .satisfies(e -> assertThat(traceback(e)).contains("java.lang.InterruptedException"));

        assertThat(execute("1 + 1").result()).isEqualTo("2");
    }

    @Test
    void anInterruptRequestStopsAForegroundRunAndKeepsItsTrials() {
        assertThat(execute("Objective slowFg = t -> { Thread.sleep(50); return t.suggestFloat(\"x\", 0, 1); };\n"
                + "%tune new fg").status()).isEqualTo("ok");
        String id = client.sendExecute("%tune run fg --objective slowFg --trials 100000");
        // the live display appears once the run has started
        client.next(Channel.IOPUB, m -> id.equals(m.parentId()) && m.type().equals("display_data"), TIMEOUT,
                "the foreground run's display");
        client.next(Channel.IOPUB, m -> id.equals(m.parentId()) && m.type().equals("update_display_data"), TIMEOUT,
                "an update of the foreground run's display");
        interrupt();

        WireMessage reply = client.reply(Channel.SHELL, id, TIMEOUT);
        assertThat(reply.string("status")).isEqualTo("error");
        assertThat(reply.string("evalue")).contains("the run of 'fg' was interrupted after");
        client.iopubUntilIdle(id, TIMEOUT);

        Execution after = execute("%tune best fg");
        assertThat(after.status()).as(after.toString()).isEqualTo("ok");
        assertThat(after.ofType("display_data").get(0).data("text/plain")).contains("best of 'fg'");
    }

    @Test
    void anInterruptWhileNoCellRunsEndsTheBackgroundRuns() {
        assertThat(execute("Objective slowIdle = t -> { Thread.sleep(50); return t.suggestFloat(\"x\", 0, 1); };")
                .status()).isEqualTo("ok");
        Execution start = execute("%tune new idle\n%tune run idle --objective slowIdle --trials 100000 --background");
        assertThat(start.status()).as(start.toString()).isEqualTo("ok");
        List<String> ids = start.ofType("display_data").stream().map(WireMessage::displayId)
                .filter(id -> id != null).toList();
        assertThat(ids).as("the run's live display").isNotEmpty();
        String display = ids.get(ids.size() - 1);
        client.next(Channel.IOPUB, m -> m.type().equals("update_display_data") && display.equals(m.displayId()),
                TIMEOUT, "a first update of the background run");

        interrupt(); // no cell runs now: the interrupt is meant for the background run

        WireMessage end = client.next(Channel.IOPUB, m -> m.type().equals("update_display_data")
                && display.equals(m.displayId()) && !m.data("text/plain").startsWith("running"), TIMEOUT,
                "the summary of the interrupted background run");
        assertThat(end.data("text/plain")).startsWith("'idle' interrupted: ");
        assertThat(execute("1 + 1").result()).isEqualTo("2");
    }

    @Test
    void classpathListsTheKernelsClassPath() {
        Execution shown = execute("%classpath");
        assertThat(shown.status()).as(shown.toString()).isEqualTo("ok");
        assertThat(shown.ofType("display_data")).first()
                .satisfies(m -> assertThat(m.data("text/plain")).startsWith("class path (").contains("kernel-extension"));
    }

    private static WireMessage interrupt() {
        String id = client.send(Channel.CONTROL, "interrupt_request", new JsonObject());
        WireMessage reply = client.reply(Channel.CONTROL, id, TIMEOUT);
        assertThat(reply.type()).isEqualTo("interrupt_reply");
        return reply;
    }

    @Test
    void completionOffersJShellsSuggestionsWithTheRangeTheyReplace() {
        WireMessage reply = request("complete_request", "code", "int n = 1;\nTune.st", "cursor_pos", 18);
        assertThat(reply.type()).isEqualTo("complete_reply");
        assertThat(reply.string("status")).isEqualTo("ok");
        assertThat(strings(reply, "matches")).contains("study()", "studies(");
        assertThat(reply.content().get("cursor_start").getAsInt()).isEqualTo(16);
        assertThat(reply.content().get("cursor_end").getAsInt()).isEqualTo(18);

        WireMessage magic = request("complete_request", "code", "%tune sta", "cursor_pos", 9);
        assertThat(strings(magic, "matches")).contains("status").doesNotContain("run");
        assertThat(magic.content().get("cursor_start").getAsInt()).isEqualTo(6);
    }

    @Test
    void inspectionDocumentsAKnownSymbolAndFindsNothingForAnUnknownOne() {
        WireMessage reply = request("inspect_request", "code", "Tune.study()", "cursor_pos", 8, "detail_level", 0);
        assertThat(reply.type()).isEqualTo("inspect_reply");
        assertThat(reply.string("status")).isEqualTo("ok");
        assertThat(reply.content().get("found").getAsBoolean()).isTrue();
        assertThat(reply.data("text/plain")).contains("study()");

        WireMessage unknown = request("inspect_request", "code", "noSuchThing", "cursor_pos", 5, "detail_level", 0);
        assertThat(unknown.content().get("found").getAsBoolean()).isFalse();

        WireMessage magic = request("inspect_request", "code", "%tune run", "cursor_pos", 8, "detail_level", 0);
        assertThat(magic.data("text/plain")).contains("%tune run");
    }

    @Test
    void isCompleteTellsIncompleteCodeWithAnIndentFromCompleteCode() {
        WireMessage open = request("is_complete_request", "code", "for (int i = 0; i < 3; i++) {");
        assertThat(open.type()).isEqualTo("is_complete_reply");
        assertThat(open.string("status")).isEqualTo("incomplete");
        assertThat(open.string("indent")).isNotNull();
        assertThat(request("is_complete_request", "code", "int z = 3;").string("status")).isEqualTo("complete");
        assertThat(request("is_complete_request", "code", "%tune status").string("status")).isEqualTo("complete");
    }

    private static WireMessage request(String type, Object... fields) {
        JsonObject content = new JsonObject();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] instanceof Number n) {
                content.addProperty((String) fields[i], n);
            } else {
                content.addProperty((String) fields[i], (String) fields[i + 1]);
            }
        }
        String id = client.send(Channel.SHELL, type, content);
        return client.reply(Channel.SHELL, id, TIMEOUT);
    }

    private static List<String> strings(WireMessage m, String field) {
        List<String> out = new ArrayList<>();
        m.content().getAsJsonArray(field).forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
