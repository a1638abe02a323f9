package org.tunebook.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points for minimization: the volume of the region between the points and a
 * reference point that some point dominates, the usual measure of a Pareto front's quality. Exact: a sweep
 * for two objectives ({@code O(n log n)}), and slicing along the last objective for more (exponential in the
 * number of objectives, fine for the fronts of a few hundred trials these benchmarks give).
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} bounded by {@code reference}; points not strictly better than the
     * reference in every objective add nothing.
     *
     * @throws IllegalArgumentException if a point's length differs from the reference's, or a value is NaN
     */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("a point has " + p.length + " objectives but the reference point "
                        + reference.length);
            }
            boolean below = true;
            for (int k = 0; k < p.length; k++) {
                if (Double.isNaN(p[k])) {
                    throw new IllegalArgumentException("hypervolume of a point with a NaN objective");
                }
                below &= p[k] < reference[k];
            }
            if (below) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    /** The volume over the first {@code m} objectives of points all inside the reference. */
    private static double volume(List<double[]> points, double[] ref, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            return ref[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        }
        List<double[]> sorted = new ArrayList<>(points);
        int last = m - 1;
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        if (m == 2) {
            // sweep up the second objective; each step adds the strip up to the next point's height
            double area = 0;
            double bestX = ref[0];
            for (int i = 0; i < sorted.size(); i++) {
                bestX = Math.min(bestX, sorted.get(i)[0]);
                double top = i + 1 < sorted.size() ? sorted.get(i + 1)[1] : ref[1];
                area += (ref[0] - bestX) * (top - sorted.get(i)[1]);
            }
            return area;
        }
        double total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            double height = top - sorted.get(i)[last];
            if (height > 0) {
                total += height * volume(sorted.subList(0, i + 1), ref, m - 1);
            }
        }
        return total;
    }
}
