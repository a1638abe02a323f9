package org.tunebook.magics;

import java.util.List;
import java.util.stream.Collectors;
import org.tunebook.Space;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** Renders a search space: one row per parameter with its type, range and scale. */
final class SpaceView {

    private SpaceView() {
    }

    static Output of(String name, Space space) {
        Table table = new Table(List.of("parameter", "type", "values", "scale"));
        space.distributions().forEach((param, d) -> table.row(List.of(param, type(d), values(d), scale(d))));
        return table.output("space '" + name + "': " + Format.count(space.size(), "parameter"));
    }

    private static String type(Distribution d) {
        if (d instanceof FloatDistribution) {
            return "float";
        }
        return d instanceof IntDistribution ? "int" : "choice";
    }

    private static String values(Distribution d) {
        if (d instanceof FloatDistribution f) {
            return Format.number(f.low()) + " .. " + Format.number(f.high());
        }
        if (d instanceof IntDistribution i) {
            return i.low() + " .. " + i.high();
        }
        return ((CategoricalDistribution) d).choices().stream().map(Format::cell).collect(Collectors.joining(", "));
    }

    private static String scale(Distribution d) {
        if (d instanceof FloatDistribution f) {
            return f.log() ? "log" : f.step() != null ? "step " + Format.number(f.step()) : "linear";
        }
        if (d instanceof IntDistribution i) {
            return i.log() ? "log" : i.step() != 1 ? "step " + i.step() : "linear";
        }
        return "";
    }
}
