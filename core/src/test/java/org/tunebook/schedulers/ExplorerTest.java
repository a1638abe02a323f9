package org.tunebook.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;
import org.tunebook.schedulers.Explorer.Mutation;

/** Ray Tune's explore rules on tunebook's distributions. */
class ExplorerTest {

    private static final Map<String, Distribution> SPACE = Map.of(
            "lr", new FloatDistribution(1e-4, 1.0, true, null),
            "dropout", new FloatDistribution(0.0, 0.5, false, 0.05),
            "batch", new IntDistribution(8, 256, false, 1),
            "act", new CategoricalDistribution(List.of("relu", "tanh", "gelu")),
            "layers", new IntDistribution(1, 4, false, 1));

    private static Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lr", 0.01);
        c.put("dropout", 0.25);
        c.put("batch", 64);
        c.put("act", "tanh");
        c.put("layers", 3);
        return c;
    }

    private static Explorer explorer(double resample, String... names) {
        return new Explorer(java.util.Arrays.stream(names).map(n -> new Mutation(n, null)).toList(), resample,
                new double[] {1.2, 0.8}, null);
    }

    @Test
    void withoutResamplingNumbersAreMultipliedByAFactorAndIntegersTruncated() {
        Explorer e = explorer(0, "lr", "batch");
        Set<Object> lrs = new HashSet<>();
        Set<Object> batches = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Explorer.Result r = e.explore(config(), SPACE, new SplittableRandom(i));
            lrs.add(r.params().get("lr"));
            batches.add(r.params().get("batch"));
            assertThat(r.operations().get("lr")).isIn("* 1.2", "* 0.8");
            assertThat(r.params()).containsEntry("act", "tanh").containsEntry("layers", 3);
        }
        assertThat(lrs).containsExactlyInAnyOrder(0.01 * 1.2, 0.01 * 0.8);
        // 64 * 1.2 = 76.8 and 64 * 0.8 = 51.2, truncated as Ray's int() does
        assertThat(batches).containsExactlyInAnyOrder(76, 51);
    }

    @Test
    void perturbedNumbersStayInTheirRangeAndOnTheirGrid() {
        Map<String, Object> atEdges = config();
        atEdges.put("lr", 1.0);
        atEdges.put("dropout", 0.45);
        atEdges.put("layers", 4);
        Explorer e = explorer(0, "lr", "dropout", "layers");
        for (int i = 0; i < 50; i++) {
            Map<String, Object> p = e.explore(atEdges, SPACE, new SplittableRandom(i)).params();
            assertThat((Double) p.get("lr")).isIn(1.0, 0.8);
            // 0.45 * 1.2 = 0.54 is clipped to 0.5; 0.45 * 0.8 = 0.36 lies on the 0.05 grid at 0.35
            assertThat((Double) p.get("dropout")).isIn(0.5, 0.35);
            assertThat((Integer) p.get("layers")).isIn(4, 3);
        }
    }

    @Test
    void categoricalValuesMoveToANeighbourOrStayAtAnEdge() {
        Explorer e = explorer(0, "act");
        Set<Object> fromMiddle = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Explorer.Result r = e.explore(config(), SPACE, new SplittableRandom(i));
            fromMiddle.add(r.params().get("act") + " " + r.operations().get("act"));
        }
        assertThat(fromMiddle).containsExactlyInAnyOrder("relu shift left", "gelu shift right");
        Map<String, Object> edge = config();
        edge.put("act", "relu");
        Set<Object> fromEdge = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Explorer.Result r = e.explore(edge, SPACE, new SplittableRandom(i));
            fromEdge.add(r.params().get("act") + " " + r.operations().get("act"));
        }
        assertThat(fromEdge).containsExactlyInAnyOrder("relu shift left (noop)", "tanh shift right");
    }

    @Test
    void resamplingDrawsFromTheSuggestedDistributionOrTheOneGiven() {
        Explorer e = explorer(1, "lr", "dropout", "batch", "act");
        int below = 0;
        for (int i = 0; i < 400; i++) {
            Explorer.Result r = e.explore(config(), SPACE, new SplittableRandom(i));
            assertThat(r.operations()).containsOnlyKeys("lr", "dropout", "batch", "act")
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo("resample"));
            double lr = (Double) r.params().get("lr");
            assertThat(lr).isBetween(1e-4, 1.0);
            below += lr < 1e-2 ? 1 : 0; // log-uniform: half the draws below the geometric middle 1e-2
            assertThat(Math.round((Double) r.params().get("dropout") / 0.05) * 0.05)
                    .isCloseTo((Double) r.params().get("dropout"), org.assertj.core.api.Assertions.within(1e-9));
            assertThat((Integer) r.params().get("batch")).isBetween(8, 256);
        }
        assertThat(below).isBetween(150, 250);
        Explorer narrow = new Explorer(List.of(new Mutation("lr", new FloatDistribution(0.5, 0.6))), 1,
                new double[] {1.2, 0.8}, null);
        for (int i = 0; i < 20; i++) {
            assertThat((Double) narrow.explore(config(), SPACE, new SplittableRandom(i)).params().get("lr"))
                    .isBetween(0.5, 0.6);
        }
    }

    @Test
    void theCustomExploreFunctionRunsLastAndUnknownNamesFail() {
        Explorer custom = new Explorer(List.of(new Mutation("lr", null)), 0, new double[] {2}, c -> {
            c.put("layers", 1);
            return c;
        });
        Map<String, Object> p = custom.explore(config(), SPACE, new SplittableRandom(1)).params();
        assertThat(p).containsEntry("lr", 0.02).containsEntry("layers", 1);
        assertThatThrownBy(() -> explorer(0, "momentum").explore(config(), SPACE, new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'momentum'")
                .hasMessageContaining("never suggested");
        Explorer returnsNull = new Explorer(List.of(), 0, new double[] {2}, c -> null);
        assertThatThrownBy(() -> returnsNull.explore(config(), SPACE, new SplittableRandom(1)))
                .hasMessageContaining("returned null");
    }
}
