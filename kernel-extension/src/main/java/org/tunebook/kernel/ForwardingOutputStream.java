package org.tunebook.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Collects what the user's code prints and hands it on as text at each flush (println flushes). */
final class ForwardingOutputStream extends OutputStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Consumer<String> sink;

    ForwardingOutputStream(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() > 0) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            sink.accept(text);
        }
    }
}
