package org.tunebook.samplers;

/**
 * A Gaussian-process regression model on standardized data: the Cholesky factor of the Gram matrix, the
 * weights {@code alpha = K^-1 y}, posterior mean and variance with their gradients, and the log marginal
 * likelihood with its gradient in the log hyperparameters. Matrices are dense row-major arrays.
 */
final class GpModel {

    private static final double JITTER = 1e-9;

    final MaternKernel kernel;
    final double[][] x;
    final double[] y;
    final int n;
    /** Lower Cholesky factor of K + noise I, row-major n x n. */
    final double[] chol;
    final double[] alpha;

    private GpModel(MaternKernel kernel, double[][] x, double[] y, double[] chol, double[] alpha) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.n = y.length;
        this.chol = chol;
        this.alpha = alpha;
    }

    /**
     * The model of {@code y} at points {@code x}, or null if the Gram matrix is not positive definite even
     * with a little jitter.
     */
    static GpModel fit(MaternKernel kernel, double[][] x, double[] y) {
        int n = y.length;
        double[] k = gram(kernel, x);
        double[] chol = null;
        for (double jitter = JITTER; chol == null && jitter < 1e-2; jitter *= 100) {
            chol = cholesky(k, n, kernel.noise + jitter);
        }
        if (chol == null) {
            return null;
        }
        double[] alpha = solveUpper(chol, n, solveLower(chol, n, y.clone()));
        return new GpModel(kernel, x, y, chol, alpha);
    }

    /** The Gram matrix without noise, row-major. */
    static double[] gram(MaternKernel kernel, double[][] x) {
        int n = x.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            k[i * n + i] = kernel.scale;
            for (int j = 0; j < i; j++) {
                double v = kernel.value(kernel.r2(x[i], x[j]));
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }

    /** The lower Cholesky factor of {@code a + diagonal I}, or null if it is not positive definite. */
    static double[] cholesky(double[] a, int n, double diagonal) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double sum = a[ri + j] + (i == j ? diagonal : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[ri + i] = Math.sqrt(sum);
                } else {
                    l[ri + j] = sum / l[rj + j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L z = b} in place. */
    static double[] solveLower(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            int ri = i * n;
            for (int k = 0; k < i; k++) {
                sum -= l[ri + k] * b[k];
            }
            b[i] = sum / l[ri + i];
        }
        return b;
    }

    /** Solves {@code L^T z = b} in place. */
    static double[] solveUpper(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
        return b;
    }

    /** Posterior mean and variance (of the latent function) at {@code p}: {@code {mean, variance}}. */
    double[] predict(double[] p) {
        double[] kx = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            kx[i] = kernel.value(kernel.r2(p, x[i]));
            mean += kx[i] * alpha[i];
        }
        double[] v = solveLower(chol, n, kx);
        double var = kernel.scale;
        for (int i = 0; i < n; i++) {
            var -= v[i] * v[i];
        }
        return new double[] {mean, Math.max(var, 1e-12 * kernel.scale)};
    }

    /**
     * Posterior mean and variance at {@code p} with their gradients over the numeric coordinates (categorical
     * ones get 0): {@code {mean, variance, dmean/dp..., dvariance/dp...}}.
     */
    double[] predictWithGradient(double[] p) {
        int d = p.length;
        double[] kx = new double[n];
        double[] dk = new double[n]; // dk/dr2 per training point
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r2 = kernel.r2(p, x[i]);
            kx[i] = kernel.value(r2);
            dk[i] = kernel.derivative(r2);
            mean += kx[i] * alpha[i];
        }
        double[] v = solveLower(chol, n, kx.clone());
        double var = kernel.scale;
        for (int i = 0; i < n; i++) {
            var -= v[i] * v[i];
        }
        double[] kinvK = solveUpper(chol, n, v); // K^-1 k_x
        double[] out = new double[2 + 2 * d];
        out[0] = mean;
        out[1] = Math.max(var, 1e-12 * kernel.scale);
        for (int j = 0; j < d; j++) {
            if (kernel.categorical[j]) {
                continue;
            }
            double gMean = 0;
            double gVar = 0;
            double w = 2 * kernel.invLengthSq[j];
            for (int i = 0; i < n; i++) {
                double dkdx = dk[i] * w * (p[j] - x[i][j]);
                gMean += dkdx * alpha[i];
                gVar -= 2 * dkdx * kinvK[i];
            }
            out[2 + j] = gMean;
            out[2 + d + j] = var > 1e-12 * kernel.scale ? gVar : 0;
        }
        return out;
    }

    /**
     * The log marginal likelihood of {@code y} at {@code x} under log hyperparameters {@code theta}, and its
     * gradient in {@code theta} (written to {@code gradient}); {@code -Infinity} if the Gram matrix is not
     * positive definite. With {@code fixedNoise}, the noise's gradient is 0.
     */
    static double logLikelihood(boolean[] categorical, double[] theta, double[][] x, double[] y, double[] gradient,
            boolean fixedNoise) {
        MaternKernel kernel = new MaternKernel(categorical, theta);
        int n = y.length;
        int d = categorical.length;
        double[] kf = gram(kernel, x);
        double[] l = cholesky(kf, n, kernel.noise + JITTER);
        if (l == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = solveUpper(l, n, solveLower(l, n, y.clone()));
        double fit = 0;
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
            logDet += Math.log(l[i * n + i]);
        }
        double lml = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
        // W = alpha alpha^T - K^-1, from the inverse of L
        double[] linv = lowerInverse(l, n);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double kinv = 0;
                for (int k = i; k < n; k++) { // (L^-T L^-1)_ij = sum_k Linv_ki Linv_kj, k >= max(i, j)
                    kinv += linv[k * n + i] * linv[k * n + j];
                }
                double v = alpha[i] * alpha[j] - kinv;
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        }
        java.util.Arrays.fill(gradient, 0);
        double traceW = 0;
        for (int i = 0; i < n; i++) {
            traceW += w[i * n + i];
            for (int j = 0; j < i; j++) {
                double wij = w[i * n + j];
                double r2 = kernel.r2(x[i], x[j]);
                double dk = kernel.derivative(r2);
                gradient[d] += 2 * wij * kf[i * n + j]; // off-diagonal pairs count twice
                for (int c = 0; c < d; c++) {
                    double delta = categorical[c] ? (x[i][c] == x[j][c] ? 0 : 1) : x[i][c] - x[j][c];
                    gradient[c] += 2 * wij * dk * -2 * delta * delta * kernel.invLengthSq[c];
                }
            }
        }
        gradient[d] += traceW * kernel.scale; // diagonal of the scale's derivative
        for (int c = 0; c <= d; c++) {
            gradient[c] *= 0.5;
        }
        gradient[d + 1] = fixedNoise ? 0 : 0.5 * traceW * kernel.noise;
        return lml;
    }

    /** The inverse of a lower triangular matrix, row-major. */
    private static double[] lowerInverse(double[] l, int n) {
        double[] inv = new double[n * n];
        for (int j = 0; j < n; j++) {
            inv[j * n + j] = 1 / l[j * n + j];
            for (int i = j + 1; i < n; i++) {
                double sum = 0;
                int ri = i * n;
                for (int k = j; k < i; k++) {
                    sum -= l[ri + k] * inv[k * n + j];
                }
                inv[ri + j] = sum / l[ri + i];
            }
        }
        return inv;
    }
}
