package org.tunebook.bench;

import java.util.List;
import java.util.Map;
import org.tunebook.Scale;
import org.tunebook.Trial;

/**
 * Standard test functions for samplers, each with the usual domain (see Surjanovic and Bingham's "Virtual
 * Library of Simulation Experiments"), and a mixed space with an int, a log float and a categorical. Their
 * Python twins are in {@code optuna_quality.py} (a resource next to these classes); parameter names and order match.
 */
public final class BenchmarkFunctions {

    private BenchmarkFunctions() {
    }

    /** The suite of issue 4: Branin, Hartmann-6, Rosenbrock-10, Ackley-10, Styblinski-Tang-10, mixed. */
    public static List<BenchmarkFunction> suite() {
        return List.of(branin(), hartmann6(), rosenbrock(10), ackley(10), styblinskiTang(10), mixed());
    }

    /** All functions by name, the suite's and the smaller ones used by tests. */
    public static Map<String, BenchmarkFunction> byName() {
        return Map.of("branin", branin(), "hartmann6", hartmann6(), "rosenbrock10", rosenbrock(10),
                "ackley10", ackley(10), "styblinski_tang10", styblinskiTang(10), "mixed", mixed(),
                "sphere5", sphere(5), "rosenbrock5", rosenbrock(5));
    }

    /** Branin-Hoo on {@code [-5, 10] x [0, 15]}; minimum 0.397887 at three points. */
    public static BenchmarkFunction branin() {
        return new BenchmarkFunction("branin", "2-D, x1 in [-5, 10], x2 in [0, 15]", t -> {
            double x1 = t.suggestFloat("x1", -5, 10);
            double x2 = t.suggestFloat("x2", 0, 15);
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double s = 10;
            double u = x2 - b * x1 * x1 + c * x1 - 6;
            return u * u + s * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + s;
        }, 0.397887);
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on {@code [0, 1]^6}; minimum -3.32237. */
    public static BenchmarkFunction hartmann6() {
        return new BenchmarkFunction("hartmann6", "6-D, [0, 1]^6", t -> {
            double[] x = floats(t, 6, 0, 1);
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x[j] - HARTMANN_P[i][j];
                    inner += HARTMANN_A[i][j] * d * d;
                }
                sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }, -3.32237);
    }

    /** Rosenbrock in {@code d} dimensions on {@code [-5, 10]^d}; minimum 0 at (1, ..., 1). */
    public static BenchmarkFunction rosenbrock(int d) {
        return new BenchmarkFunction("rosenbrock" + d, d + "-D, [-5, 10]^" + d, t -> {
            double[] x = floats(t, d, -5, 10);
            double sum = 0;
            for (int i = 0; i + 1 < d; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                sum += 100 * a * a + b * b;
            }
            return sum;
        }, 0);
    }

    /** Ackley in {@code d} dimensions on {@code [-32.768, 32.768]^d}; minimum 0 at the origin. */
    public static BenchmarkFunction ackley(int d) {
        return new BenchmarkFunction("ackley" + d, d + "-D, [-32.768, 32.768]^" + d, t -> {
            double[] x = floats(t, d, -32.768, 32.768);
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        }, 0);
    }

    /** Styblinski-Tang in {@code d} dimensions on {@code [-5, 5]^d}; minimum -39.16617 d (at x_i = -2.903534). */
    public static BenchmarkFunction styblinskiTang(int d) {
        return new BenchmarkFunction("styblinski_tang" + d, d + "-D, [-5, 5]^" + d, t -> {
            double[] x = floats(t, d, -5, 5);
            double sum = 0;
            for (double v : x) {
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
        }, -39.16616570377142 * d);
    }

    /** The sphere in {@code d} dimensions on {@code [-5, 5]^d}; minimum 0 at the origin. */
    public static BenchmarkFunction sphere(int d) {
        return new BenchmarkFunction("sphere" + d, d + "-D, [-5, 5]^" + d, t -> {
            double sum = 0;
            for (double v : floats(t, d, -5, 5)) {
                sum += v * v;
            }
            return sum;
        }, 0);
    }

    /**
     * A mixed space: a float, an int, a log-scaled float and a categorical, each with its own optimum;
     * minimum 0 at x = 1, n = 7, lr = 1e-3, opt = "b".
     */
    public static BenchmarkFunction mixed() {
        return new BenchmarkFunction("mixed", "x in [-5, 5], int n in [1, 20], lr in [1e-5, 1] log, opt in {a,b,c,d}",
                t -> {
                    double x = t.suggestFloat("x", -5, 5);
                    int n = t.suggestInt("n", 1, 20);
                    double lr = t.suggestFloat("lr", 1e-5, 1, Scale.LOG);
                    String opt = t.suggestCategorical("opt", "a", "b", "c", "d");
                    double penalty = switch (opt) {
                        case "a" -> 1.0;
                        case "b" -> 0.0;
                        case "c" -> 0.5;
                        default -> 2.0;
                    };
                    double lg = Math.log10(lr) + 3;
                    return (x - 1) * (x - 1) + (n - 7) * (n - 7) / 10.0 + lg * lg + penalty;
                }, 0);
    }

    private static double[] floats(Trial t, int d, double low, double high) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = t.suggestFloat("x" + i, low, high);
        }
        return x;
    }
}
