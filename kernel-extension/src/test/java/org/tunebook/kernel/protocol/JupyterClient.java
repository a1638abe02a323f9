package org.tunebook.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A small Jupyter client over jeromq, speaking the wire protocol (version 5.3) to one kernel: requests on the
 * shell and control channels, IOPub messages, the heartbeat. Every message it sends is signed with the
 * connection key, and every message it receives must carry a valid signature. Not thread-safe: one test thread
 * drives it. Messages that arrive while the client waits for another one are kept, in order, for later calls.
 */
public final class JupyterClient implements AutoCloseable {

    /** The channels a client sends requests on or reads messages from. */
    public enum Channel { SHELL, CONTROL, IOPUB }

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final ZContext context = new ZContext();
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final Map<Channel, Deque<WireMessage>> backlog = new EnumMap<>(Channel.class);
    private final ConnectionFile connection;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();
    private ZMQ.Socket heartbeat;

    /** Connects to the kernel's channels (ZeroMQ connects lazily: the kernel may bind them later). */
    public JupyterClient(ConnectionFile connection) {
        this.connection = connection;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(connection.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e, e);
        }
        sockets.put(Channel.SHELL, socket(SocketType.DEALER, connection.shellPort()));
        sockets.put(Channel.CONTROL, socket(SocketType.DEALER, connection.controlPort()));
        ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
        iopub.setLinger(0);
        iopub.subscribe(new byte[0]);
        iopub.connect(connection.address(connection.iopubPort()));
        sockets.put(Channel.IOPUB, iopub);
        for (Channel c : Channel.values()) {
            backlog.put(c, new ArrayDeque<>());
        }
        heartbeat = socket(SocketType.REQ, connection.hbPort());
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        s.connect(connection.address(port));
        return s;
    }

    /**
     * Waits until the kernel answers a {@code kernel_info_request} and IOPub delivers its messages: a SUB socket
     * misses what is published before its subscription reaches the kernel, so the request is repeated until the
     * kernel's status messages come through.
     *
     * @param running whether the kernel process still runs: a kernel that died is not waited for
     * @return the kernel_info_reply
     */
    public WireMessage awaitReady(Duration timeout, BooleanSupplier running) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> sent = new HashSet<>();
        WireMessage reply = null;
        while (System.nanoTime() < deadline && running.getAsBoolean()) {
            String id = send(Channel.SHELL, "kernel_info_request", new JsonObject());
            sent.add(id);
            WireMessage r = poll(Channel.SHELL, m -> sent.contains(m.parentId()), Duration.ofSeconds(1));
            reply = r != null ? r : reply;
            if (reply != null && poll(Channel.IOPUB, m -> sent.contains(m.parentId()), Duration.ofMillis(500)) != null) {
                // drop what the repeated requests left behind
                backlog.get(Channel.SHELL).removeIf(m -> sent.contains(m.parentId()));
                backlog.get(Channel.IOPUB).removeIf(m -> sent.contains(m.parentId()));
                return reply;
            }
        }
        String why = !running.getAsBoolean() ? "the kernel process ended"
                : reply == null ? "the kernel did not answer kernel_info_request within " + timeout
                : "the kernel answered kernel_info_request but IOPub delivered nothing within " + timeout;
        throw new AssertionError(why);
    }

    /** Sends a request; returns its {@code msg_id}. */
    public String send(Channel channel, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "tunebook-test");
        header.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] parts = {bytes(header.toString()), bytes("{}"), bytes("{}"), bytes(content.toString())};
        ZMQ.Socket s = sockets.get(channel);
        s.sendMore(DELIMITER);
        s.sendMore(sign(parts));
        s.sendMore(parts[0]);
        s.sendMore(parts[1]);
        s.sendMore(parts[2]);
        s.send(parts[3]);
        return id;
    }

    /** Sends an {@code execute_request} for {@code code}; returns its {@code msg_id}. */
    public String sendExecute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return send(Channel.SHELL, "execute_request", content);
    }

    /** Runs code: its execute_reply and its IOPub messages up to and including {@code status: idle}. */
    public Execution execute(String code, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String id = sendExecute(code);
        List<WireMessage> iopub = iopubUntilIdle(id, remaining(deadline));
        return new Execution(id, reply(Channel.SHELL, id, remaining(deadline)), iopub);
    }

    /** The IOPub messages of one request, up to and including its {@code status: idle}. */
    public List<WireMessage> iopubUntilIdle(String requestId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<WireMessage> messages = new ArrayList<>();
        while (true) {
            WireMessage m = next(Channel.IOPUB, x -> requestId.equals(x.parentId()), remaining(deadline),
                    "the IOPub messages of request " + requestId + " up to status idle (so far " + messages + ")");
            messages.add(m);
            if (m.isStatus("idle")) {
                return messages;
            }
        }
    }

    /** The reply to a request on the shell or control channel. */
    public WireMessage reply(Channel channel, String requestId, Duration timeout) {
        return next(channel, m -> requestId.equals(m.parentId()), timeout, "the reply to request " + requestId);
    }

    /** The next message of a channel that matches, or an AssertionError naming what was awaited. */
    public WireMessage next(Channel channel, Predicate<WireMessage> wanted, Duration timeout, String what) {
        WireMessage m = poll(channel, wanted, timeout);
        if (m == null) {
            throw new AssertionError("no " + what + " on " + channel + " within " + timeout);
        }
        return m;
    }

    /** The next message of a channel that matches, or null after the timeout; others are kept for later. */
    public WireMessage poll(Channel channel, Predicate<WireMessage> wanted, Duration timeout) {
        Deque<WireMessage> kept = backlog.get(channel);
        for (Iterator<WireMessage> it = kept.iterator(); it.hasNext(); ) {
            WireMessage m = it.next();
            if (wanted.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            WireMessage m = receive(channel, remaining(deadline));
            if (m == null) {
                return null;
            }
            if (wanted.test(m)) {
                return m;
            }
            kept.addLast(m);
        }
    }

    /** Sends a heartbeat and waits for its echo. */
    public boolean heartbeat(Duration timeout) {
        byte[] ping = bytes("ping " + UUID.randomUUID());
        heartbeat.send(ping);
        heartbeat.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
        byte[] echo = heartbeat.recv();
        if (echo == null) {
            // a REQ socket without its reply cannot send again: start over
            heartbeat.close();
            heartbeat = socket(SocketType.REQ, connection.hbPort());
            return false;
        }
        return MessageDigest.isEqual(ping, echo);
    }

    private WireMessage receive(Channel channel, Duration timeout) {
        ZMQ.Socket s = sockets.get(channel);
        s.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
        byte[] first = s.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (s.hasReceiveMore()) {
            frames.add(s.recv());
        }
        return parse(channel, frames);
    }

    private WireMessage parse(Channel channel, List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !MessageDigest.isEqual(frames.get(d), DELIMITER)) {
            d++;
        }
        if (frames.size() < d + 6) {
            throw new AssertionError("a message on " + channel + " lacks the <IDS|MSG> delimiter or one of"
                    + " signature, header, parent header, metadata and content: " + frames.size() + " frames");
        }
        byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        if (!signature.equals(sign(parts))) {
            throw new AssertionError("a message on " + channel + " has a bad signature: " + signature
                    + " for header " + new String(parts[0], StandardCharsets.UTF_8));
        }
        return new WireMessage(channel.name().toLowerCase(java.util.Locale.ROOT), json(parts[0]), json(parts[1]),
                json(parts[2]), json(parts[3]));
    }

    private String sign(byte[][] parts) {
        for (byte[] p : parts) {
            mac.update(p);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static JsonObject json(byte[] bytes) {
        return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public void close() {
        context.close();
    }
}
