package org.tunebook.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.plots.Renderer;

/**
 * XChart charts as PNG images, for a cell whose value is a chart: any XChart chart (the plots of
 * {@code org.tunebook.plots} and the user's own), or a list of XY charts (the panels of a contour or slice plot),
 * laid out in two columns.
 */
final class ChartImages {

    static {
        // charts never need a display; a notebook kernel usually has none
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartImages() {
    }

    static Optional<Output> render(Object value) {
        if (value instanceof XYChart chart) {
            return Optional.of(image(Renderer.png(chart), chart.getTitle(), chart.getWidth(), chart.getHeight()));
        }
        // XChart's other chart types share only this base class, which XChart keeps in its internal package
        if (value instanceof Chart<?, ?> chart) {
            try {
                byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                return Optional.of(image(png, chart.getTitle(), chart.getWidth(), chart.getHeight()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(XYChart.class::isInstance)) {
            List<XYChart> charts = new ArrayList<>();
            list.forEach(c -> charts.add((XYChart) c));
            int columns = Math.min(ChartPlotter.COLUMNS, charts.size());
            int rows = (charts.size() + columns - 1) / columns;
            int width = charts.stream().mapToInt(XYChart::getWidth).max().orElseThrow() * columns;
            int height = charts.stream().mapToInt(XYChart::getHeight).max().orElseThrow() * rows;
            return Optional.of(image(Renderer.png(charts, columns), charts.get(0).getTitle() + ", " + charts.size()
                    + " panels", width, height));
        }
        return Optional.empty();
    }

    private static Output image(byte[] png, String title, int width, int height) {
        String name = title == null || title.isBlank() ? "chart" : title;
        return Output.png(png, name + " (" + width + " x " + height + " PNG)");
    }
}
