/**
 * Benchmarks for samplers, as a library the {@code tunebook bench} command and tests call: standard test
 * functions ({@link org.tunebook.bench.BenchmarkFunctions}), the quality of the values samplers find over
 * seeds ({@link org.tunebook.bench.QualityBenchmark}, median and interquartile range), and the cost per
 * trial in a large study ({@link org.tunebook.bench.SamplerOverhead}). Nothing here asserts times.
 *
 * <pre>{@code
 * QualityBenchmark.run(SamplerBenchmarks.samplers(), List.of(BenchmarkFunctions.branin()), new int[] {100},
 *         QualityBenchmark.seeds(10), null).forEach(System.out::println);
 * System.out.println(SamplerOverhead.measure("tpe", TpeSampler::new, 1000, 100, 5));
 * }</pre>
 */
package org.tunebook.bench;
