package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialPrunedException;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/** A study copied memory → SQLite → PostgreSQL → MariaDB → memory arrives whole at every step. */
class CopyAcrossStoragesTest {

    @TempDir
    Path dir;

    @Test
    void aStudyTravelsThroughEveryStorageUnchanged() {
        InMemoryStorage origin = new InMemoryStorage();
        Study study = Tune.study().name("travel").storage(origin).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(5)).create();
        study.setUserAttr("dataset", Map.of("rows", 1000, "name", "iris"));
        study.enqueue(Map.of("lr", 0.01));
        study.optimize(t -> {
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
            int layers = t.suggestInt("layers", 1, 4);
            String act = t.suggestCategorical("act", "relu", "tanh");
            t.setUserAttr("layers_seen", List.of(layers, act));
            t.report(lr * layers, 0);
            if (layers == 4) {
                throw new TrialPrunedException();
            }
            if (layers == 3) {
                throw new IllegalStateException("diverged");
            }
            return lr * layers;
        }, Run.trials(12));
        study.enqueue(Map.of("layers", 2));
        List<FrozenTrial> expected = study.trials();

        List<Storage> route = List.of(Storages.open("sqlite:" + dir.resolve("copy.db")),
                Storages.open(TestDatabases.freshPostgres()), Storages.open(TestDatabases.freshMariaDb()),
                new InMemoryStorage());
        Storage from = origin;
        for (Storage to : route) {
            Study copy = Tune.copy("travel", from, to, "travel");
            assertThat(copy.userAttrs()).as(to.url()).isEqualTo(study.userAttrs());
            assertThat(copy.directions()).containsExactly(Direction.MAXIMIZE);
            assertSame(copy.trials(), expected, to.url());
            from = to;
        }
        route.forEach(Storage::close);
    }

    private static void assertSame(List<FrozenTrial> actual, List<FrozenTrial> expected, String where) {
        assertThat(actual).as(where).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            FrozenTrial a = actual.get(i);
            FrozenTrial e = expected.get(i);
            String what = where + " trial " + i;
            assertThat(a.number()).as(what).isEqualTo(e.number());
            assertThat(a.state()).as(what).isEqualTo(e.state());
            assertThat(a.values()).as(what).isEqualTo(e.values());
            assertThat(a.params()).as(what).isEqualTo(e.params());
            assertThat(a.distributions()).as(what).isEqualTo(e.distributions());
            assertThat(a.intermediateValues()).as(what).isEqualTo(e.intermediateValues());
            assertThat(a.userAttrs()).as(what).isEqualTo(e.userAttrs());
            assertThat(a.systemAttrs()).as(what).isEqualTo(e.systemAttrs());
            // MySQL's DATETIME keeps whole seconds, as in Optuna's schema
            if (e.started() != null) {
                assertThat(a.started().getEpochSecond()).as(what).isBetween(e.started().getEpochSecond() - 1,
                        e.started().getEpochSecond() + 1);
            }
        }
    }
}
