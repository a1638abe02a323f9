package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** Children of every built-in crossover, made directly from a hand-made parent population. */
class NsgaOffspringTest {

    private static final List<Direction> TWO = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
    private static final Map<String, Distribution> SPACE = Map.of(
            "f", new FloatDistribution(-1, 1),
            "lr", new FloatDistribution(1e-5, 1e-1, true, null),
            "s", new FloatDistribution(0, 1, false, 0.1),
            "i", new IntDistribution(-3, 9),
            "il", new IntDistribution(1, 1000, true, 1),
            "c", new CategoricalDistribution(List.of("x", "y", "z")));

    /** Eight COMPLETE trials spread over the space, on one front (f1 + f2 constant). */
    private static List<FrozenTrial> population() {
        SplittableRandom rng = new SplittableRandom(1);
        List<FrozenTrial> population = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            FrozenTrial.Builder b = FrozenTrial.builder().number(n).id(n).state(TrialState.COMPLETE)
                    .values(n, 8 - n);
            SPACE.forEach((name, d) -> b.param(name, d.toExternal(RandomSampler.sample(d, rng)), d));
            population.add(b.build());
        }
        return population;
    }

    private static List<NsgaOffspring.Child> children(Crossover crossover, int count) {
        NsgaOffspring offspring = new NsgaOffspring(crossover, 1.0, 0.5, 0.0, false);
        List<FrozenTrial> population = population();
        List<NsgaOffspring.Child> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(offspring.make(population, TWO, new SplittableRandom(i)));
        }
        return children;
    }

    @Test
    void everyCrossoverGivesValuesInsideEveryKindOfDistribution() {
        for (Crossover crossover : List.of(Crossover.uniform(0.5), Crossover.sbx(), Crossover.sbx(0.5),
                Crossover.blxAlpha(0.5), Crossover.blxAlpha(3), Crossover.spx())) {
            for (NsgaOffspring.Child child : children(crossover, 300)) {
                assertThat(child.parents()).as("%s", crossover).hasSize(crossover.parents()).doesNotHaveDuplicates();
                assertThat(child.values().keySet()).as("%s", crossover).isEqualTo(SPACE.keySet());
                child.values().forEach((name, v) -> assertThat(SPACE.get(name).contains(v))
                        .as("%s of %s: %s in %s", name, crossover, v, SPACE.get(name)).isTrue());
            }
        }
    }

    @Test
    void categoricalParametersComeFromTheFirstOrTheLastParentWhateverTheCrossover() {
        List<FrozenTrial> population = population();
        for (NsgaOffspring.Child child : children(Crossover.spx(), 100)) {
            double first = population.get(child.parents().get(0)).internalParam("c");
            double last = population.get(child.parents().get(2)).internalParam("c");
            assertThat(child.values().get("c")).isIn(first, last);
        }
    }

    @Test
    void blxAlphaExploresBeyondItsParentsAndSbxStaysCloseToThem() {
        List<FrozenTrial> population = population();
        int beyond = 0;
        double sbxDistance = 0;
        double blxDistance = 0;
        List<NsgaOffspring.Child> blx = children(Crossover.blxAlpha(0.5), 400);
        List<NsgaOffspring.Child> sbx = children(Crossover.sbx(), 400); // eta 20 with two objectives
        for (int i = 0; i < 400; i++) {
            double a = population.get(blx.get(i).parents().get(0)).internalParam("f");
            double b = population.get(blx.get(i).parents().get(1)).internalParam("f");
            double v = blx.get(i).values().get("f");
            if (v < Math.min(a, b) || v > Math.max(a, b)) {
                beyond++;
            }
            blxDistance += Math.min(Math.abs(v - a), Math.abs(v - b));
            double sa = population.get(sbx.get(i).parents().get(0)).internalParam("f");
            double sb = population.get(sbx.get(i).parents().get(1)).internalParam("f");
            double sv = sbx.get(i).values().get("f");
            sbxDistance += Math.min(Math.abs(sv - sa), Math.abs(sv - sb));
        }
        // BLX-0.5 draws from an interval twice the parents' span: half of it lies outside them
        assertThat(beyond).as("BLX-alpha children outside their parents' interval").isBetween(100, 300);
        assertThat(sbxDistance).as("SBX's distance to the nearer parent vs BLX's %s", blxDistance)
                .isLessThan(blxDistance / 3);
    }

    @Test
    void tournamentsPreferDominatingMembers() {
        // trial 0 dominates everyone; it wins every tournament it enters, so it is a parent far more often
        List<FrozenTrial> population = new ArrayList<>();
        Distribution d = new FloatDistribution(0, 1);
        for (int n = 0; n < 10; n++) {
            population.add(FrozenTrial.builder().number(n).id(n).state(TrialState.COMPLETE)
                    .values(n == 0 ? -1 : n, n == 0 ? -1 : 10 - n).param("x", n / 10.0, d).build());
        }
        NsgaOffspring offspring = new NsgaOffspring(Crossover.uniform(0.5), 1.0, 0.5, 0.0, false);
        int zero = 0;
        for (int i = 0; i < 1000; i++) {
            if (offspring.make(population, TWO, new SplittableRandom(i)).parents().contains(0)) {
                zero++;
            }
        }
        // a member enters a tournament with probability 1 - (9/10)^2 = 0.19 (first parent); uniform picking
        // would give it about 0.2 of the children, tournaments about 0.36
        assertThat(zero).as("children with trial 0 as a parent, of 1000").isBetween(300, 420);
    }
}
