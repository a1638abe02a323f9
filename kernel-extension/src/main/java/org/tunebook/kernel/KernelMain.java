package org.tunebook.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel: {@code java -cp <tunebook-kernel.jar and its lib/*> org.tunebook.kernel.KernelMain
 * CONNECTION_FILE}, as the kernelspec's {@code argv} does. Launch with {@code -cp} (not a jar manifest), since
 * JShell's compiler sees only {@code java.class.path}.
 */
public final class KernelMain {

    private KernelMain() {
    }

    /** Connects to Jupyter with the given connection file and serves until a shutdown request. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp … org.tunebook.kernel.KernelMain CONNECTION_FILE");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new PromptConnection(properties);
        TunebookKernel kernel = new KernelBuilder().build();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // the kernel's daemon threads (timers, runs) must not keep the process alive
        System.exit(0);
    }
}
