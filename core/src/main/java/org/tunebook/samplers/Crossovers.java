package org.tunebook.samplers;

import java.util.random.RandomGenerator;

/** The built-in {@link Crossover}s, which work on normalized coordinates in {@code [0, 1]}. */
final class Crossovers {

    private Crossovers() {
    }

    static double probability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }

    static double nonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    /** Each coordinate from the first parent, or from the second with probability {@code swappingProb}. */
    record Uniform(double swappingProb) implements Crossover {
        @Override
        public int parents() {
            return 2;
        }

        @Override
        public double[] cross(double[][] parents, int objectives, RandomGenerator rng) {
            double[] child = new double[parents[0].length];
            for (int k = 0; k < child.length; k++) {
                child[k] = parents[rng.nextDouble() < swappingProb ? 1 : 0][k];
            }
            return child;
        }

        @Override
        public String toString() {
            return "uniform(swappingProb=" + swappingProb + ")";
        }
    }

    /** Uniform over the parents' interval widened by {@code alpha} times its length on each side. */
    record BlxAlpha(double alpha) implements Crossover {
        @Override
        public int parents() {
            return 2;
        }

        @Override
        public double[] cross(double[][] parents, int objectives, RandomGenerator rng) {
            double[] child = new double[parents[0].length];
            for (int k = 0; k < child.length; k++) {
                double lo = Math.min(parents[0][k], parents[1][k]);
                double hi = Math.max(parents[0][k], parents[1][k]);
                double widen = alpha * (hi - lo);
                child[k] = lo - widen + rng.nextDouble() * (hi - lo + 2 * widen);
            }
            return child;
        }

        @Override
        public String toString() {
            return "blxAlpha(alpha=" + alpha + ")";
        }
    }

    /**
     * Simulated binary crossover in its bounded form: the spread factor's polynomial distribution is cut so
     * that both children it defines stay inside {@code [0, 1]}. Of the two, one is drawn; and, as Optuna
     * does to make one child of SBX's two, each coordinate is a child's with probability one half and
     * otherwise a parent's.
     */
    record Sbx(double eta) implements Crossover {
        @Override
        public int parents() {
            return 2;
        }

        @Override
        public double[] cross(double[][] parents, int objectives, RandomGenerator rng) {
            double e = Double.isNaN(eta) ? (objectives > 1 ? 20 : 2) : eta;
            double[] child = new double[parents[0].length];
            for (int k = 0; k < child.length; k++) {
                double lo = Math.min(parents[0][k], parents[1][k]);
                double hi = Math.max(parents[0][k], parents[1][k]);
                double spread = Math.max(hi - lo, 1e-10);
                double u = rng.nextDouble();
                // the room left below and above the parents, in units of half their distance
                double lowerChild = 0.5 * (lo + hi - spreadFactor(u, 1 + 2 * lo / spread, e) * spread);
                double upperChild = 0.5 * (lo + hi + spreadFactor(u, 1 + 2 * (1 - hi) / spread, e) * spread);
                if (rng.nextDouble() < 0.5) {
                    child[k] = rng.nextDouble() < 0.5 ? lowerChild : upperChild;
                } else {
                    child[k] = parents[rng.nextDouble() < 0.5 ? 0 : 1][k];
                }
            }
            return child;
        }

        /** The spread factor for draw {@code u} when the parents' room to the bound is {@code beta} half-spreads. */
        private static double spreadFactor(double u, double beta, double eta) {
            double alpha = 2 - Math.pow(beta, -(eta + 1));
            double ua = u * alpha;
            return ua <= 1 ? Math.pow(ua, 1 / (eta + 1)) : Math.pow(1 / (2 - ua), 1 / (eta + 1));
        }

        @Override
        public String toString() {
            return "sbx(eta=" + (Double.isNaN(eta) ? "20 with several objectives, 2 with one" : eta) + ")";
        }
    }

    /** Simplex crossover of three parents around their centre of mass, expanded by {@code epsilon}. */
    record Spx(double epsilon) implements Crossover {
        @Override
        public int parents() {
            return 3;
        }

        @Override
        public double[] cross(double[][] parents, int objectives, RandomGenerator rng) {
            int n = parents[0].length;
            int m = parents.length;
            double eps = Double.isNaN(epsilon) ? Math.sqrt(n + 2) : epsilon;
            double[] centre = new double[n];
            for (double[] p : parents) {
                for (int k = 0; k < n; k++) {
                    centre[k] += p[k] / m;
                }
            }
            double[][] x = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    x[i][k] = centre[k] + eps * (parents[i][k] - centre[k]);
                }
            }
            double[] c = new double[n];
            for (int i = 1; i < m; i++) {
                double r = Math.pow(rng.nextDouble(), 1.0 / i);
                for (int k = 0; k < n; k++) {
                    c[k] = r * (x[i - 1][k] - x[i][k] + c[k]);
                }
            }
            double[] child = new double[n];
            for (int k = 0; k < n; k++) {
                child[k] = x[m - 1][k] + c[k];
            }
            return child;
        }

        @Override
        public String toString() {
            return "spx(epsilon=" + (Double.isNaN(epsilon) ? "sqrt(n + 2)" : epsilon) + ")";
        }
    }
}
