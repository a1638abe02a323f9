package org.tunebook.plots;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/** Writes charts to target/gallery so that a person can look at them after the tests. */
final class Gallery {

    private static final Path DIR = Path.of("target", "gallery");

    private Gallery() {
    }

    static void save(String name, XYChart chart) {
        Renderer.write(chart, DIR.resolve(name + ".png"));
    }

    static void save(String name, List<XYChart> charts, int columns) {
        Renderer.write(charts, columns, DIR.resolve(name + ".png"));
    }
}
