package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * The grid sampler. It is not put through the sampler contract: it can only propose the values of its grid,
 * not sample arbitrary ranges. Instead: every grid point exactly once, then the study stops; the same with
 * several workers; the {@code grid_id} and {@code search_space} attributes; grids from a declared
 * {@link Space}; and precise errors for grids that cannot be searched.
 */
class GridSamplerTest {

    private static final Map<String, List<?>> GRID = Map.of(
            "depth", List.of(3, 5, 7),
            "criterion", List.of("gini", "entropy"));

    private static Study study(GridSampler sampler) {
        return Tune.study().sampler(sampler).create();
    }

    private static double depthAndCriterion(Trial t) {
        return t.suggestInt("depth", 1, 10) + (t.suggestCategorical("criterion", "gini", "entropy").equals("gini") ? 0 : 1);
    }

    private static Set<List<Object>> allCombinations() {
        Set<List<Object>> all = new HashSet<>();
        for (Object depth : GRID.get("depth")) {
            for (Object criterion : GRID.get("criterion")) {
                all.add(List.of(depth, criterion));
            }
        }
        return all;
    }

    private static List<List<Object>> points(Study study, String... names) {
        List<List<Object>> points = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            List<Object> point = new ArrayList<>();
            for (String name : names) {
                point.add(t.params().get(name));
            }
            points.add(point);
        }
        return points;
    }

    @Test
    void visitsEveryPointExactlyOnceAndThenStopsTheStudy() {
        Study study = study(new GridSampler(GRID));
        study.optimize(GridSamplerTest::depthAndCriterion, Run.trials(50));

        assertThat(study.trials()).hasSize(6).allMatch(t -> t.state() == TrialState.COMPLETE);
        List<List<Object>> points = points(study, "depth", "criterion");
        assertThat(points).doesNotHaveDuplicates();
        assertThat(new HashSet<>(points)).isEqualTo(allCombinations());
    }

    @Test
    void anUnlimitedRunStopsWhenTheGridIsDone() {
        Study study = study(new GridSampler(GRID));
        study.optimize(GridSamplerTest::depthAndCriterion, Run.untilStopped());
        assertThat(study.trials()).hasSize(6);
    }

    @Test
    void aSecondRunContinuesWhereTheFirstStopped() {
        Study study = study(new GridSampler(GRID));
        study.optimize(GridSamplerTest::depthAndCriterion, Run.trials(4));
        assertThat(study.trials()).hasSize(4);
        study.optimize(GridSamplerTest::depthAndCriterion, Run.trials(10));

        List<List<Object>> points = points(study, "depth", "criterion");
        assertThat(points).hasSize(6).doesNotHaveDuplicates();
        assertThat(new HashSet<>(points)).isEqualTo(allCombinations());
    }

    @Test
    void fourWorkersShareTheGridWithoutDuplicates() {
        Map<String, List<?>> grid = Map.of(
                "a", List.of(1, 2, 3, 4, 5, 6, 7),
                "b", List.of(0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875));
        Study study = study(new GridSampler(grid, 17));
        study.optimize(t -> {
            int a = t.suggestInt("a", 1, 7);
            Thread.yield();
            return a + t.suggestFloat("b", 0, 1);
        }, Run.trials(500).jobs(4));

        assertThat(study.trials()).hasSize(56).allMatch(t -> t.state() == TrialState.COMPLETE);
        List<List<Object>> points = points(study, "a", "b");
        assertThat(points).doesNotHaveDuplicates();
        Set<List<Object>> expected = new HashSet<>();
        for (Object a : grid.get("a")) {
            for (Object b : grid.get("b")) {
                expected.add(List.of(a, b));
            }
        }
        assertThat(new HashSet<>(points)).isEqualTo(expected);
    }

    @Test
    void eachTrialRecordsItsGridIdAndTheSearchSpace() {
        GridSampler sampler = new GridSampler(GRID);
        Study study = study(sampler);
        study.optimize(GridSamplerTest::depthAndCriterion, Run.trials(6));

        Set<Long> ids = new HashSet<>();
        Map<Long, List<Object>> pointById = new LinkedHashMap<>();
        for (FrozenTrial t : study.trials()) {
            assertThat(t.systemAttrs()).containsKeys(GridSampler.GRID_ID, GridSampler.SEARCH_SPACE);
            assertThat(GridSampler.GRID_ID).isEqualTo("grid_id");
            assertThat(GridSampler.SEARCH_SPACE).isEqualTo("search_space");
            long id = ((Number) t.systemAttrs().get(GridSampler.GRID_ID)).longValue();
            ids.add(id);
            pointById.put(id, List.of(t.params().get("depth"), t.params().get("criterion")));
            assertThat(t.systemAttrs().get(GridSampler.SEARCH_SPACE)).isEqualTo(GRID);
        }
        // The ids number the grid's points: 0..size-1, each once, and one id is one point.
        assertThat(ids).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(new HashSet<>(pointById.values())).hasSize(6);
        assertThat(sampler.size()).isEqualTo(6);
    }

    @Test
    void theGridIdDeterminesThePointWhateverTheSeed() {
        Map<Long, List<Object>> byId = new LinkedHashMap<>();
        for (long seed = 0; seed < 4; seed++) {
            Study study = study(new GridSampler(GRID, seed));
            study.optimize(GridSamplerTest::depthAndCriterion, Run.trials(6));
            for (FrozenTrial t : study.trials()) {
                long id = ((Number) t.systemAttrs().get(GridSampler.GRID_ID)).longValue();
                List<Object> point = List.of(t.params().get("depth"), t.params().get("criterion"));
                List<Object> before = byId.putIfAbsent(id, point);
                if (before != null) {
                    assertThat(point).as("grid id %d with seed %d", id, seed).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void seedsShuffleTheOrderDifferentlyButEachCoversTheGrid() {
        Map<String, List<?>> grid = Map.of("x", List.of(1, 2, 3, 4), "y", List.of("a", "b", "c"));
        Set<List<List<Object>>> orders = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            Study study = study(new GridSampler(grid, seed));
            study.optimize(t -> t.suggestInt("x", 1, 4) + t.suggestCategorical("y", "a", "b", "c").length(),
                    Run.trials(100));
            List<List<Object>> order = points(study, "x", "y");
            assertThat(order).as("order with seed %d", seed).hasSize(12).doesNotHaveDuplicates();
            orders.add(order);
        }
        assertThat(orders).as("distinct visiting orders among six seeds").hasSizeGreaterThan(1);

        // ... and a seed fixes its order
        List<List<List<Object>>> sameSeed = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Study study = study(new GridSampler(grid, 5));
            study.optimize(t -> t.suggestInt("x", 1, 4) + t.suggestCategorical("y", "a", "b", "c").length(),
                    Run.trials(100));
            sameSeed.add(points(study, "x", "y"));
        }
        assertThat(sameSeed.get(1)).isEqualTo(sameSeed.get(0));
    }

    /**
     * A stored study resumed with a grid sampler of another seed (a later session, another process) finishes
     * the same grid: no point twice, none left out.
     */
    @Test
    void resumingWithAnotherSeedFinishesTheGridWithoutRepeats() {
        Map<String, List<?>> grid = Map.of("x", List.of(1, 2, 3, 4), "y", List.of("a", "b", "c"));
        String name = "grid-resume-" + System.nanoTime();
        Study first = Tune.study().name(name).sampler(new GridSampler(grid, 1)).create();
        first.optimize(t -> t.suggestInt("x", 1, 4) + t.suggestCategorical("y", "a", "b", "c").length(), Run.trials(5));
        Study resumed = Tune.study().name(name).sampler(new GridSampler(grid, 2)).load();
        resumed.optimize(t -> t.suggestInt("x", 1, 4) + t.suggestCategorical("y", "a", "b", "c").length(),
                Run.trials(100));

        List<List<Object>> points = points(resumed, "x", "y");
        assertThat(points).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void askAfterTheGridIsDoneThrowsSearchSpaceExhausted() {
        Study study = study(new GridSampler(Map.of("x", List.of(1, 2))));
        for (int i = 0; i < 2; i++) {
            Trial t = study.ask();
            study.tell(t, t.suggestInt("x", 0, 5));
        }
        assertThatThrownBy(study::ask).isInstanceOf(SearchSpaceExhaustedException.class)
                .hasMessageContaining("2 points");
        assertThat(study.trials()).hasSize(2);
        assertThat(points(study, "x")).containsExactlyInAnyOrder(List.of(1), List.of(2));
    }

    // ---- grids from a declared space ----

    @Test
    void aSpaceWithIntRangesSteppedFloatsAndChoicesMakesAGrid() {
        Space space = Space.builder()
                .intRange("n", 1, 3)
                .intRange("s", 0, 10, 5)
                .floatRange("f", 0.0, 1.0, 0.25)
                .floatRange("g", 0.0, 1.0, 0.3)     // high is lowered to 0.9
                .choice("c", "a", "b")
                .build();
        GridSampler sampler = new GridSampler(space);

        assertThat(sampler.grid().get("n")).containsExactly(1, 2, 3);
        assertThat(sampler.grid().get("s")).containsExactly(0, 5, 10);
        assertThat(sampler.grid().get("f")).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(sampler.grid().get("g")).containsExactly(0.0, 0.3, 0.6, 0.9);
        assertThat(sampler.grid().get("c")).containsExactly("a", "b");
        assertThat(sampler.size()).isEqualTo(3 * 3 * 5 * 4 * 2);

        Study study = study(sampler);
        study.optimize(space, p -> p.getInt("n") + p.getDouble("f"), Run.trials(1000));
        assertThat(study.trials()).hasSize(360).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(points(study, "n", "s", "f", "g", "c")).doesNotHaveDuplicates();
    }

    @Test
    void aContinuousFloatInTheSpaceIsRefusedByName() {
        Space space = Space.builder().intRange("n", 1, 3).floatRange("dropout", 0.0, 0.5).build();
        assertThatThrownBy(() -> new GridSampler(space)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dropout'").hasMessageContaining("continuous");
        Space logSpace = Space.builder().logFloat("lr", 1e-5, 1e-1).build();
        assertThatThrownBy(() -> new GridSampler(logSpace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'");
    }

    // ---- bad grids ----

    @Test
    void anEmptyGridIsRefused() {
        assertThatThrownBy(() -> new GridSampler(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty grid");
        assertThatThrownBy(() -> new GridSampler((Map<String, List<?>>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty grid");
        assertThatThrownBy(() -> new GridSampler(Space.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty grid");
    }

    @Test
    void aParameterWithoutValuesIsRefusedByName() {
        assertThatThrownBy(() -> new GridSampler(Map.of("depth", List.of(1), "lr", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'").hasMessageContaining("no values");
    }

    @Test
    void aValueOfAnUnsupportedTypeIsRefused() {
        assertThatThrownBy(() -> new GridSampler(Map.of("opt", List.of("sgd", new StringBuilder("adam")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'opt'").hasMessageContaining("StringBuilder");
    }

    @Test
    void aParameterNotInTheGridFailsTheTrialWithItsName() {
        Study study = study(new GridSampler(Map.of("depth", List.of(3, 5))));
        study.optimize(t -> t.suggestInt("depth", 1, 10) + t.suggestFloat("lr", 1e-3, 1e-1), Run.trials(1));

        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.failReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'lr'").contains("not in the grid").contains("depth"));

        Trial asked = study.ask();
        assertThatThrownBy(() -> asked.suggestCategorical("optimizer", "sgd", "adam"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'optimizer'");
    }

    @Test
    void aGridValueOutsideTheSuggestedRangeIsUsedAnyway() {
        Study study = study(new GridSampler(Map.of("k", List.of(50))));
        study.optimize(t -> t.suggestInt("k", 0, 10), Run.trials(5));
        assertThat(study.trials()).hasSize(1);
        assertThat(study.trials().get(0).params()).containsEntry("k", 50);
    }

    @Test
    void numbersInTheGridTakeTheTypeOfTheSuggestion() {
        Study study = study(new GridSampler(Map.of("x", List.of(1, 2), "k", List.of(4.0))));
        study.optimize(t -> t.suggestFloat("x", 0, 3) + t.suggestInt("k", 0, 5), Run.trials(5));
        for (FrozenTrial t : study.trials()) {
            assertThat(t.params().get("x")).isInstanceOf(Double.class);
            assertThat(t.params().get("k")).isEqualTo(4);
        }
        assertThat(points(study, "x")).containsExactlyInAnyOrder(List.of(1.0), List.of(2.0));
    }

    @Test
    void aSinglePointGridRunsOneTrial() {
        Study study = study(new GridSampler(Map.of("x", List.of("only"))));
        study.optimize(t -> t.suggestCategorical("x", "only", "other").length(), Run.trials(10).jobs(3));
        assertThat(study.trials()).hasSize(1);
        assertThat(study.trials().get(0).params()).containsEntry("x", "only");
    }
}
