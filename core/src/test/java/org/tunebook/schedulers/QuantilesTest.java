package org.tunebook.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;

/** Ray Tune's quantile split of the population. */
class QuantilesTest {

    private static Map<Integer, Double> scores(double... values) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i, values[i]);
        }
        return m;
    }

    @Test
    void eachSideHoldsTheCeilingOfTheFractionCappedAtHalf() {
        Quantiles q = Quantiles.of(scores(5, 1, 7, 3, 8, 2, 6, 4), 0.25, Direction.MAXIMIZE);
        assertThat(q.bottom()).containsExactly(1, 5);
        assertThat(q.top()).containsExactly(2, 4);
        // 5 members: ceil(1.25) = 2 per side
        assertThat(Quantiles.of(scores(1, 2, 3, 4, 5), 0.25, Direction.MAXIMIZE).bottom()).containsExactly(0, 1);
        // 3 members at 0.5: ceil(1.5) = 2 is more than half, so floor(1.5) = 1
        Quantiles three = Quantiles.of(scores(1, 2, 3), 0.5, Direction.MAXIMIZE);
        assertThat(three.bottom()).containsExactly(0);
        assertThat(three.top()).containsExactly(2);
    }

    @Test
    void minimizingPutsTheLargestScoresAtTheBottom() {
        Quantiles q = Quantiles.of(scores(5, 1, 7, 3), 0.25, Direction.MINIMIZE);
        assertThat(q.bottom()).containsExactly(2);
        assertThat(q.top()).containsExactly(1);
    }

    @Test
    void oneMemberOrAZeroFractionSplitsNothing() {
        assertThat(Quantiles.of(scores(1), 0.5, Direction.MAXIMIZE).bottom()).isEmpty();
        assertThat(Quantiles.of(scores(), 0.5, Direction.MAXIMIZE).top()).isEmpty();
        Quantiles none = Quantiles.of(scores(1, 2, 3, 4), 0, Direction.MAXIMIZE);
        assertThat(none.bottom()).isEmpty();
        assertThat(none.top()).isEmpty();
    }

    @Test
    void nanIsTheWorstScoreAndTiesKeepMemberOrder() {
        Quantiles q = Quantiles.of(scores(2, Double.NaN, 2, 2), 0.25, Direction.MINIMIZE);
        assertThat(q.bottom()).containsExactly(1);
        assertThat(q.top()).containsExactly(3);
        Quantiles max = Quantiles.of(scores(2, Double.NaN, 2, 2), 0.25, Direction.MAXIMIZE);
        assertThat(max.bottom()).containsExactly(1);
    }
}
