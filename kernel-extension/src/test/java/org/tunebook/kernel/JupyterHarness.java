package org.tunebook.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Jupyter ({@code /usr/bin/jupyter}, {@code /usr/bin/python3}) against this kernel: writes a
 * kernelspec launching the kernel with the test JVM's class path into a private {@code JUPYTER_PATH}.
 */
final class JupyterHarness {

    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path jupyterPath;

    JupyterHarness(Path dir) throws IOException {
        if (!Files.isExecutable(JUPYTER)) {
            throw new IllegalStateException("these tests need Debian's Jupyter: apt-get install jupyter-client"
                    + " python3-nbclient jupyter-nbconvert (install/test.sh does)");
        }
        this.jupyterPath = dir.resolve("jupyter");
        Path spec = jupyterPath.resolve("kernels").resolve("tunebook");
        Files.createDirectories(spec);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String json = "{\n  \"argv\": [" + quote(java) + ", \"-cp\", " + quote(System.getProperty("java.class.path"))
                + ", \"org.tunebook.kernel.KernelMain\", \"{connection_file}\"],\n"
                + "  \"display_name\": \"Java (tunebook)\",\n  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\"\n}\n";
        Files.writeString(spec.resolve("kernel.json"), json, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Runs a command with this harness's JUPYTER_PATH; returns its exit code and output. */
    Result run(Path workDir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Path log = Files.createTempFile(workDir, "jupyter", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("'" + String.join(" ", command) + "' took longer than " + timeoutSeconds
                        + "s; output:\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            // never leave Jupyter or a kernel behind
            List<ProcessHandle> children = new ArrayList<>(p.descendants().toList());
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** A finished command. */
    record Result(int exitCode, String output) {
    }
}
