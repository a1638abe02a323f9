package org.tunebook.magics;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One piece of rich output, as Jupyter's display messages carry it: always a plain-text form, and
 * optionally HTML and a PNG image. A front end shows the richest form it understands.
 *
 * <pre>{@code
 * display.show(Output.html("<b>done</b>", "done"));
 * }</pre>
 */
public final class Output {

    private final String text;
    private final String html;
    private final byte[] png;

    private Output(String text, String html, byte[] png) {
        if (text == null) {
            throw new IllegalArgumentException("an output needs a plain-text form");
        }
        this.text = text;
        this.html = html;
        this.png = png == null ? null : png.clone();
    }

    /** Plain text only. */
    public static Output text(String text) {
        return new Output(text, null, null);
    }

    /** HTML, with a plain-text form for front ends without HTML. */
    public static Output html(String html, String text) {
        return new Output(text, html, null);
    }

    /** A PNG image, with a plain-text description. */
    public static Output png(byte[] png, String text) {
        if (png == null || png.length == 0) {
            throw new IllegalArgumentException("a PNG output needs image bytes");
        }
        return new Output(text, null, png);
    }

    /** The plain-text form. */
    public String text() {
        return text;
    }

    /** The HTML form, if there is one. */
    public Optional<String> html() {
        return Optional.ofNullable(html);
    }

    /** The PNG bytes, if this is an image. */
    public Optional<byte[]> png() {
        return png == null ? Optional.empty() : Optional.of(png.clone());
    }

    /**
     * The forms by MIME type ({@code text/plain}, {@code text/html}, {@code image/png} as Base64), richest
     * last, as a Jupyter {@code display_data} message's {@code data} field holds them.
     */
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        if (html != null) {
            bundle.put("text/html", html);
        }
        if (png != null) {
            bundle.put("image/png", Base64.getEncoder().encodeToString(png));
        }
        return bundle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Output other && text.equals(other.text) && java.util.Objects.equals(html, other.html)
                && Arrays.equals(png, other.png);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return text;
    }
}
