package org.tunebook.kernel;

import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The library's Jupyter connection with {@link PromptShellChannel}s in place of its shell and control channels
 * (whose sockets are never bound): requests are seen as soon as they arrive instead of up to 50 ms later.
 */
final class PromptConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final PromptShellChannel promptShell;
    private final PromptShellChannel promptControl;
    private boolean connected;

    PromptConnection(KernelConnectionProperties properties) throws GeneralSecurityException {
        super(properties);
        this.properties = properties;
        this.promptShell = new PromptShellChannel(context, properties.createHMACGenerator(), false, this);
        this.promptControl = new PromptShellChannel(context, properties.createHMACGenerator(), true, this);
    }

    /** Binds every channel, as the library does, and announces the kernel as starting. */
    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        promptShell.bind(properties);
        promptControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        promptShell.close();
        promptControl.close();
        context.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        promptShell.waitUntilClose();
        promptControl.waitUntilClose();
        super.waitUntilClose();
    }
}
