package org.tunebook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.PruningBenchmark.Row;

/** The pruning benchmark's curves and figures, and Optuna's figures on the same curves. */
class PruningBenchmarkTest {

    @Test
    void curvesFollowTheDocumentedFormulaAndDependOnlyOnTheSeed() {
        LearningCurves one = LearningCurves.generate(7, 20, 50);
        LearningCurves again = LearningCurves.generate(7, 20, 50);
        for (int i = 0; i < 20; i++) {
            assertThat(again.params(i)).isEqualTo(one.params(i));
            assertThat(again.curve(i)).containsExactly(one.curve(i));
        }
        assertThat(LearningCurves.generate(8, 20, 50).params(0)).isNotEqualTo(one.params(0));
        // lr 1e-3, 3 layers, dropout 0.2: a = 0.95, b = 0.85, c = 0.5 * sqrt(0.1) / sqrt(3)
        double[] best = LearningCurves.curve(1e-3, 3, 0.2, 50, new SplittableRandom(1));
        double c = 0.5 * Math.sqrt(0.1) / Math.sqrt(3);
        for (int e : new int[] {0, 5, 49}) {
            assertThat(best[e]).isCloseTo(0.95 - 0.85 * Math.exp(-c * (e + 1)), within(0.05));
        }
        // a far too small learning rate: low ceiling, slow
        double[] slow = LearningCurves.curve(1e-5, 1, 0.2, 50, new SplittableRandom(1));
        assertThat(slow[49]).isLessThan(0.6);
    }

    @Test
    void prunersSpendFewerEpochsThanNoPruningAndOptunaAgreesOnTheSameCurves() throws Exception {
        PruningBenchmark bench = new PruningBenchmark(40, 20, List.of(1L, 2L));
        List<Row> ours = bench.runTunebook();
        assertThat(ours).extracting(Row::pruner).containsExactly("none", "median", "successive_halving", "hyperband");
        assertThat(ours.get(0).epochs()).containsExactly(40 * 20, 40 * 20);
        for (Row r : ours.subList(1, 4)) {
            assertThat(r.meanEpochs()).as(r.pruner()).isLessThan(40 * 20 * 0.8);
            assertThat(r.meanBest()).as(r.pruner()).isGreaterThan(0.5);
        }
        List<Row> optuna = bench.runOptuna("/usr/bin/python3");
        for (int i = 0; i < ours.size(); i++) {
            // same semantics, same inputs: the same epochs and the same best value
            assertThat(ours.get(i).epochs()).as(ours.get(i).pruner()).containsExactly(optuna.get(i).epochs());
            assertThat(ours.get(i).best()).as(ours.get(i).pruner()).containsExactly(optuna.get(i).best());
        }
        String table = PruningBenchmark.table(ours, optuna);
        assertThat(table).contains("successive_halving").contains("optuna").contains("tunebook").contains("saved");
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new PruningBenchmark(0, 50, List.of(1L))).hasMessageContaining("trials >= 1");
        assertThatThrownBy(() -> new PruningBenchmark(10, 50, List.of())).hasMessageContaining("a seed");
    }
}
