package org.tunebook.kernel.protocol;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A kernel started as Jupyter starts it: a connection file with free ports, then the kernelspec's command with
 * {@code {connection_file}} replaced, as a separate process whose output goes to a log file. {@link #close()}
 * kills it (and anything it started) if it is still running, and so does a shutdown hook of this JVM, so that
 * no kernel outlives the test or benchmark that started it.
 */
public final class KernelProcess implements AutoCloseable {

    /** The placeholder of kernelspec {@code argv}s. */
    public static final String CONNECTION_FILE = "{connection_file}";

    private final ConnectionFile connection;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private KernelProcess(ConnectionFile connection, Process process, Path log) {
        this.connection = connection;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(this::kill, "kill-kernel-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The command that starts the kernel with this JVM's class path, as the test kernelspecs do. */
    public static List<String> thisClassPath() {
        // absolute entries: the kernel runs in another folder
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry.endsWith("*") ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath()
                    + File.separator + "*" : Path.of(entry).toAbsolutePath().toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, entries), "org.tunebook.kernel.KernelMain", CONNECTION_FILE);
    }

    /** Writes a connection file into {@code dir} and starts {@code argv} with it. */
    public static KernelProcess start(Path dir, List<String> argv) throws IOException {
        Files.createDirectories(dir);
        ConnectionFile connection = ConnectionFile.withFreePorts();
        Path file = connection.write(Files.createTempFile(dir, "kernel-", ".json"));
        List<String> command = new ArrayList<>();
        for (String arg : argv) {
            command.add(arg.replace(CONNECTION_FILE, file.toString()));
        }
        Path log = Files.createTempFile(dir, "kernel-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new KernelProcess(connection, process, log);
    }

    /**
     * A client connected to this kernel once it answers requests and publishes on IOPub.
     *
     * @throws AssertionError with the kernel's log when it does not get there in time, or ends before
     */
    public JupyterClient connect(Duration timeout) {
        JupyterClient client = new JupyterClient(connection);
        try {
            client.awaitReady(timeout, process::isAlive);
            return client;
        } catch (AssertionError e) {
            client.close();
            throw new AssertionError(e.getMessage() + "; the kernel's log:\n" + log(), e);
        }
    }

    public ConnectionFile connection() {
        return connection;
    }

    public Process process() {
        return process;
    }

    /** Waits for the process to end by itself; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the kernel printed so far (its log), for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the kernel's log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the kernel if it still runs, and waits until it is gone. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // this JVM is shutting down; the hook runs anyway
        }
    }
}
