package org.tunebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a cell into what the kernel runs in turn: Java code, and magic lines ({@code %tune …}) between it; or
 * recognizes a cell magic ({@code %%tune space NAME} on the first line, the body below).
 */
final class CellScript {

    private CellScript() {
    }

    /** A cell magic: its name, the rest of its first line, and the cell's other lines. */
    record CellMagic(String name, String args, String body) {
    }

    /** A run of code lines (starting at cell line {@code line}, 0-based), or one magic line. */
    record Segment(boolean magic, String text, int line) {
    }

    static Optional<CellMagic> cellMagic(String cell) {
        String trimmed = cell.stripLeading();
        if (!trimmed.startsWith("%%")) {
            return Optional.empty();
        }
        int eol = trimmed.indexOf('\n');
        String first = (eol < 0 ? trimmed : trimmed.substring(0, eol)).substring(2).strip();
        String body = eol < 0 ? "" : trimmed.substring(eol + 1);
        String[] nameAndArgs = first.split("\\s+", 2);
        return Optional.of(new CellMagic(nameAndArgs[0], nameAndArgs.length > 1 ? nameAndArgs[1] : "", body));
    }

    static List<Segment> segments(String cell) {
        List<Segment> segments = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("%")) {
                if (!code.toString().isBlank()) {
                    segments.add(new Segment(false, code.toString(), codeStart));
                }
                code.setLength(0);
                segments.add(new Segment(true, line.stripLeading().substring(1), i));
                codeStart = i + 1;
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            segments.add(new Segment(false, code.toString(), codeStart));
        }
        return segments;
    }
}
