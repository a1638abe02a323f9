package org.tunebook.importance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Which parameters matter: importances of a study's parameters, most important first, summing to 1.
 *
 * <pre>{@code
 * Map<String, Double> importances = Importance.of(study);              // fANOVA over every parameter
 * Importance.of(study, new MeanDecreaseImpurityEvaluator(), "lr", "layers");
 * Importance.of(moStudy, 1, new FanovaEvaluator(7));                  // second objective of a multi-objective study
 * }</pre>
 *
 * <p>As in Optuna, only COMPLETE trials count, and by default the parameters are those that every
 * completed trial has (conditional parameters are left out; name them to include them, and then only the
 * trials having all named parameters count). Trials whose target is not finite are left out. A parameter
 * whose distribution allows a single value gets importance 0 and comes last.
 */
public final class Importance {

    private Importance() {
    }

    /**
     * fANOVA importances (with {@link FanovaEvaluator#DEFAULT_SEED}) of every parameter that all completed
     * trials share, for a single-objective study.
     *
     * @throws IllegalArgumentException if the study has several objectives, fewer than two completed trials,
     *     or trials that all have the same value
     */
    public static Map<String, Double> of(Study study) {
        return of(study, new FanovaEvaluator());
    }

    /**
     * Importances of the named parameters (all shared ones if none are named) by the given evaluator, for a
     * single-objective study.
     *
     * @throws IllegalArgumentException as {@link #of(Study)}, and for a parameter no completed trial has
     */
    public static Map<String, Double> of(Study study, ImportanceEvaluator evaluator, String... params) {
        if (study.isMultiObjective()) {
            throw new IllegalArgumentException("study '" + study.name() + "' has " + study.directions().size()
                    + " objectives; say which one to explain, e.g. Importance.of(study, 0, evaluator)");
        }
        return of(study.trials(), study.direction(), evaluator, FrozenTrial::value, List.of(params));
    }

    /** Importances for objective number {@code objective} (from 0) of a study with one or more objectives. */
    public static Map<String, Double> of(Study study, int objective, ImportanceEvaluator evaluator,
            String... params) {
        List<Direction> directions = study.directions();
        if (objective < 0 || objective >= directions.size()) {
            throw new IllegalArgumentException("study '" + study.name() + "' has objectives 0 to "
                    + (directions.size() - 1) + ", not " + objective);
        }
        return of(study.trials(), directions.get(objective), evaluator, t -> t.values()[objective],
                List.of(params));
    }

    /**
     * Importances over a list of trials for any target, e.g. {@code t -> t.duration().orElseThrow().toSeconds()}.
     *
     * @param trials trials of one study (only the COMPLETE ones count)
     * @param direction whether low or high targets are good (some evaluators look at the best trials)
     * @param evaluator the algorithm
     * @param target the value to explain, computed for each completed trial
     * @param params the parameters to assess; empty for every parameter all completed trials have
     * @return parameter name to importance, most important first; the importances sum to 1 unless no
     *     parameter can vary, when they are all 0
     * @throws IllegalArgumentException if fewer than two completed trials have the parameters and a finite
     *     target, if those targets are all equal, or if a named parameter is in no completed trial
     */
    public static Map<String, Double> of(List<FrozenTrial> trials, Direction direction,
            ImportanceEvaluator evaluator, ToDoubleFunction<FrozenTrial> target, List<String> params) {
        if (evaluator == null || target == null || direction == null) {
            throw new IllegalArgumentException("importance needs an evaluator, a target and a direction");
        }
        List<FrozenTrial> completed = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        if (completed.size() < 2) {
            throw new IllegalArgumentException(tooFewTrials(trials, completed.size()));
        }
        List<String> names = params == null || params.isEmpty() ? sharedParams(completed) : checked(params, completed);
        List<FrozenTrial> usable = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : completed) {
            if (t.params().keySet().containsAll(names)) {
                double v = target.applyAsDouble(t);
                if (Double.isFinite(v)) {
                    usable.add(t);
                    values.add(v);
                }
            }
        }
        if (usable.size() < 2) {
            throw new IllegalArgumentException("only " + usable.size() + " of the " + completed.size()
                    + " completed trials have the parameters " + names + " and a finite value;"
                    + " importance needs at least two");
        }
        double first = values.get(0);
        if (values.stream().allMatch(v -> v == first)) {
            throw new IllegalArgumentException("all " + usable.size() + " trials have the same value " + first
                    + ", so no parameter explains any change in it");
        }
        Map<String, Distribution> varying = new LinkedHashMap<>();
        List<String> fixed = new ArrayList<>();
        for (String name : names) {
            Distribution merged = SpaceMerger.merge(name, usable);
            if (merged.isSingle()) {
                fixed.add(name);
            } else {
                varying.put(name, merged);
            }
        }
        Map<String, Double> raw = varying.isEmpty() ? Map.of() : evaluator.evaluate(new ImportanceInput(varying,
                usable, values.stream().mapToDouble(Double::doubleValue).toArray(), direction));
        return normalizedAndSorted(raw, varying.keySet(), fixed, evaluator);
    }

    private static String tooFewTrials(List<FrozenTrial> trials, int completed) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        StringBuilder what = new StringBuilder();
        counts.forEach((state, n) -> what.append(what.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(state == TrialState.FAIL ? "failed" : state.name().toLowerCase(java.util.Locale.ROOT)));
        String study = trials.isEmpty() ? "the study has no trials"
                : "the study has " + trials.size() + (trials.size() == 1 ? " trial: " : " trials: ") + what;
        return (completed == 0 ? "no completed trial" : "only one completed trial")
                + ": importance needs at least two (" + study + ")";
    }

    /** The parameters of every completed trial, by name. */
    private static List<String> sharedParams(List<FrozenTrial> completed) {
        Set<String> shared = new TreeSet<>(completed.get(0).params().keySet());
        completed.forEach(t -> shared.retainAll(t.params().keySet()));
        return List.copyOf(shared);
    }

    private static List<String> checked(List<String> params, List<FrozenTrial> completed) {
        Set<String> known = new TreeSet<>();
        completed.forEach(t -> known.addAll(t.params().keySet()));
        for (String p : params) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("parameter '" + p + "' is in no completed trial; the completed"
                        + " trials have " + known);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(params));
    }

    private static Map<String, Double> normalizedAndSorted(Map<String, Double> raw, Set<String> varying,
            List<String> fixed, ImportanceEvaluator evaluator) {
        double sum = 0;
        for (String name : varying) {
            Double v = raw.get(name);
            if (v == null || !(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalStateException(evaluator + " gave parameter '" + name + "' the importance " + v
                        + "; importances must be finite and non-negative");
            }
            sum += v;
        }
        double total = sum;
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (String name : varying) {
            entries.add(Map.entry(name, total > 0 ? raw.get(name) / total : 0.0));
        }
        entries.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        Map<String, Double> result = new LinkedHashMap<>();
        entries.forEach(e -> result.put(e.getKey(), e.getValue()));
        fixed.stream().sorted().forEach(name -> result.put(name, 0.0));
        return Collections.unmodifiableMap(result);
    }
}
