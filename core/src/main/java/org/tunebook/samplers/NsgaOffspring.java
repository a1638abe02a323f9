package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;

/**
 * Makes one child from a parent population, as Optuna's NSGA-II does: with probability {@code crossoverProb}
 * parents are picked by binary tournaments (of two random members, the one that dominates the other wins, else
 * the second) and crossed, otherwise one random member is copied; then each parameter is mutated with
 * probability {@code mutationProb} (by default 1 / the number of parameters), which here means leaving it out,
 * so that the trial samples it at random.
 *
 * <p>The child covers the parameters every parent has, with the same distribution; others (conditional
 * parameters, changed ranges) are left to random sampling. Numeric parameters are crossed in normalized
 * coordinates (see {@link Crossover}); categorical ones uniformly, from the first or the last parent.
 */
final class NsgaOffspring {

    private static final int ATTEMPTS = 100;

    /**
     * A child.
     *
     * @param parents the trial numbers of its parents (one, if it was copied)
     * @param space the distributions of the parameters it has values for
     * @param values the internal values of the parameters that were not mutated
     */
    record Child(List<Integer> parents, Map<String, Distribution> space, Map<String, Double> values) {
    }

    private final Crossover crossover;
    private final double crossoverProb;
    private final double swappingProb;
    private final double mutationProb; // NaN: 1 / number of parameters
    private final boolean constrained;

    NsgaOffspring(Crossover crossover, double crossoverProb, double swappingProb, double mutationProb,
            boolean constrained) {
        this.crossover = crossover;
        this.crossoverProb = crossoverProb;
        this.swappingProb = swappingProb;
        this.mutationProb = mutationProb;
        this.constrained = constrained;
    }

    /** A child of {@code population} (COMPLETE trials, at least {@code crossover.parents()} of them). */
    Child make(List<FrozenTrial> population, List<Direction> directions, SplittableRandom rng) {
        boolean cross = rng.nextDouble() < crossoverProb;
        List<FrozenTrial> parents = new ArrayList<>();
        if (cross) {
            for (int i = 0; i < crossover.parents(); i++) {
                parents.add(tournament(population, parents, directions, rng));
            }
        } else {
            parents.add(population.get(rng.nextInt(population.size())));
        }
        Map<String, Distribution> space = sharedSpace(parents);
        Map<String, Double> values = cross ? crossed(parents, space, directions.size(), rng) : copied(parents.get(0),
                space);
        double p = Double.isNaN(mutationProb) ? 1.0 / Math.max(1, space.size()) : mutationProb;
        Map<String, Double> kept = new LinkedHashMap<>();
        Map<String, Distribution> keptSpace = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            if (rng.nextDouble() >= p) {
                kept.put(e.getKey(), values.get(e.getKey()));
                keptSpace.put(e.getKey(), e.getValue());
            }
        }
        return new Child(parents.stream().map(FrozenTrial::number).toList(), keptSpace, kept);
    }

    /** Binary tournament among the members not chosen yet. */
    private FrozenTrial tournament(List<FrozenTrial> population, List<FrozenTrial> chosen, List<Direction> directions,
            SplittableRandom rng) {
        List<FrozenTrial> candidates = new ArrayList<>(population);
        candidates.removeAll(chosen);
        FrozenTrial a = candidates.get(rng.nextInt(candidates.size()));
        FrozenTrial b = candidates.get(rng.nextInt(candidates.size()));
        return NsgaRanking.dominates(NsgaGenerations.member(a, directions, constrained),
                NsgaGenerations.member(b, directions, constrained), constrained) ? a : b;
    }

    /** The parameters all parents have with equal, not single-valued, distributions, by name. */
    private static Map<String, Distribution> sharedSpace(List<FrozenTrial> parents) {
        Map<String, Distribution> space = new TreeMap<>();
        parents.get(0).distributions().forEach((name, d) -> {
            if (d.isSingle()) {
                return;
            }
            for (FrozenTrial p : parents) {
                if (!d.equals(p.distributions().get(name))) {
                    return;
                }
            }
            space.put(name, d);
        });
        return space;
    }

    private static Map<String, Double> copied(FrozenTrial parent, Map<String, Distribution> space) {
        Map<String, Double> values = new TreeMap<>();
        space.keySet().forEach(name -> values.put(name, parent.internalParam(name)));
        return values;
    }

    private Map<String, Double> crossed(List<FrozenTrial> parents, Map<String, Distribution> space, int objectives,
            SplittableRandom rng) {
        Map<String, Double> values = new TreeMap<>();
        List<String> numeric = new ArrayList<>();
        FrozenTrial first = parents.get(0);
        FrozenTrial last = parents.get(parents.size() - 1);
        space.forEach((name, d) -> {
            if (d instanceof CategoricalDistribution) {
                values.put(name, (rng.nextDouble() < swappingProb ? last : first).internalParam(name));
            } else {
                numeric.add(name);
            }
        });
        if (numeric.isEmpty()) {
            return values;
        }
        int n = numeric.size();
        ParzenSpace[] spaces = new ParzenSpace[n];
        boolean[] continuous = new boolean[n];
        double[][] coordinates = new double[parents.size()][n];
        for (int k = 0; k < n; k++) {
            Distribution d = space.get(numeric.get(k));
            spaces[k] = ParzenSpace.of(d);
            continuous[k] = d instanceof FloatDistribution f && f.step() == null;
            for (int i = 0; i < parents.size(); i++) {
                double model = spaces[k].toModel(parents.get(i).internalParam(numeric.get(k)));
                coordinates[i][k] = (model - spaces[k].low) / (spaces[k].high - spaces[k].low);
            }
        }
        double[] child = null;
        for (int attempt = 0; attempt < ATTEMPTS && child == null; attempt++) {
            double[] c = crossover.cross(copy(coordinates), objectives, rng);
            if (c == null || c.length != n) {
                throw new IllegalStateException("crossover " + crossover + " returned " + (c == null ? "null"
                        : c.length + " coordinates") + " for parents with " + n + "; it must return one per parameter");
            }
            if (inside(c, continuous) || attempt == ATTEMPTS - 1) {
                child = c;
            }
        }
        for (int k = 0; k < n; k++) {
            values.put(numeric.get(k), internal(child[k], k, spaces[k], coordinates, parents, numeric.get(k)));
        }
        return values;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Whether every continuous coordinate lies in [0, 1] (discrete ones are clamped onto their grid). */
    private static boolean inside(double[] c, boolean[] continuous) {
        for (int k = 0; k < c.length; k++) {
            if (Double.isNaN(c[k]) || (continuous[k] && (c[k] < 0 || c[k] > 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The internal value at a child's coordinate: a parent's own value when the crossover took it unchanged
     * (so no rounding creeps in through logarithms), else the coordinate mapped back into the range.
     */
    private static double internal(double u, int k, ParzenSpace space, double[][] coordinates,
            List<FrozenTrial> parents, String name) {
        for (int i = 0; i < coordinates.length; i++) {
            if (coordinates[i][k] == u) {
                return parents.get(i).internalParam(name);
            }
        }
        if (Double.isNaN(u)) {
            return parents.get(0).internalParam(name);
        }
        double clamped = Math.min(1, Math.max(0, u));
        return space.toInternal(space.low + clamped * (space.high - space.low));
    }
}
