/**
 * Hyperparameter importance: which parameters explain the objective.
 *
 * <p>{@link org.tunebook.importance.Importance} is the entry point; an
 * {@link org.tunebook.importance.ImportanceEvaluator} is the algorithm. {@link
 * org.tunebook.importance.FanovaEvaluator} (the default) fits a small random forest to the completed trials
 * and decomposes its variance (functional ANOVA); {@link org.tunebook.importance.MeanDecreaseImpurityEvaluator}
 * reads the forest's split gains; {@link org.tunebook.importance.PedAnovaEvaluator} compares where the best
 * trials lie with where all trials lie. The forests are reproducible from a seed; PED-ANOVA has no randomness.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new RandomSampler(1)).create();
 * study.optimize(t -> 10 * t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 100);
 * Importance.of(study);   // {x=0.99…, y=0.00…}
 * }</pre>
 */
package org.tunebook.importance;
