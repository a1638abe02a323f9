package org.tunebook.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic learning curves for the pruning benchmark: trial {@code i} has a random configuration and reports a
 * validation accuracy after each of {@code epochs} epochs,
 *
 * <pre>
 *   accuracy(epoch) = a - b * exp(-c * (epoch + 1)) + noise,   noise ~ N(0, 0.01)
 * </pre>
 *
 * where, from the learning rate {@code lr} (log-uniform in [1e-5, 1e-1]), the number of layers {@code n_layers}
 * (1 to 4) and the dropout (uniform in [0, 0.5]):
 * <ul>
 *   <li>{@code a}, the accuracy the model converges to: {@code 0.95 - 0.1 (log10(lr / 1e-3))^2 - 0.03 |n_layers - 3|
 *   - 0.5 (dropout - 0.2)^2}, at least 0.15: best at lr = 1e-3, three layers, dropout 0.2;</li>
 *   <li>{@code b = a - 0.1}: every model starts near 10% (ten classes, guessing);</li>
 *   <li>{@code c}, the speed: {@code 0.5 * (lr / 1e-2)^0.5 / sqrt(n_layers)}, at most 1.5: larger learning rates
 *   learn faster and deeper models slower, so curves cross: a fast model with a lower ceiling can lead for many
 *   epochs, which is what makes early stopping a gamble.</li>
 * </ul>
 *
 * <p>Configurations and noise come from the seed alone, so the same curves can be handed to Python Optuna.
 */
public final class LearningCurves {

    private final List<Map<String, Object>> params = new ArrayList<>();
    private final List<double[]> curves = new ArrayList<>();

    private LearningCurves() {
    }

    /** {@code trials} configurations and their curves over {@code epochs} epochs. */
    public static LearningCurves generate(long seed, int trials, int epochs) {
        LearningCurves c = new LearningCurves();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < trials; i++) {
            double lr = Math.pow(10, -5 + 4 * random.nextDouble());
            int layers = 1 + random.nextInt(4);
            double dropout = 0.5 * random.nextDouble();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("lr", lr);
            p.put("n_layers", layers);
            p.put("dropout", dropout);
            c.params.add(p);
            c.curves.add(curve(lr, layers, dropout, epochs, random.split()));
        }
        return c;
    }

    static double[] curve(double lr, int layers, double dropout, int epochs, SplittableRandom noise) {
        double lrMiss = Math.log10(lr / 1e-3);
        double a = Math.max(0.15, 0.95 - 0.1 * lrMiss * lrMiss - 0.03 * Math.abs(layers - 3)
                - 0.5 * (dropout - 0.2) * (dropout - 0.2));
        double b = a - 0.1;
        double c = Math.min(1.5, 0.5 * Math.sqrt(lr / 1e-2) / Math.sqrt(layers));
        double[] curve = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            curve[e] = a - b * Math.exp(-c * (e + 1)) + 0.01 * gaussian(noise);
        }
        return curve;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The number of trials. */
    public int size() {
        return params.size();
    }

    /** Trial {@code i}'s configuration: {@code lr}, {@code n_layers}, {@code dropout}. */
    public Map<String, Object> params(int i) {
        return params.get(i);
    }

    /** Trial {@code i}'s accuracy after each epoch. */
    public double[] curve(int i) {
        return curves.get(i).clone();
    }
}
