package org.tunebook.importance;

import java.util.Map;

/**
 * An algorithm that scores how much each parameter explains the variation of an objective. It answers one
 * question: given these trials, how important is each parameter? Which trials and parameters to look at,
 * normalization and ordering are {@link Importance}'s job.
 *
 * <p>Implementations: {@link FanovaEvaluator} (the default), {@link MeanDecreaseImpurityEvaluator} and
 * {@link PedAnovaEvaluator}.
 */
public interface ImportanceEvaluator {

    /**
     * Scores each parameter of the input. Scores are non-negative and need not sum to 1; the result has one
     * entry per parameter of {@link ImportanceInput#space()}, in any order.
     */
    Map<String, Double> evaluate(ImportanceInput input);
}
