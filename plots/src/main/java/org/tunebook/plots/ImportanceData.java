package org.tunebook.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.importance.FanovaEvaluator;
import org.tunebook.importance.Importance;
import org.tunebook.importance.ImportanceEvaluator;
import org.tunebook.importance.MeanDecreaseImpurityEvaluator;
import org.tunebook.importance.PedAnovaEvaluator;

/**
 * The bars of the importance plot, most important first, or the reason there are none (too few completed
 * trials, equal values).
 */
record ImportanceData(List<String> names, double[] importances, String problem) {

    static ImportanceData of(List<FrozenTrial> trials, List<Direction> directions, PlotOptions options) {
        Target target = Target.of(directions, options);
        Map<String, Double> map;
        try {
            map = Importance.of(trials, target.direction(), options.evaluator(), target::of, options.params());
        } catch (IllegalArgumentException e) {
            return new ImportanceData(List.of(), new double[0], capitalized(e.getMessage()));
        }
        if (map.isEmpty()) {
            return new ImportanceData(List.of(), new double[0], "No parameter is in every completed trial");
        }
        return new ImportanceData(new ArrayList<>(map.keySet()),
                map.values().stream().mapToDouble(Double::doubleValue).toArray(), null);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** A short name of the algorithm for the axis title. */
    static String algorithm(ImportanceEvaluator evaluator) {
        if (evaluator instanceof FanovaEvaluator) {
            return "fANOVA";
        }
        if (evaluator instanceof MeanDecreaseImpurityEvaluator) {
            return "mean decrease in impurity";
        }
        if (evaluator instanceof PedAnovaEvaluator) {
            return "PED-ANOVA";
        }
        return evaluator.getClass().getSimpleName();
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "Importance cannot be computed" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
