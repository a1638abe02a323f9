package org.tunebook.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A display that records what was shown, and every update of every updatable output. */
final class RecordingDisplay implements Display {

    final List<Output> shown = new CopyOnWriteArrayList<>();
    final List<Handle> handles = new CopyOnWriteArrayList<>();

    /** An updatable output and its history. */
    static final class Handle implements DisplayHandle {
        final List<Output> versions = new CopyOnWriteArrayList<>();

        @Override
        public void update(Output output) {
            versions.add(output);
        }

        Output latest() {
            return versions.get(versions.size() - 1);
        }
    }

    @Override
    public void show(Output output) {
        shown.add(output);
    }

    @Override
    public DisplayHandle showUpdatable(Output output) {
        Handle h = new Handle();
        h.versions.add(output);
        handles.add(h);
        shown.add(output);
        return h;
    }

    /** The text of the last output shown once. */
    String lastText() {
        return shown.get(shown.size() - 1).text();
    }

    /** Every text shown, joined. */
    String allText() {
        List<String> texts = new ArrayList<>();
        shown.forEach(o -> texts.add(o.text()));
        return String.join("\n", texts);
    }
}
