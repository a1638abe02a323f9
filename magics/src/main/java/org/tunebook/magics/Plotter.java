package org.tunebook.magics;

import java.util.Set;

/**
 * Draws the charts of {@code %tune plot}. The magics know the plot kinds by name and hand each request to
 * a plotter; {@link #unavailable()} stands in until a build has charts, and answers every request with a
 * clear message.
 */
public interface Plotter {

    /** The kinds this plotter can draw now, such as {@code history} or {@code importance}. */
    Set<String> kinds();

    /**
     * Draws one chart.
     *
     * @throws MagicException (or IllegalArgumentException) with a message for the user when the request cannot
     *     be drawn, say a parameter the study does not have
     */
    Output plot(PlotRequest request);

    /** A plotter with no charts: every request gets "plots are not available yet". */
    static Plotter unavailable() {
        return new Plotter() {
            @Override
            public Set<String> kinds() {
                return Set.of();
            }

            @Override
            public Output plot(PlotRequest request) {
                throw new MagicException("plots are not available yet in this build of tunebook; "
                        + "%tune trials " + request.study().name() + " shows the trials as a table meanwhile");
            }
        };
    }
}
