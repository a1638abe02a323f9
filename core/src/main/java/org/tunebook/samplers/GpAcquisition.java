package org.tunebook.samplers;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximizes the acquisition function ({@link ConstrainedLogEi}) over the unit box (numeric dimensions) and the choices (categorical
 * dimensions): scores a randomly shifted Sobol set of candidates and the best observed points, then climbs
 * from the best few by projected gradient ascent on the numeric coordinates and one sweep over each
 * categorical one.
 */
final class GpAcquisition {

    private static final int LOCAL_STARTS = 3;
    private static final int LOCAL_STEPS = 20;
    private static final Map<Integer, double[][]> SOBOL = new ConcurrentHashMap<>();

    private GpAcquisition() {
    }

    /** The first {@code count} Sobol points in {@code d} dimensions (commons-math3), computed once. */
    private static double[][] sobol(int d, int count) {
        double[][] cached = SOBOL.get(d);
        if (cached != null && cached.length >= count) {
            return cached;
        }
        SobolSequenceGenerator g = new SobolSequenceGenerator(Math.min(d, 1000));
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            points[i] = g.nextVector();
        }
        SOBOL.put(d, points);
        return points;
    }

    /**
     * The point of highest acquisition; {@code choices[j]} is the number of choices of a categorical dimension
     * (0 for numeric ones); {@code incumbents} are observed points to start from too.
     */
    static double[] maximize(ConstrainedLogEi acquisition, int[] choices, double[][] incumbents, int candidates,
            SplittableRandom rng) {
        int d = choices.length;
        double[][] base = sobol(d, candidates);
        long[] shift = new long[d];
        for (int j = 0; j < d; j++) {
            shift[j] = rng.nextLong() >>> 12;
        }
        int total = Math.min(candidates, base.length) + incumbents.length;
        double[][] points = new double[total][];
        double[] scores = new double[total];
        for (int c = 0; c < total; c++) {
            double[] p;
            if (c < incumbents.length) {
                p = incumbents[c].clone();
            } else {
                double[] u = base[c - incumbents.length];
                p = new double[d];
                for (int j = 0; j < d; j++) {
                    double v = (((long) (u[j] * 0x1p52)) ^ shift[j]) * 0x1p-52; // random digital shift
                    p[j] = choices[j] > 0 ? Math.min(choices[j] - 1, Math.floor(v * choices[j])) : v;
                }
            }
            points[c] = p;
            scores[c] = acquisition.value(p);
        }
        Integer[] order = new Integer[total];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double[] bestPoint = points[order[0]];
        double bestScore = scores[order[0]];
        for (int s = 0; s < Math.min(LOCAL_STARTS, total); s++) {
            double[] p = points[order[s]].clone();
            double value = climb(acquisition, p, scores[order[s]], choices);
            if (value > bestScore) {
                bestScore = value;
                bestPoint = p;
            }
        }
        return bestPoint;
    }

    /** Improves {@code p} in place; returns its final score. */
    private static double climb(ConstrainedLogEi acquisition, double[] p, double value, int[] choices) {
        int d = p.length;
        boolean numeric = false;
        for (int c : choices) {
            numeric |= c == 0;
        }
        double step = 0.05;
        for (int it = 0; numeric && it < LOCAL_STEPS && step > 1e-6; it++) {
            double[] g = acquisition.gradient(p);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += choices[j] == 0 ? g[j] * g[j] : 0;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                break;
            }
            double[] q = p.clone();
            for (int j = 0; j < d; j++) {
                if (choices[j] == 0) {
                    q[j] = Math.min(1, Math.max(0, p[j] + step * g[j] / norm));
                }
            }
            double v = acquisition.value(q);
            if (v > value) {
                System.arraycopy(q, 0, p, 0, d);
                value = v;
                step *= 1.5;
            } else {
                step *= 0.3;
            }
        }
        for (int j = 0; j < d; j++) {
            if (choices[j] == 0) {
                continue;
            }
            double keep = p[j];
            for (int c = 0; c < choices[j]; c++) {
                if (c == keep) {
                    continue;
                }
                p[j] = c;
                double v = acquisition.value(p);
                if (v > value) {
                    value = v;
                    keep = c;
                }
            }
            p[j] = keep;
        }
        return value;
    }
}
