package org.tunebook.magics;

import java.util.Set;

/**
 * Draws the charts of {@code %tune plot}. The magics know the plot kinds by name and hand each request to
 * a plotter: {@link #charts()} draws every kind as a PNG image; {@link #unavailable()} answers every request
 * with a clear message, for kernels that cannot show images.
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

    /**
     * Draws every plot kind with tunebook's plots, as a PNG image sized for a notebook cell (800 x 500 pixels
     * for one chart; plots of several panels in two columns of 440 x 330). Options: {@code width} and
     * {@code height} (pixels of one chart or panel), {@code objective} (from 0), {@code title}. Parameters name
     * the parameters to draw, in order.
     */
    static Plotter charts() {
        return new ChartPlotter();
    }

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
