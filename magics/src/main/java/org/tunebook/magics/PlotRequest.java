package org.tunebook.magics;

import java.util.List;
import java.util.Map;
import org.tunebook.Study;

/**
 * What {@code %tune plot KIND NAME [PARAM…] [--option value…]} asks a {@link Plotter} for.
 *
 * @param kind the plot kind, e.g. {@code history}, {@code contour}
 * @param study the study to draw
 * @param params the parameter names given after the study's name (e.g. the two axes of a contour plot), in order
 * @param options the other options, by name without the dashes (e.g. {@code width → 800})
 */
public record PlotRequest(String kind, Study study, List<String> params, Map<String, String> options) {

    /** Copies the lists so that the request is immutable. */
    public PlotRequest {
        params = List.copyOf(params);
        options = Map.copyOf(options);
    }
}
