package org.tunebook.plots;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short, readable number labels: 4 significant digits, scientific notation for very small or large values. */
final class Numbers {

    private Numbers() {
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }
}
