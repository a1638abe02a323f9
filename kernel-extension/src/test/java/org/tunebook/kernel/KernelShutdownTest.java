package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.kernel.protocol.JupyterClient;
import org.tunebook.kernel.protocol.JupyterClient.Channel;
import org.tunebook.kernel.protocol.KernelProcess;
import org.tunebook.kernel.protocol.WireMessage;

/** A shutdown request on the control channel is answered, and then the kernel process ends by itself. */
class KernelShutdownTest {

    @Test
    void aShutdownRequestIsAnsweredAndEndsTheProcess(@TempDir Path dir) throws Exception {
        try (KernelProcess kernel = KernelProcess.start(dir, KernelProcess.thisClassPath());
                JupyterClient client = kernel.connect(Duration.ofSeconds(90))) {
            // a background run still going must not keep the process alive
            assertThat(client.execute("Objective slow = t -> { Thread.sleep(200); return 1.0; };\n"
                    + "%tune new left\n%tune run left --objective slow --trials 1000 --background",
                    Duration.ofSeconds(60)).status()).isEqualTo("ok");

            JsonObject content = new JsonObject();
            content.addProperty("restart", false);
            String id = client.send(Channel.CONTROL, "shutdown_request", content);
            WireMessage reply = client.reply(Channel.CONTROL, id, Duration.ofSeconds(30));
            assertThat(reply.type()).isEqualTo("shutdown_reply");
            assertThat(reply.content().get("restart").getAsBoolean()).isFalse();

            assertThat(kernel.awaitExit(Duration.ofSeconds(30))).as("the kernel ended within 30 s; its log:\n%s",
                    kernel.log()).isTrue();
            assertThat(kernel.process().exitValue()).as(kernel.log()).isZero();
        }
    }
}
