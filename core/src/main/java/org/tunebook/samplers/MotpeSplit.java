package org.tunebook.samplers;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The "good" set of multi-objective TPE, as Optuna selects and weights it: feasible observations before
 * infeasible ones (with constraints), then whole Pareto fronts while they fit and a hypervolume-greedy
 * subset of the next; each good feasible observation weighted by its hypervolume contribution relative to
 * the largest, infeasible ones by a tiny weight.
 */
final class MotpeSplit {

    private MotpeSplit() {
    }

    /**
     * Marks {@code nBelow} of the observations {@code members} in {@code below} and writes their weights to
     * {@code weight} (both indexed by observation); {@code loss[k][i]} is objective {@code k} of observation
     * {@code i}, signed for minimization.
     */
    static void select(int[] members, int nBelow, double[] violation, int[] number, double[][] loss, boolean[] below,
            double[] weight) {
        Integer[] order = new Integer[members.length];
        for (int j = 0; j < members.length; j++) {
            order[j] = members[j];
        }
        Arrays.sort(order, (a, b) -> Double.compare(violation[a], violation[b]) != 0
                ? Double.compare(violation[a], violation[b]) : Integer.compare(number[a], number[b]));
        int feasible = 0;
        while (feasible < order.length && violation[order[feasible]] == 0) {
            feasible++;
        }
        if (nBelow > feasible) {
            for (int j = 0; j < nBelow; j++) {
                below[order[j]] = true;
            }
        } else {
            double[][] points = new double[feasible][];
            for (int j = 0; j < feasible; j++) {
                points[j] = lossVector(loss, order[j]);
            }
            int[] rank = ParetoMath.ranks(points);
            int taken = 0;
            int r = 0;
            while (true) {
                int front = r;
                int count = (int) Arrays.stream(rank).filter(x -> x == front).count();
                if (count == 0 || taken + count > nBelow) {
                    break;
                }
                for (int j = 0; j < feasible; j++) {
                    if (rank[j] == r) {
                        below[order[j]] = true;
                    }
                }
                taken += count;
                r++;
            }
            if (taken < nBelow) {
                int front = r;
                int[] idx = IntStream.range(0, feasible).filter(j -> rank[j] == front).toArray();
                double[][] frontPoints = new double[idx.length][];
                for (int j = 0; j < idx.length; j++) {
                    frontPoints[j] = points[idx[j]];
                }
                for (int j : ParetoMath.selectByHypervolume(frontPoints, nBelow - taken,
                        ParetoMath.referencePoint(frontPoints))) {
                    below[order[idx[j]]] = true;
                }
            }
        }
        int[] good = Arrays.stream(members).filter(i -> below[i] && violation[i] == 0).boxed()
                .sorted((a, b) -> Integer.compare(number[a], number[b])).mapToInt(Integer::intValue).toArray();
        double[][] goodPoints = new double[good.length][];
        for (int j = 0; j < good.length; j++) {
            goodPoints[j] = lossVector(loss, good[j]);
        }
        double[] w = ParetoMath.contributionWeights(goodPoints);
        Arrays.fill(weight, ParetoMath.EPS);
        for (int j = 0; j < good.length; j++) {
            weight[good[j]] = w[j];
        }
    }

    private static double[] lossVector(double[][] loss, int i) {
        double[] v = new double[loss.length];
        for (int k = 0; k < loss.length; k++) {
            v[k] = loss[k][i];
        }
        return v;
    }
}
