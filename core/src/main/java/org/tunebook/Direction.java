package org.tunebook;

/** Whether an objective is to be made as small or as large as possible. */
public enum Direction {
    /** Smaller values are better (losses, errors, latencies). */
    MINIMIZE,
    /** Larger values are better (accuracies, rewards). */
    MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** Parses {@code min}, {@code minimize}, {@code max} or {@code maximize}, in any case. */
    public static Direction parse(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "min": case "minimize": return MINIMIZE;
            case "max": case "maximize": return MAXIMIZE;
            default: throw new IllegalArgumentException("unknown direction '" + text + "'; use min or max");
        }
    }
}
