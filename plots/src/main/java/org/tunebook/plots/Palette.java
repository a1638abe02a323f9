package org.tunebook.plots;

import java.awt.Color;
import java.util.Map;
import org.tunebook.TrialState;

/** The plots' colors: one per trial state, a series cycle, and a sequential scale from dark (best) to light. */
final class Palette {

    static final Color COMPLETE = new Color(31, 119, 180);
    static final Color PRUNED = new Color(255, 127, 14);
    static final Color FAIL = new Color(214, 39, 40);
    static final Color RUNNING = new Color(44, 160, 44);
    static final Color WAITING = new Color(127, 127, 127);
    static final Color BEST = new Color(214, 39, 40);
    static final Color AXIS = new Color(60, 60, 60);

    private static final Map<TrialState, Color> STATES = Map.of(TrialState.COMPLETE, COMPLETE,
            TrialState.PRUNED, PRUNED, TrialState.FAIL, FAIL, TrialState.RUNNING, RUNNING,
            TrialState.WAITING, WAITING);

    /** Distinct colors for series such as studies or objectives (colorblind-friendly where possible). */
    static final Color[] SERIES = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207),
        new Color(188, 189, 34)};

    /** Anchors of the sequential scale, from best (dark purple-blue) to worst (light yellow), like viridis. */
    private static final Color[] SCALE = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};

    private Palette() {
    }

    static Color of(TrialState state) {
        return STATES.get(state);
    }

    static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** The scale's color at {@code t} in [0, 1]: 0 is the best end, 1 the worst. */
    static Color scale(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 1 : t)) * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) Math.floor(x));
        double f = x - i;
        Color a = SCALE[i];
        Color b = SCALE[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    static Color transparent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
