package org.tunebook.samplers;

import org.tunebook.Pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto tools for multi-objective TPE, all for minimization: non-dominated sorting, exact hypervolume
 * (for the few dozen points TPE's "good" set holds), and greedy hypervolume subset selection.
 */
final class ParetoMath {

    static final double EPS = 1e-12;

    private ParetoMath() {
    }

    /** Whether {@code a} dominates {@code b}: no worse in every objective and better in one. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            if (a[k] < b[k]) {
                better = true;
            }
        }
        return better;
    }

    /** The non-domination rank of each point: 0 for the Pareto front, 1 for the front below it, and so on. */
    static int[] ranks(double[][] points) {
        int n = points.length;
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points[i], points[j])) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(points[j], points[i])) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        int[] rank = new int[n];
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        int r = 0;
        while (!front.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = r;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            front = next;
            r++;
        }
        return rank;
    }

    /** The reference point Optuna uses for a set of points: 1.1 times the worst value (0.9 if negative). */
    static double[] referencePoint(double[][] points) {
        int m = points[0].length;
        double[] ref = new double[m];
        for (int k = 0; k < m; k++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                worst = Math.max(worst, p[k]);
            }
            ref[k] = Math.max(1.1 * worst, 0.9 * worst);
            if (ref[k] == 0) {
                ref[k] = EPS;
            }
        }
        return ref;
    }

    /** The hypervolume dominated by {@code points} and bounded by {@code ref} (points beyond it add nothing). */
    static double hypervolume(List<double[]> points, double[] ref) {
        return Pareto.hypervolume(points, ref);
    }

    /**
     * Greedily picks {@code k} of the points, each time the one adding the most hypervolume (the earliest on
     * ties); returns their indices.
     */
    static int[] selectByHypervolume(double[][] points, int k, double[] ref) {
        int n = points.length;
        boolean[] taken = new boolean[n];
        List<double[]> chosen = new ArrayList<>();
        int[] result = new int[k];
        for (int s = 0; s < k; s++) {
            int best = -1;
            double bestVolume = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                chosen.add(points[i]);
                double v = hypervolume(chosen, ref);
                chosen.remove(chosen.size() - 1);
                if (v > bestVolume) {
                    bestVolume = v;
                    best = i;
                }
            }
            taken[best] = true;
            chosen.add(points[best]);
            result[s] = best;
        }
        Arrays.sort(result);
        return result;
    }

    /**
     * Optuna's weights of the "good" observations in multi-objective TPE: each point's hypervolume
     * contribution, relative to the largest one.
     */
    static double[] contributionWeights(double[][] points) {
        int n = points.length;
        if (n == 0) {
            return new double[0];
        }
        if (n == 1) {
            return new double[] {1.0};
        }
        double[] ref = referencePoint(points);
        List<double[]> all = Arrays.asList(points);
        double hv = hypervolume(all, ref);
        double[] c = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            List<double[]> others = new ArrayList<>(all);
            others.remove(i);
            c[i] = hv - hypervolume(others, ref) + EPS;
            max = Math.max(max, c[i]);
        }
        for (int i = 0; i < n; i++) {
            c[i] = Math.min(1, Math.max(0, c[i] / max));
        }
        return c;
    }
}
