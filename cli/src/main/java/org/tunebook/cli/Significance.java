package org.tunebook.cli;

import java.util.Locale;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Whether tunebook's and Optuna's results over the same seeds differ by more than chance: the two-sided
 * Mann-Whitney U test (commons-math3's, with its normal approximation), which needs no assumption about how
 * best values or hypervolumes are distributed. A median gap with 10 seeds is often noise; the p value says so.
 */
final class Significance {

    /** Below this many values on a side the normal approximation is too rough to print. */
    static final int MIN_VALUES = 5;

    static final String NOTE = "p: two-sided Mann-Whitney U test over the seeds; below 0.05 the difference is"
            + " unlikely to be chance, above it the two could well be equally good.";

    private Significance() {
    }

    /** The p value with 2 significant digits ("0.0031", "0.41"), or "-" when a side has too few values. */
    static String pValue(double[] ours, double[] theirs) {
        if (ours == null || theirs == null || ours.length < MIN_VALUES || theirs.length < MIN_VALUES) {
            return "-";
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(ours, theirs);
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.2g", p);
    }
}
