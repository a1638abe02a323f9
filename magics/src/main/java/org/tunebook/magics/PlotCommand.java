package org.tunebook.magics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

/**
 * {@code %tune plot KIND NAME [PARAM…] [--width PX] [--height PX] [--objective N] [--title TEXT]}: draws a chart
 * of a study, a running one too, through the notebook's {@link Plotter}. What cannot be drawn (a study without
 * trials, a parameter the study does not have) is said in one line with the usage line, before any drawing.
 */
final class PlotCommand implements Command {

    /** Every plot kind the magics know, in the order help lists them. */
    static final List<String> KINDS = List.of("history", "importance", "contour", "parallel", "slice", "edf",
            "intermediate", "pareto", "timeline", "rank");

    /** Kinds that show trials still running or cut short, so that a study without completed trials has a plot. */
    private static final Set<String> WITHOUT_COMPLETE = Set.of("timeline", "intermediate");

    /** Kinds drawn over pairs of parameters. */
    private static final Set<String> PAIRS = Set.of("contour", "rank");

    private static final List<String> OPTIONS = List.of("width", "height", "objective", "title");

    private static final CommandSpec SPEC = CommandSpec.line("plot", "draw a chart of a study")
            .positional("KIND", String.join(", ", KINDS))
            .positional("NAME", "the study (a running one too: it is drawn as it is now)")
            .repeatedPositional("PARAM", "parameters to draw, in order (default: all), e.g. the axes of a contour")
            .option("width", "PX", "width of the chart, or of each panel, in pixels (default 800, panels 440)")
            .option("height", "PX", "height of the chart, or of each panel, in pixels (default 500, panels 330)")
            .option("objective", "N", "which objective of a multi-objective study to draw, from 0")
            .option("title", "TEXT", "a title instead of the plot's own")
            .note("Example: %tune plot contour rf lr layers --width 600");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String kind = args.positional(0);
        if (!KINDS.contains(kind)) {
            String hint = KINDS.stream().filter(k -> kind != null && !kind.isEmpty() && k.startsWith(kind)).findFirst()
                    .or(() -> Names.closest(kind, KINDS)).map(k -> " (did you mean " + k + "?)").orElse("");
            throw args.error("unknown plot kind '" + kind + "'" + hint + "; kinds: " + String.join(", ", KINDS));
        }
        NotebookStudy nb = session.study(args.positional(1));
        Plotter plotter = session.plotter();
        Set<String> available = plotter.kinds();
        if (!available.isEmpty() && !available.contains(kind)) {
            throw new MagicException("the " + kind + " plot is not available yet; available now: "
                    + String.join(", ", KINDS.stream().filter(available::contains).toList()));
        }
        Study study = nb.study();
        List<String> params = args.positionalsFrom(2);
        Map<String, String> options = new LinkedHashMap<>();
        OPTIONS.forEach(name -> args.option(name).ifPresent(value -> options.put(name, value)));
        if (!available.isEmpty()) {
            checkDrawable(args, kind, study, params);
        }
        PlotRequest request = new PlotRequest(kind, study, params, options);
        Output chart;
        try {
            chart = plotter.plot(request);
        } catch (IllegalArgumentException e) {
            throw args.error(e.getMessage());
        }
        display.show(chart);
    }

    /** Says in one line why a plot cannot be drawn: no trials, no completed trials, unknown parameters. */
    private static void checkDrawable(Args args, String kind, Study study, List<String> params) {
        List<FrozenTrial> trials = study.trials();
        String name = study.name();
        if (trials.isEmpty()) {
            throw args.error("study '" + name + "' has no trials yet, so there is nothing to plot; run some first:"
                    + " %tune run " + name + " --objective VAR");
        }
        boolean anyComplete = trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE);
        if (!anyComplete && !WITHOUT_COMPLETE.contains(kind)) {
            throw args.error("study '" + name + "' has no completed trials yet: " + new StateCounts(trials)
                    + "; the " + kind + " plot draws completed trials (the timeline shows every trial)");
        }
        if (kind.equals("pareto") && !study.isMultiObjective()) {
            throw args.error("the pareto plot needs a study with several objectives; '" + name
                    + "' has one (try %tune plot history " + name + ")");
        }
        Set<String> known = new LinkedHashSet<>();
        trials.forEach(t -> known.addAll(t.params().keySet()));
        for (String param : params) {
            if (!known.contains(param)) {
                String hint = Names.closest(param, known).map(p -> " (did you mean " + p + "?)").orElse("");
                throw args.error("study '" + name + "' has no parameter '" + param + "'" + hint + "; its parameters: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        if (PAIRS.contains(kind) && params.size() == 1) {
            throw args.error("the " + kind + " plot draws pairs of parameters: name two or more, or none for every"
                    + " pair");
        }
    }
}
