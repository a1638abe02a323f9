package org.tunebook.magics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A notebook without a kernel for tests: variables in a map, a recording display, the magics. */
final class Notebook implements AutoCloseable {

    final Map<String, Object> variables = new HashMap<>();
    final TuneMagics magics;
    RecordingDisplay display = new RecordingDisplay();

    Notebook() {
        this(Plotter.unavailable());
    }

    Notebook(Plotter plotter) {
        // a long refresh period: tests refresh displays themselves instead of waiting for the timer
        magics = new TuneMagics(Variables.of(variables), plotter, Duration.ofHours(1));
    }

    /** Runs a %tune line and returns the display it wrote to. */
    RecordingDisplay line(String line) {
        display = new RecordingDisplay();
        magics.line(line, display);
        return display;
    }

    /** Runs a %%tune cell and returns the display it wrote to. */
    RecordingDisplay cell(String line, String body) {
        display = new RecordingDisplay();
        magics.cell(line, body, display);
        return display;
    }

    /** A study name no other test in this JVM uses (the memory storage is shared). */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        magics.close();
    }
}
