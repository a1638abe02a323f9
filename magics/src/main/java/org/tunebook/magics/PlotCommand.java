package org.tunebook.magics;

import java.util.List;
import java.util.Set;

/** {@code %tune plot KIND NAME [PARAM…]}: draws a chart of a study through the notebook's {@link Plotter}. */
final class PlotCommand implements Command {

    /** Every plot kind the magics know, in the order help lists them. */
    static final List<String> KINDS = List.of("history", "importance", "contour", "parallel", "slice", "edf",
            "intermediate", "pareto", "timeline", "rank");

    private static final CommandSpec SPEC = CommandSpec.line("plot", "draw a chart of a study")
            .positional("KIND", String.join(", ", KINDS))
            .positional("NAME", "the study (a running one too)")
            .repeatedPositional("PARAM", "parameters to draw, e.g. the two axes of a contour plot")
            .openOptions()
            .note("Other --options (such as --width 800) are handed to the chart.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(Args args, String body, Session session, Display display) {
        String kind = args.positional(0);
        if (!KINDS.contains(kind)) {
            String hint = Names.closest(kind, KINDS).map(k -> " (did you mean " + k + "?)").orElse("");
            throw args.error("unknown plot kind '" + kind + "'" + hint + "; kinds: " + String.join(", ", KINDS));
        }
        NotebookStudy nb = session.study(args.positional(1));
        Plotter plotter = session.plotter();
        Set<String> available = plotter.kinds();
        if (!available.isEmpty() && !available.contains(kind)) {
            throw new MagicException("the " + kind + " plot is not available yet; available now: "
                    + String.join(", ", KINDS.stream().filter(available::contains).toList()));
        }
        PlotRequest request = new PlotRequest(kind, nb.study(), args.positionalsFrom(2), args.extraOptions());
        display.show(plotter.plot(request));
    }
}
