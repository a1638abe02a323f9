package org.tunebook.samplers;

/**
 * Limited-memory BFGS for smooth unconstrained minimization (commons-math3 has none): two-loop recursion
 * over the last {@value #MEMORY} steps, backtracking line search with the Armijo condition, and a reset to
 * steepest descent when a direction fails to descend. Used to fit Gaussian-process hyperparameters.
 */
final class Lbfgs {

    private static final int MEMORY = 8;

    /** A function returning its value at {@code x} and writing its gradient to {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    private Lbfgs() {
    }

    /**
     * Minimizes {@code f} from {@code start} for at most {@code maxEvaluations} evaluations; returns the best
     * point found. Non-finite values count as worse than any finite one.
     */
    static double[] minimize(Objective f, double[] start, int maxEvaluations, double gradientTolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return x;
        }
        double[][] s = new double[MEMORY][];
        double[][] yv = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] gNew = new double[n];
        while (evaluations < maxEvaluations && norm(g) > gradientTolerance) {
            double[] dir = direction(g, s, yv, rho, stored, head);
            double slope = dot(dir, g);
            if (!(slope < 0)) { // not a descent direction: forget the curvature pairs
                stored = 0;
                dir = negate(g);
                slope = dot(dir, g);
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, norm(g))) : 1;
            double[] xNew = new double[n];
            double fNew = Double.NaN;
            boolean accepted = false;
            while (evaluations < maxEvaluations) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
                if (step < 1e-12) {
                    break;
                }
            }
            if (!accepted) {
                break;
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                s[head] = sk;
                yv[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(MEMORY, stored + 1);
            }
            boolean converged = fx - fNew < 1e-10 * Math.max(1, Math.abs(fx));
            x = xNew;
            fx = fNew;
            System.arraycopy(gNew, 0, g, 0, n);
            if (converged) {
                break;
            }
        }
        return x;
    }

    /** The L-BFGS direction {@code -H g} from the stored pairs, newest at {@code head - 1}. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int head) {
        double[] q = g.clone();
        double[] a = new double[stored];
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(head - 1 - k, s.length);
            a[k] = rho[i] * dot(s[i], q);
            for (int j = 0; j < q.length; j++) {
                q[j] -= a[k] * y[i][j];
            }
        }
        if (stored > 0) {
            int newest = Math.floorMod(head - 1, s.length);
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(head - 1 - k, s.length);
            double b = rho[i] * dot(y[i], q);
            for (int j = 0; j < q.length; j++) {
                q[j] += (a[k] - b) * s[i][j];
            }
        }
        return negate(q);
    }

    private static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
