package org.tunebook.plots;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Turns charts into PNG or SVG bytes, or files, on machines without a display. Several charts (the panels
 * of a slice or contour plot) are laid out in a grid of {@code columns} columns.
 *
 * <pre>{@code
 * byte[] png = Renderer.png(OptimizationHistoryPlot.chart(study));
 * Renderer.write(ContourPlot.charts(study), 2, Path.of("contour.svg"));
 * }</pre>
 *
 * <p>The SVG carries the chart's title, axis titles and series names as {@code <title>} and
 * {@code <desc>} elements: XChart draws text as outlines, so this is how screen readers and searches find it.
 */
public final class Renderer {

    static {
        ensureHeadless();
    }

    private Renderer() {
    }

    /** Asks AWT for headless mode unless the JVM was told otherwise; charts never need a display. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The chart as a PNG image of the chart's size. */
    public static byte[] png(XYChart chart) {
        return png(List.of(chart), 1);
    }

    /** Charts laid out in a grid, as one PNG image. */
    public static byte[] png(List<XYChart> charts, int columns) {
        Grid grid = Grid.of(charts, columns);
        BufferedImage image = new BufferedImage(grid.width(), grid.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.width(), grid.height());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            grid.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG document of the chart's size. */
    public static byte[] svg(XYChart chart) {
        return svg(List.of(chart), 1);
    }

    /** Charts laid out in a grid, as one SVG document. */
    public static byte[] svg(List<XYChart> charts, int columns) {
        Grid grid = Grid.of(charts, columns);
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.width(), grid.height());
        grid.paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, grid.width(), grid.height()))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return describe(out.toString(StandardCharsets.UTF_8), charts).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the chart to a file, as SVG if its name ends in {@code .svg}, else as PNG.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(XYChart chart, Path file) {
        return write(List.of(chart), 1, file);
    }

    /** Writes charts laid out in a grid to one file, SVG or PNG by the file's extension. */
    public static Path write(List<XYChart> charts, int columns, Path file) {
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        byte[] bytes = svg ? svg(charts, columns) : png(charts, columns);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code <title>} and {@code <desc>} right after the opening {@code <svg>} tag. */
    static String describe(String svg, List<XYChart> charts) {
        Set<String> titles = new LinkedHashSet<>();
        StringBuilder desc = new StringBuilder();
        for (XYChart chart : charts) {
            titles.add(chart.getTitle());
            desc.append(chart.getTitle()).append(". x axis: ").append(chart.getXAxisTitle())
                    .append(". y axis: ").append(chart.getYAxisTitle()).append('.');
            StringBuilder series = new StringBuilder();
            for (XYSeries s : chart.getSeriesMap().values()) {
                if (s.isShowInLegend() && !s.getName().isBlank()) {
                    series.append(series.length() == 0 ? "" : "; ").append(s.getName());
                }
            }
            if (series.length() > 0) {
                desc.append(" Series: ").append(series).append('.');
            }
            desc.append('\n');
        }
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        String meta = "\n  <title>" + xml(String.join(" | ", titles)) + "</title>\n  <desc>" + xml(desc.toString().trim())
                + "</desc>";
        return svg.substring(0, end + 1) + meta + svg.substring(end + 1);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Charts placed row by row, each at its own size, in cells as large as the largest chart. */
    private record Grid(List<XYChart> charts, int columns, int cellWidth, int cellHeight) {

        static Grid of(List<XYChart> charts, int columns) {
            if (charts == null || charts.isEmpty()) {
                throw new IllegalArgumentException("nothing to render: no charts");
            }
            if (columns < 1) {
                throw new IllegalArgumentException("a grid needs at least one column, got " + columns);
            }
            int w = charts.stream().mapToInt(XYChart::getWidth).max().orElseThrow();
            int h = charts.stream().mapToInt(XYChart::getHeight).max().orElseThrow();
            return new Grid(List.copyOf(charts), Math.min(columns, charts.size()), w, h);
        }

        int width() {
            return columns * cellWidth;
        }

        int height() {
            return (charts.size() + columns - 1) / columns * cellHeight;
        }

        void paint(Graphics2D g) {
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D cell = (Graphics2D) g.create();
                try {
                    cell.translate(i % columns * cellWidth, i / columns * cellHeight);
                    XYChart chart = charts.get(i);
                    cell.clipRect(0, 0, chart.getWidth(), chart.getHeight());
                    chart.paint(cell, chart.getWidth(), chart.getHeight());
                } finally {
                    cell.dispose();
                }
            }
        }
    }
}
