package org.tunebook.kernel;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Runs a kernel once, without Jupyter, through typical cells, and exits. {@code install/install-kernel.sh} runs it
 * with {@code -XX:ArchiveClassesAtExit=FILE} to record the classes a kernel loads (JShell's compiler above all)
 * in a class-data archive, which the kernelspec then maps at start ({@code -XX:SharedArchiveFile=FILE}), so that
 * a kernel starts faster. Start it as the kernel is started: {@code java -cp … org.tunebook.kernel.KernelTraining}.
 */
public final class KernelTraining {

    private KernelTraining() {
    }

    /** Starts a kernel on free loopback ports, evaluates the training cells, and exits. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path dir = Files.createTempDirectory("tunebook-training");
        Path db = dir.resolve("training.db");
        JupyterConnection connection = new PromptConnection(KernelConnectionProperties.parse(connectionJson()));
        TunebookKernel kernel = new KernelBuilder().build();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        for (String cell : cells(db)) {
            try {
                kernel.eval(cell);
            } catch (RuntimeException e) {
                // failing cells are part of the training; what fails is printed, to tell a broken cell
                System.err.println(String.join("\n", kernel.formatError(e)));
            }
        }
        kernel.complete("Tune.st", 7);
        kernel.inspect("Tune.study()", 8, false);
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        connection.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        System.exit(0);
    }

    private static List<String> cells(Path db) {
        return List.of(
                "1 + 1",
                "int x = 3;\nString s = \"a\" + x;\ns.length()",
                "double bowl(Trial t) { double x = t.suggestFloat(\"x\", -5, 5); return x * x; }",
                "Objective obj = t -> t.suggestFloat(\"y\", 0, 1) + t.suggestInt(\"n\", 1, 3);",
                "%tune new training --storage sqlite:" + db + " --sampler tpe --seed 1",
                "%tune run training --objective obj --trials 20",
                "%tune status training",
                "%tune best training",
                "%tune trials training --top 5",
                "%tune plot history training",
                "%%tune space sp\nlr: float 1e-5..1e-1 log\nlayers: int 1..4",
                "Study st = Tune.study().direction(Direction.MINIMIZE).create();\n"
                        + "st.optimize(t -> bowl(t), Run.trials(10));\nst.bestValue()",
                "undefinedThing + 1",
                "throw new IllegalStateException(\"training\");");
    }

    private static String connectionJson() throws Exception {
        StringBuilder ports = new StringBuilder();
        ServerSocket[] held = new ServerSocket[5];
        String[] names = {"shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"};
        try {
            for (int i = 0; i < held.length; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports.append('"').append(names[i]).append("\": ").append(held[i].getLocalPort()).append(", ");
            }
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return "{" + ports + "\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"signature_scheme\": \"hmac-sha256\","
                + " \"key\": \"" + UUID.randomUUID() + "\"}";
    }
}
