package org.tunebook.kernel.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What Jupyter writes into a kernel's connection file: five TCP ports on the loopback address and the key that
 * signs every message (HMAC-SHA256).
 */
public record ConnectionFile(String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort,
        String key) {

    /** Five ports free right now (the kernel binds them a moment later, as with Jupyter) and a random key. */
    public static ConnectionFile withFreePorts() throws IOException {
        int[] ports = new int[5];
        ServerSocket[] held = new ServerSocket[5];
        try {
            // hold all five at once, so that no port is handed out twice
            for (int i = 0; i < 5; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return new ConnectionFile("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4],
                HexFormat.of().formatHex(key));
    }

    /** The ZeroMQ address of a port, e.g. {@code tcp://127.0.0.1:5555}. */
    public String address(int port) {
        return "tcp://" + ip + ":" + port;
    }

    /** Writes the file as Jupyter does. */
    public Path write(Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("transport", "tcp");
        json.addProperty("ip", ip);
        json.addProperty("shell_port", shellPort);
        json.addProperty("iopub_port", iopubPort);
        json.addProperty("stdin_port", stdinPort);
        json.addProperty("control_port", controlPort);
        json.addProperty("hb_port", hbPort);
        json.addProperty("signature_scheme", "hmac-sha256");
        json.addProperty("key", key);
        json.addProperty("kernel_name", "tunebook");
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
