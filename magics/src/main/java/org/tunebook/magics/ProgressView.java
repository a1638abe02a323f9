package org.tunebook.magics;

import org.tunebook.Progress;

/** Renders a run's progress: a live line while it runs, a summary when it has ended. */
final class ProgressView {

    private ProgressView() {
    }

    /** While the run goes on: trials by state, best value, elapsed and time left, with a progress bar. */
    static Output running(String study, Progress p, boolean background) {
        String line = counts(p) + best(p) + " · " + Durations.format(p.elapsed()) + " elapsed"
                + p.remaining().map(r -> " · ~" + Durations.format(r) + " left").orElse("");
        String hint = background ? " (%tune status " + study + ", %tune stop " + study + ")" : "";
        String text = "running '" + study + "': " + line + hint;
        StringBuilder html = new StringBuilder("<div class=\"tunebook-progress\"><b>running '")
                .append(Html.escape(study)).append("'</b> ");
        if (p.planned() > 0) {
            html.append("<progress value=\"").append(Math.min(p.finished(), p.planned())).append("\" max=\"")
                    .append(p.planned()).append("\"></progress> ");
        }
        html.append(Html.escape(line));
        if (background) {
            html.append("<br><small>").append(Html.escape("in the background: %tune status " + study
                    + " · %tune stop " + study)).append("</small>");
        }
        return Output.html(html.append("</div>").toString(), text);
    }

    /**
     * When the run has ended: how it ended ({@code outcome}: done, stopped, interrupted, or why it failed), the
     * counts, the time taken and the best trial.
     */
    static Output finished(String study, Progress p, String outcome, String bestParams) {
        String line = counts(p) + " in " + Durations.format(p.elapsed()) + best(p)
                + (bestParams == null || bestParams.isEmpty() ? "" : ": " + bestParams);
        String text = "'" + study + "' " + outcome + ": " + line;
        String html = "<div class=\"tunebook-progress\"><b>'" + Html.escape(study) + "' " + Html.escape(outcome)
                + "</b>: " + Html.escape(line) + "</div>";
        return Output.html(html, text);
    }

    private static String counts(Progress p) {
        StringBuilder s = new StringBuilder().append(p.finished());
        if (p.planned() >= 0) {
            s.append('/').append(p.planned());
        }
        int count = p.planned() >= 0 ? p.planned() : p.finished();
        s.append(count == 1 ? " trial (" : " trials (").append(p.complete()).append(" complete, ")
                .append(p.pruned()).append(" pruned, ").append(p.failed()).append(" failed");
        if (p.running() > 0) {
            s.append(", ").append(p.running()).append(" running");
        }
        return s.append(')').toString();
    }

    private static String best(Progress p) {
        return p.bestValue().isPresent()
                ? " · best " + Format.number(p.bestValue().getAsDouble()) + " (#" + p.bestTrial() + ")" : "";
    }
}
