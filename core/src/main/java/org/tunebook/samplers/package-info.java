/**
 * Samplers: strategies that propose parameter values. {@link org.tunebook.samplers.RandomSampler},
 * {@link org.tunebook.samplers.GridSampler} and {@link org.tunebook.samplers.PartialFixedSampler}, behind
 * the {@link org.tunebook.samplers.Sampler} interface that model-based samplers implement too.
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new GridSampler(Map.of("depth", List.of(3, 5, 7)))).create();
 * study.optimize(t -> score(t.suggestInt("depth", 3, 7)), Run.trials(100));   // stops after 3 trials
 * }</pre>
 */
package org.tunebook.samplers;
