package org.tunebook.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tunebook.Callback;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * Prints one line per finished trial. It is a run {@link Callback}, registered before the run starts, so it
 * sees every trial; workers call it concurrently, so lines are written under a lock.
 */
final class TrialPrinter implements Callback {

    private final PrintWriter out;

    TrialPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        String line = String.format(Locale.ROOT, "trial %3d %-8s %s", trial.number(), trial.state(), outcome(trial));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String outcome(FrozenTrial trial) {
        if (trial.state() == TrialState.FAIL) {
            return trial.failReason().orElse("failed");
        }
        String value = trial.hasValue() ? String.format(Locale.ROOT, "%.4f", trial.values()[0]) : "-";
        if (trial.state() == TrialState.PRUNED) {
            return "at epoch " + trial.lastStep().map(String::valueOf).orElse("?") + ", accuracy " + value;
        }
        return "accuracy " + value + "  " + Formats.params(trial.params());
    }
}
