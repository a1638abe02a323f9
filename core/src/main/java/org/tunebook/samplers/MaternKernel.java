package org.tunebook.samplers;

/**
 * The Matern-5/2 kernel with one length scale per dimension (automatic relevance determination):
 * {@code k(x, y) = s (1 + t + t^2 / 3) exp(-t)} with {@code t = sqrt(5 r2)} and
 * {@code r2 = sum_d delta_d^2 / l_d^2}, where {@code delta_d} is the difference of numeric coordinates, and
 * for a categorical dimension 0 when the choices agree and 1 otherwise.
 *
 * <p>Hyperparameters are held as logs, in the order {@code log l_1 .. log l_d, log s, log noise}; the noise
 * variance is added to the diagonal of the Gram matrix only.
 */
final class MaternKernel {

    private static final double SQRT5 = Math.sqrt(5);

    final boolean[] categorical;
    final double[] invLengthSq;
    final double scale;
    final double noise;

    MaternKernel(boolean[] categorical, double[] theta) {
        int d = categorical.length;
        this.categorical = categorical;
        this.invLengthSq = new double[d];
        for (int j = 0; j < d; j++) {
            invLengthSq[j] = Math.exp(-2 * theta[j]);
        }
        this.scale = Math.exp(theta[d]);
        this.noise = Math.exp(theta[d + 1]);
    }

    int dimensions() {
        return categorical.length;
    }

    /** The scaled squared distance {@code r2} between two points. */
    double r2(double[] a, double[] b) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            double delta = categorical[j] ? (a[j] == b[j] ? 0 : 1) : a[j] - b[j];
            r2 += delta * delta * invLengthSq[j];
        }
        return r2;
    }

    /** The kernel as a function of {@code r2}. */
    double value(double r2) {
        double t = Math.sqrt(5 * r2);
        return scale * (1 + t + t * t / 3) * Math.exp(-t);
    }

    /** {@code dk / d r2}, finite at 0: {@code -(5/6) s (1 + t) exp(-t)}. */
    double derivative(double r2) {
        double t = Math.sqrt(5 * r2);
        return -5.0 / 6 * scale * (1 + t) * Math.exp(-t);
    }

    static double sqrt5() {
        return SQRT5;
    }
}
