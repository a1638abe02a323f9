package org.tunebook.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds XChart charts with the plots' common look, and the few drawing moves every plot shares. */
final class Charts {

    static final String FONT = Font.SANS_SERIF;
    private static final double NAN = Double.NaN;

    private Charts() {
    }

    /** An empty XY chart with the plots' style: white plot, light grid, legend at the right. */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        Renderer.ensureHeadless();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(200, 200, 200));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 11));
        s.setLegendBorderColor(new Color(210, 210, 210));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        if (width < 640) {
            s.setLegendFont(new Font(FONT, Font.PLAIN, 10));
            s.setLegendPadding(4);
            s.setLegendSeriesLineLength(14);
        }
        s.setYAxisLabelAlignment(org.knowm.xchart.style.AxesChartStyler.TextAlignment.Right);
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 11));
        s.setAnnotationTextFontColor(Palette.AXIS);
        s.setMarkerSize(7);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setSeriesColors(Palette.SERIES);
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        return chart;
    }

    /**
     * Shows {@code message} in the middle of an otherwise empty plot: the chart keeps its title and axes, so a
     * notebook shows what would be there and why it is not.
     */
    static XYChart note(XYChart chart, String message) {
        XYSeries anchor = chart.addSeries(" ", new double[] {0, 1}, new double[] {0, 1});
        anchor.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineColor(new Color(0, 0, 0, 0));
        anchor.setShowInLegend(false);
        XYStyler s = chart.getStyler();
        s.setLegendVisible(false);
        s.setXAxisLogarithmic(false);
        s.setYAxisLogarithmic(false);
        s.setAxisTicksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 15));
        List<String> lines = wrap(message, Math.max(20, (chart.getWidth() - 120) / 9));
        double spacing = 24.0 / Math.max(100, chart.getHeight() - 100);
        for (int i = 0; i < lines.size(); i++) {
            double y = 0.5 + ((lines.size() - 1) / 2.0 - i) * spacing;
            chart.addAnnotation(new AnnotationText(lines.get(i), 0.5, y, false));
        }
        return chart;
    }

    /** Splits text into lines of at most {@code width} characters, at spaces where possible. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A scatter series with the given marker and color. */
    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Marker marker, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        return s;
    }

    /** A line series without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        return s;
    }

    /**
     * One filled series made of several rectangles {@code {x0, x1, y0, y1}}: XChart draws a polygon series
     * and starts a new polygon after each NaN, so a whole color class is one series and one legend entry.
     */
    static XYSeries rectangles(XYChart chart, String name, List<double[]> boxes, Color fill) {
        double[] x = new double[boxes.size() * 6];
        double[] y = new double[boxes.size() * 6];
        int k = 0;
        for (double[] b : boxes) {
            double[] xs = {b[0], b[1], b[1], b[0], b[0], NAN};
            double[] ys = {b[2], b[2], b[3], b[3], b[2], NAN};
            System.arraycopy(xs, 0, x, k, 6);
            System.arraycopy(ys, 0, y, k, 6);
            k += 6;
        }
        XYSeries s = chart.addSeries(name, trim(x), trim(y));
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setLineWidth(0.5f);
        return s;
    }

    /** Drops the trailing NaN separator. */
    private static double[] trim(double[] a) {
        return a.length == 0 ? a : java.util.Arrays.copyOf(a, a.length - 1);
    }

    /**
     * Tick labels naming the integer positions {@code 0..names.size()-1} of an axis (categorical parameters,
     * parameter names) and invisible elsewhere. XChart keeps widening the tick spacing until all labels of an
     * axis differ, and loops forever if they never do; so the invisible labels are distinct runs of
     * zero-width spaces, one length per position.
     */
    static Function<Double, String> namedTicks(List<String> names) {
        List<String> unique = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            unique.add(unique.contains(name) ? name + INVISIBLE.repeat(i + 1) : name);
        }
        return v -> {
            double r = Math.rint(v);
            if (Math.abs(v - r) < 1e-6 && r >= 0 && r < unique.size()) {
                return unique.get((int) r);
            }
            long slot = Math.round(v * 8) + 8L * names.size() + 16;
            return INVISIBLE.repeat((int) Math.max(1, Math.min(slot, 100_000)));
        };
    }

    private static final String INVISIBLE = "\u200B";

    /** Shows named ticks on the x axis, one per name, over the range [-0.5, n - 0.5]. */
    static void nameXTicks(XYChart chart, List<String> names) {
        XYStyler s = chart.getStyler();
        s.setxAxisTickLabelsFormattingFunction(namedTicks(names));
        s.setXAxisMin(-0.5);
        s.setXAxisMax(names.size() - 0.5);
        int room = (chart.getWidth() - 160) / Math.max(1, names.size());
        s.setXAxisTickMarkSpacingHint(Math.max(8, Math.min(74, room - 4)));
    }

    /** Shows named ticks on the y axis, one per name, over the range [-0.5, n - 0.5]. */
    static void nameYTicks(XYChart chart, List<String> names) {
        XYStyler s = chart.getStyler();
        s.setyAxisTickLabelsFormattingFunction(namedTicks(names));
        s.setYAxisMin(-0.5);
        s.setYAxisMax(names.size() - 0.5);
        int room = (chart.getHeight() - 110) / Math.max(1, names.size());
        s.setYAxisTickMarkSpacingHint(Math.max(8, Math.min(44, room - 4)));
    }

    /**
     * Gives plain linear axes a number format with as many decimals as their ticks need (XChart's own drops
     * the leading zero, as in ".05"), and returns the chart. Log axes, named axes and very large or small
     * ranges keep XChart's formatting.
     */
    static XYChart finish(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (!s.isXAxisLogarithmic() && s.getxAxisTickLabelsFormattingFunction() == null && s.getXAxisDecimalPattern() == null) {
            String pattern = pattern(chart, true);
            if (pattern != null) {
                s.setXAxisDecimalPattern(pattern);
            }
        }
        if (!s.isYAxisLogarithmic() && s.getyAxisTickLabelsFormattingFunction() == null && s.getYAxisDecimalPattern() == null) {
            String pattern = pattern(chart, false);
            if (pattern != null) {
                s.setYAxisDecimalPattern(pattern);
            }
        }
        return chart;
    }

    private static String pattern(XYChart chart, boolean x) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        XYStyler s = chart.getStyler();
        Double min = x ? s.getXAxisMin() : s.getYAxisMin();
        Double max = x ? s.getXAxisMax() : s.getYAxisMax();
        low = min != null ? min : low;
        high = max != null ? max : high;
        return decimalPattern(low, high);
    }

    /** A pattern for ticks over [low, high], or null to leave the choice to XChart. */
    static String decimalPattern(double low, double high) {
        double range = high - low;
        double magnitude = Math.max(Math.abs(low), Math.abs(high));
        if (!(range > 0) || !Double.isFinite(range) || magnitude >= 1e7 || range < 1e-6) {
            return null;
        }
        double step = range / 10;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step))) + 1;
        return decimals <= 1 && step >= 1 ? "#,##0" : "#,##0." + "#".repeat(Math.min(decimals, 8));
    }
}
