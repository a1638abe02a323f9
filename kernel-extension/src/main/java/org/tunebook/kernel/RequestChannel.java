package org.tunebook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * Publishes on the IOPub socket as replies to one execute request (its header becomes their parent header),
 * for as long as needed: a background run keeps updating the cell that started it after the cell has finished,
 * which the library's own display stream would drop.
 */
final class RequestChannel {

    private final JupyterSocket iopub;
    private final MessageContext request;
    private final Publisher publisher;

    RequestChannel(JupyterSocket iopub, MessageContext request, Publisher publisher) {
        this.iopub = iopub;
        this.request = request;
        this.publisher = publisher;
    }

    /** Publishes a message's content (on the publisher's thread; the socket's send is synchronized). */
    <T extends ContentType<T>> void publish(T content) {
        publisher.post(() -> iopub.sendMessage(new Message<>(request, content.getType(), content)));
    }
}
