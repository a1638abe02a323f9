package org.tunebook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits on its socket. The library's {@code ShellChannel} polls without waiting
 * and then sleeps 50 ms, after every poll, even one that found a request; so a request waited up to 50 ms before
 * the kernel saw it, and back-to-back requests (a client running cells one after the other) waited the full
 * 50 ms each. This channel blocks in the poll instead: it sees a request at once and does not spin while idle.
 * Requests are handled as the library's channel handles them, one at a time on the channel's own thread.
 */
final class PromptShellChannel extends ShellChannel {

    private static final System.Logger LOG = System.getLogger(PromptShellChannel.class.getName());
    /** How long one poll waits; a closed channel's thread ends within it. */
    private static final int POLL_MILLIS = 100;

    private final JupyterConnection connection;
    private final boolean control;
    private volatile boolean running;
    private volatile Thread thread;

    PromptShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection, 0);
        this.connection = connection;
        this.control = control;
    }

    @Override
    public synchronized void bind(KernelConnectionProperties properties) {
        if (thread != null) {
            throw new IllegalStateException((control ? "control" : "shell") + " channel already bound");
        }
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> serve(poller), control ? "tunebook-control" : "tunebook-shell");
        thread = t;
        t.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            if (poller.poll(POLL_MILLIS) > 0 && running) {
                handle(readMessage());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.log(System.Logger.Level.WARNING, "unhandled message: " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to handle " + message.getHeader().getType().getName(), e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** Stops the channel's thread (waiting for it unless it is the caller) and closes the socket. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        while (t != null && t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
