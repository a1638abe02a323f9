package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.kernel.protocol.KernelProcess;

/**
 * The training run install-kernel.sh records the class-data archive with: its cells must keep working as the
 * API changes, or the archive silently misses what a real kernel loads.
 */
class KernelTrainingTest {

    @Test
    void theTrainingRunEvaluatesItsCellsAndExits(@TempDir Path dir) throws Exception {
        List<String> java = KernelProcess.thisClassPath();
        Path log = dir.resolve("training.log");
        Process p = new ProcessBuilder(java.get(0), java.get(1), java.get(2), "org.tunebook.kernel.KernelTraining")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the training run ended").isTrue();
            String output = Files.readString(log);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("'training' done: 20/20 trials", "best of 'training'", "space 'sp'",
                    "line 1: cannot find symbol", "java.lang.IllegalStateException: training");
        } finally {
            p.destroyForcibly();
        }
    }
}
