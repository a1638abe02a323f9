package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.samplers.NsgaRanking.Member;

/** Non-dominated sorting, crowding distance and elitist selection on hand-made populations. */
class NsgaRankingTest {

    private static Member m(int number, double... loss) {
        return new Member(number, loss, 0);
    }

    private static Member c(int number, double violation, double... loss) {
        return new Member(number, loss, violation);
    }

    private static List<List<Integer>> numbers(List<List<Member>> fronts) {
        return fronts.stream().map(f -> f.stream().map(Member::number).toList()).toList();
    }

    @Test
    void frontsAreTheNonDominatedLayersBestFirstInTrialOrder() {
        List<Member> population = List.of(
                m(5, 6, 7),     // dominated by 3 and 4: third front
                m(3, 2, 6),     // dominated by 0 (1, 5) and 1 (2, 3)
                m(0, 1, 5),
                m(4, 5, 2),     // dominated by 2 (4, 1) only
                m(1, 2, 3),
                m(2, 4, 1),
                m(6, 1, 5));    // equal to 0: neither dominates the other
        assertThat(numbers(NsgaRanking.fronts(population, false)))
                .containsExactly(List.of(0, 1, 2, 6), List.of(3, 4), List.of(5));
    }

    @Test
    void oneObjectiveGivesOneFrontPerDistinctValue() {
        List<Member> population = List.of(m(0, 3), m(1, 1), m(2, 2), m(3, 1));
        assertThat(numbers(NsgaRanking.fronts(population, false)))
                .containsExactly(List.of(1, 3), List.of(2), List.of(0));
    }

    @Test
    void crowdingDistanceSumsTheNormalizedGapsBetweenNeighbours() {
        List<Member> front = List.of(m(0, 1, 5), m(1, 2, 3), m(2, 4, 1), m(3, 3, 2));
        double[] d = NsgaRanking.crowding(front);
        // objective 0: 1, 2, 3, 4 (range 3); objective 1: 1, 2, 3, 5 (range 4); the extremes are infinitely far
        assertThat(d[0]).isInfinite();
        assertThat(d[2]).isInfinite();
        assertThat(d[1]).isCloseTo((3 - 1) / 3.0 + (5 - 2) / 4.0, within(1e-12));
        assertThat(d[3]).isCloseTo((4 - 2) / 3.0 + (3 - 1) / 4.0, within(1e-12));
    }

    @Test
    void anObjectiveWhereAllAgreeAddsNothingAndInfiniteValuesGiveNoNaN() {
        double[] d = NsgaRanking.crowding(List.of(m(0, 7, 1), m(1, 7, 2), m(2, 7, 4)));
        assertThat(d[0]).isInfinite();
        assertThat(d[1]).isCloseTo((4 - 1) / 3.0, within(1e-12));
        assertThat(d[2]).isInfinite();

        double[] inf = NsgaRanking.crowding(List.of(m(0, 0, 3), m(1, 1, 2), m(2, Double.POSITIVE_INFINITY, 1),
                m(3, Double.POSITIVE_INFINITY, 0)));
        for (double v : inf) {
            assertThat(v).isNotNaN();
        }
        assertThat(NsgaRanking.crowding(List.of())).isEmpty();
        assertThat(NsgaRanking.crowding(List.of(m(0, 1, 1)))).containsExactly(0.0);
    }

    @Test
    void theEliteTakesWholeFrontsThenTheLeastCrowdedOfTheNext() {
        List<Member> pool = List.of(
                m(0, 0, 0),                           // first front on its own
                m(1, 1, 4), m(2, 2, 2.9), m(3, 4, 1), // second front: 1 and 3 are its extremes
                m(4, 5, 5));                          // third front
        assertThat(NsgaRanking.elite(pool, 3, false).stream().map(Member::number)).containsExactly(0, 1, 3);
        assertThat(NsgaRanking.elite(pool, 4, false).stream().map(Member::number)).containsExactly(0, 1, 2, 3);
        // two extremes tie at infinite distance: the earlier trial wins
        assertThat(NsgaRanking.elite(pool, 2, false).stream().map(Member::number)).containsExactly(0, 1);
        assertThat(NsgaRanking.elite(pool, 5, false)).hasSize(5);
    }

    @Test
    void constrainedDominationPutsFeasibleFirstThenLessViolationThenTrialsWithoutValues() {
        double none = Double.POSITIVE_INFINITY;
        Member feasibleBad = c(0, 0, 10, 10);
        Member feasibleGood = c(1, 0, 1, 1);
        Member slightlyInfeasible = c(2, 0.5, -100, -100);
        Member veryInfeasible = c(3, 7, -200, -200);
        Member unknown = c(4, none, -300, -300);
        Member unknownWorse = c(5, none, -250, -250);

        assertThat(NsgaRanking.dominates(feasibleBad, slightlyInfeasible, true)).isTrue();
        assertThat(NsgaRanking.dominates(slightlyInfeasible, feasibleBad, true)).isFalse();
        assertThat(NsgaRanking.dominates(slightlyInfeasible, veryInfeasible, true)).isTrue();
        assertThat(NsgaRanking.dominates(veryInfeasible, unknown, true)).isTrue();
        assertThat(NsgaRanking.dominates(feasibleGood, feasibleBad, true)).isTrue();
        assertThat(NsgaRanking.dominates(feasibleBad, feasibleGood, true)).isFalse();
        assertThat(NsgaRanking.dominates(unknown, unknownWorse, true)).isTrue(); // neither has values: by objectives
        // without constraints, objectives alone decide
        assertThat(NsgaRanking.dominates(slightlyInfeasible, feasibleBad, false)).isTrue();

        List<Member> pool = List.of(unknownWorse, veryInfeasible, feasibleBad, unknown, slightlyInfeasible,
                feasibleGood);
        assertThat(numbers(NsgaRanking.fronts(pool, true)))
                .containsExactly(List.of(1), List.of(0), List.of(2), List.of(3), List.of(4), List.of(5));
        assertThat(NsgaRanking.elite(pool, 2, true).stream().map(Member::number)).containsExactly(1, 0);
        assertThat(NsgaRanking.elite(pool, 2, false).stream().map(Member::number)).containsExactly(4, 5);
    }

    @Test
    void infeasibleTrialsOfEqualViolationDoNotDominateEachOther() {
        Member a = c(0, 2, 1, 1);
        Member b = c(1, 2, 5, 5);
        assertThat(NsgaRanking.dominates(a, b, true)).isFalse();
        assertThat(NsgaRanking.dominates(b, a, true)).isFalse();
    }
}
