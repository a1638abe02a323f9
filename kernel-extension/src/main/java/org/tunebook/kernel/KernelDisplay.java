package org.tunebook.kernel;

import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.tunebook.magics.Display;
import org.tunebook.magics.DisplayHandle;
import org.tunebook.magics.Output;

/** The magics' {@link Display} for one cell: display_data messages, and update_display_data for live outputs. */
final class KernelDisplay implements Display {

    private static final AtomicLong IDS = new AtomicLong();

    private final RequestChannel channel;
    private final Supplier<RequestChannel> executing;

    /**
     * A display for the cell of {@code channel}. Updates go out as replies to the request executing when they are
     * sent ({@code executing}, null while the kernel is idle), else to the cell's own request: front ends apply an
     * update to its display id whatever the parent, but some clients (nbclient) only read messages of the
     * request they are running.
     */
    KernelDisplay(RequestChannel channel, Supplier<RequestChannel> executing) {
        this.channel = channel;
        this.executing = executing;
    }

    @Override
    public void show(Output output) {
        channel.publish(new PublishDisplayData(data(output)));
    }

    @Override
    public DisplayHandle showUpdatable(Output output) {
        String id = "tunebook-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        DisplayData first = data(output);
        first.setDisplayId(id);
        channel.publish(new PublishDisplayData(first));
        return update -> {
            DisplayData next = data(update);
            next.setDisplayId(id);
            RequestChannel now = executing.get();
            (now != null ? now : channel).publish(new PublishUpdateDisplayData(next));
        };
    }

    /** An output as Jupyter display data: text/plain, and text/html or image/png when it has them. */
    static DisplayData data(Output output) {
        DisplayData data = new DisplayData(output.text());
        output.html().ifPresent(data::putHTML);
        output.png().ifPresent(png -> data.putData("image/png", Base64.getEncoder().encodeToString(png)));
        return data;
    }
}
