package org.tunebook.samplers;

/**
 * The log of expected improvement below {@code best} of a normal posterior {@code N(mean, sd^2)} (for
 * minimization), accurate far into the tail where expected improvement itself underflows:
 * {@code EI = sd * h(z)} with {@code z = (best - mean) / sd} and {@code h(z) = phi(z) + z Phi(z)}. Below
 * {@code z = -6}, {@code h(z) = phi(z) (1 - t M(t))} with {@code t = -z} and Mills' ratio {@code M} from
 * its asymptotic series.
 */
final class LogEi {

    private static final double TAIL = -6;

    private LogEi() {
    }

    /**
     * {@code {log EI, d log EI / d mean, d log EI / d sd}}.
     */
    static double[] of(double mean, double sd, double best) {
        double z = (best - mean) / sd;
        double logH;
        double cdfOverH;
        double pdfOverH;
        if (z > TAIL) {
            double pdf = Math.exp(NormalMath.logPdf(z));
            double cdf = NormalMath.cdf(z);
            double h = pdf + z * cdf;
            logH = Math.log(h);
            cdfOverH = cdf / h;
            pdfOverH = pdf / h;
        } else {
            double t = -z;
            double t2 = 1 / (t * t);
            // 1 - t M(t) = t^-2 - 3 t^-4 + 15 t^-6 - 105 t^-8;  M(t) = t^-1 (1 - t^-2 + 3 t^-4 - 15 t^-6)
            double g = t2 * (1 - t2 * (3 - t2 * (15 - 105 * t2)));
            double mills = (1 - t2 * (1 - t2 * (3 - 15 * t2))) / t;
            logH = NormalMath.logPdf(z) + Math.log(g);
            pdfOverH = 1 / g;
            cdfOverH = mills / g;
        }
        return new double[] {Math.log(sd) + logH, -cdfOverH / sd, pdfOverH / sd};
    }
}
