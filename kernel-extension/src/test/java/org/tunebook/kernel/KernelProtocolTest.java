package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel over the Jupyter protocol, driven by jupyter_client (src/test/resources/protocol_check.py):
 * display updates after the cell finished, interrupt of a running cell, shutdown ending the process.
 */
class KernelProtocolTest {

    @Test
    void backgroundUpdatesInterruptsAndShutdownWork(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("protocol_check.py");
        try (InputStream in = KernelProtocolTest.class.getResourceAsStream("/protocol_check.py")) {
            Files.copy(in, script);
        }
        JupyterHarness jupyter = new JupyterHarness(dir);
        JupyterHarness.Result result = jupyter.run(dir, 300, JupyterHarness.PYTHON.toString(), script.toString());
        assertThat(result.output()).contains("display updated", "ending with: 'bg' done: 15/15 trials",
                "interrupt stopped a sleeping cell", "the kernel still works after the interrupt",
                "an interrupt while no cell ran ended the background run: 'idle' interrupted: ", "%classpath lists class path (",
                "shutdown request ended the kernel process", "PROTOCOL OK");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
