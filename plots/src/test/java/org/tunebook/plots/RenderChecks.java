package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

/** Renders a chart both ways and checks what a user gets: the size, and the titles in the SVG. */
final class RenderChecks {

    private RenderChecks() {
    }

    /** PNG decodes to the chart's size; SVG parses, has the size and names the title and axes. */
    static void rendersWithLabels(XYChart chart, String... texts) {
        BufferedImage image = decode(Renderer.png(chart));
        assertThat(image.getWidth()).isEqualTo(chart.getWidth());
        assertThat(image.getHeight()).isEqualTo(chart.getHeight());
        String svg = new String(Renderer.svg(chart), StandardCharsets.UTF_8);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo(chart.getWidth() + "px");
        assertThat(doc.getDocumentElement().getAttribute("height")).isEqualTo(chart.getHeight() + "px");
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(title).isEqualTo(chart.getTitle());
        assertThat(desc).contains("x axis: " + chart.getXAxisTitle(), "y axis: " + chart.getYAxisTitle());
        for (String text : texts) {
            assertThat(title + " " + desc).contains(text);
        }
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("a PNG image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG does not parse: " + e.getMessage(), e);
        }
    }
}
