package org.tunebook.samplers;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximizes the acquisition function ({@link ConstrainedLogEi}) over the unit box (numeric dimensions) and the
 * choices (categorical dimensions): scores a randomly shifted Sobol set of candidates and the best observed
 * points, then climbs from the best few by projected gradient ascent on the numeric coordinates, and then by
 * moves to neighbouring grid values on discrete ones (ints, stepped floats) and one sweep over each categorical
 * one. Discrete coordinates are judged on their grid: a candidate is rounded before it is scored, so that the
 * point proposed is the one whose acquisition was compared, not a rounding of it onto a point already tried.
 */
final class GpAcquisition {

    private static final int LOCAL_STARTS = 3;
    private static final int LOCAL_STEPS = 20;
    private static final int GRID_ROUNDS = 3;
    private static final int GRID_MOVES = 10;
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

    /** The point of highest acquisition in {@code space}; {@code incumbents} are observed points to start from. */
    static double[] maximize(ConstrainedLogEi acquisition, GpSpace space, double[][] incumbents, int candidates,
            SplittableRandom rng) {
        int[] choices = space.choices();
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
                    p[j] = choices[j] > 0 ? Math.min(choices[j] - 1, Math.floor(v * choices[j])) : space.snap(j, v);
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
            double value = climb(acquisition, space, p, scores[order[s]]);
            if (value > bestScore) {
                bestScore = value;
                bestPoint = p;
            }
        }
        return bestPoint;
    }

    /** Improves grid point {@code p} (of acquisition {@code value}) in place; returns its final acquisition. */
    private static double climb(ConstrainedLogEi acquisition, GpSpace space, double[] p, double value) {
        int[] choices = space.choices();
        int d = p.length;
        boolean[] all = new boolean[d];
        boolean[] continuous = new boolean[d];
        boolean discrete = false;
        for (int j = 0; j < d; j++) {
            all[j] = choices[j] == 0;
            continuous[j] = choices[j] == 0 && !space.discrete(j);
            discrete |= choices[j] == 0 && space.discrete(j);
        }
        if (!discrete) {
            value = ascend(acquisition, p, value, continuous);
            return sweepChoices(acquisition, choices, p, value);
        }
        // discrete coordinates relaxed to continuous ones, rounded back onto the grid, then moved on the grid;
        // last, the continuous coordinates are polished at the grid point reached
        double[] relaxed = p.clone();
        ascend(acquisition, relaxed, value, all);
        for (int j = 0; j < d; j++) {
            if (choices[j] == 0 && space.discrete(j)) {
                relaxed[j] = space.snap(j, relaxed[j]);
            }
        }
        double relaxedValue = acquisition.value(relaxed);
        if (relaxedValue > value) {
            System.arraycopy(relaxed, 0, p, 0, d);
            value = relaxedValue;
        }
        value = gridMoves(acquisition, space, p, value);
        return ascend(acquisition, p, value, continuous);
    }

    /**
     * Projected gradient ascent on the coordinates {@code moving} marks, with an adaptive step; improves
     * {@code p} (of acquisition {@code value}) in place and returns its final acquisition.
     */
    private static double ascend(ConstrainedLogEi acquisition, double[] p, double value, boolean[] moving) {
        int d = p.length;
        boolean any = false;
        for (boolean m : moving) {
            any |= m;
        }
        double step = 0.05;
        for (int it = 0; any && it < LOCAL_STEPS && step > 1e-6; it++) {
            double[] g = acquisition.gradient(p);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += moving[j] ? g[j] * g[j] : 0;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                break;
            }
            double[] q = p.clone();
            for (int j = 0; j < d; j++) {
                if (moving[j]) {
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
        return value;
    }

    /**
     * Coordinate ascent over the grid: each discrete coordinate moves to a neighbouring grid value while that
     * improves the acquisition, each categorical one to its best choice; repeated while anything moved (a few
     * rounds at most).
     */
    private static double gridMoves(ConstrainedLogEi acquisition, GpSpace space, double[] p, double value) {
        int[] choices = space.choices();
        for (int round = 0; round < GRID_ROUNDS; round++) {
            double before = value;
            for (int j = 0; j < p.length; j++) {
                if (choices[j] > 0 || !space.discrete(j)) {
                    continue;
                }
                for (int direction = -1; direction <= 1; direction += 2) {
                    for (int move = 0; move < GRID_MOVES; move++) {
                        double next = space.neighbour(j, p[j], direction);
                        if (Double.isNaN(next)) {
                            break;
                        }
                        double keep = p[j];
                        p[j] = next;
                        double v = acquisition.value(p);
                        if (v > value) {
                            value = v;
                        } else {
                            p[j] = keep;
                            break;
                        }
                    }
                }
            }
            value = sweepChoices(acquisition, choices, p, value);
            if (!(value > before)) {
                break;
            }
        }
        return value;
    }

    /** Moves each categorical coordinate of {@code p} to its best choice, in turn; returns the acquisition. */
    private static double sweepChoices(ConstrainedLogEi acquisition, int[] choices, double[] p, double value) {
        for (int j = 0; j < p.length; j++) {
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
