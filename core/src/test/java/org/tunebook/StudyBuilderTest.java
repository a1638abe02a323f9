package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.pruners.NopPruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.DuplicateStudyException;
import org.tunebook.storage.InMemoryStorage;
import org.tunebook.storage.NoSuchStudyException;
import org.tunebook.storage.StorageException;
import org.tunebook.storage.Storages;

class StudyBuilderTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void defaultsAreAGeneratedNameTheSharedMemoryStorageMinimizeRandomSamplerAndNoPruning() {
        Study study = Tune.study().create();
        assertThat(study.name()).isNotBlank();
        assertThat(study.storage()).isSameAs(Storages.memory());
        assertThat(study.directions()).containsExactly(Direction.MINIMIZE);
        assertThat(study.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(study.isMultiObjective()).isFalse();
        assertThat(study.sampler()).isInstanceOf(RandomSampler.class);
        assertThat(study.pruner()).isInstanceOf(NopPruner.class);
        assertThat(study.trials()).isEmpty();
        assertThat(Storages.memory().findStudy(study.name())).contains(study.id());
    }

    @Test
    void generatedNamesAreDistinct() {
        Study a = Tune.study().create();
        Study b = Tune.study().create();
        assertThat(a.name()).isNotEqualTo(b.name());
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void settingsAreApplied() {
        InMemoryStorage storage = new InMemoryStorage();
        RandomSampler sampler = new RandomSampler(7);
        MedianPruner pruner = new MedianPruner();
        Study study = Tune.study().name("rf").storage(storage).direction(Direction.MAXIMIZE).sampler(sampler)
                .pruner(pruner).create();
        assertThat(study.name()).isEqualTo("rf");
        assertThat(study.storage()).isSameAs(storage);
        assertThat(study.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(study.sampler()).isSameAs(sampler);
        assertThat(study.pruner()).isSameAs(pruner);
        assertThat(storage.studyNames()).containsExactly("rf");
        assertThat(storage.studyDirections(study.id())).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void storageMemoryUrlIsTheSharedStorage() {
        String name = unique("shared");
        Study study = Tune.study().name(name).storage("memory").create();
        assertThat(study.storage()).isSameAs(Storages.memory());
        assertThat(Tune.load(name).id()).isEqualTo(study.id());
        assertThat(Tune.load(name, "memory").id()).isEqualTo(study.id());
    }

    @Test
    void severalDirectionsMakeAMultiObjectiveStudy() {
        Study study = Tune.study().storage(new InMemoryStorage())
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE).create();
        assertThat(study.directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(study.isMultiObjective()).isTrue();
        assertThatThrownBy(study::direction).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 objectives").hasMessageContaining("directions()");
    }

    @Test
    void settingsAreValidatedAtOnce() {
        assertThatThrownBy(() -> Tune.study().name("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Tune.study().name("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tune.study().directions()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one direction");
        assertThatThrownBy(() -> Tune.study().directions(Direction.MINIMIZE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> Tune.study().sampler(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampler");
        assertThatThrownBy(() -> Tune.study().pruner(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pruner");
        assertThatThrownBy(() -> Tune.study().storage((org.tunebook.storage.Storage) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage");
    }

    @Test
    void duplicateNameWithoutLoadIfExistsIsRefusedWithAHelpfulMessage() {
        InMemoryStorage storage = new InMemoryStorage();
        Tune.study().name("dup").storage(storage).create();
        assertThatThrownBy(() -> Tune.study().name("dup").storage(storage).create())
                .isInstanceOf(DuplicateStudyException.class)
                .hasMessageContaining("'dup'")
                .hasMessageContaining("already exists")
                .hasMessageContaining("loadIfExists");
        assertThat(storage.studyNames()).containsExactly("dup");
    }

    @Test
    void loadIfExistsContinuesTheSameTrials() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Tune.study().name("resume").storage(storage).direction(Direction.MAXIMIZE).create();
        first.optimize(t -> t.suggestFloat("x", 0, 1), 3);

        Study again = Tune.study().name("resume").storage(storage).direction(Direction.MAXIMIZE)
                .loadIfExists(true).create();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.trials()).hasSize(3);
        again.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        assertThat(first.trials()).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(storage.studyNames()).containsExactly("resume");
    }

    @Test
    void loadIfExistsCreatesTheStudyWhenItIsMissing() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Tune.study().name("fresh").storage(storage).loadIfExists(true).create();
        assertThat(storage.studyNames()).containsExactly("fresh");
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void loadIfExistsRefusesOtherDirectionsWithAClearMessage() {
        InMemoryStorage storage = new InMemoryStorage();
        Tune.study().name("dirs").storage(storage).direction(Direction.MAXIMIZE).create();
        assertThatThrownBy(() -> Tune.study().name("dirs").storage(storage).direction(Direction.MINIMIZE)
                .loadIfExists(true).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dirs'")
                .hasMessageContaining("MAXIMIZE")
                .hasMessageContaining("MINIMIZE");
        assertThatThrownBy(() -> Tune.study().name("dirs").storage(storage)
                .directions(Direction.MAXIMIZE, Direction.MAXIMIZE).loadIfExists(true).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directions");
        // nothing was changed by the refused attempts
        assertThat(storage.studyDirections(storage.findStudy("dirs").orElseThrow())).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void loadIfExistsWithoutGivenDirectionsTakesTheStoredOnes() {
        InMemoryStorage storage = new InMemoryStorage();
        Tune.study().name("max").storage(storage).direction(Direction.MAXIMIZE).create();
        Study again = Tune.study().name("max").storage(storage).loadIfExists(true).create();
        assertThat(again.directions()).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void loadUsesTheStoredDirections() {
        InMemoryStorage storage = new InMemoryStorage();
        Tune.study().name("mo").storage(storage).directions(Direction.MAXIMIZE, Direction.MINIMIZE).create();
        Study loaded = Tune.study().name("mo").storage(storage).load();
        assertThat(loaded.directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
    }

    @Test
    void loadNeedsAName() {
        assertThatThrownBy(() -> Tune.study().storage(new InMemoryStorage()).load())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void loadOfAnUnknownStudyListsTheExistingOnes() {
        InMemoryStorage storage = new InMemoryStorage();
        assertThatThrownBy(() -> Tune.study().name("ghost").storage(storage).load())
                .isInstanceOf(NoSuchStudyException.class)
                .hasMessageContaining("'ghost'")
                .hasMessageContaining("holds no studies");
        Tune.study().name("alpha").storage(storage).create();
        Tune.study().name("beta").storage(storage).create();
        assertThatThrownBy(() -> Tune.study().name("ghost").storage(storage).load())
                .isInstanceOf(NoSuchStudyException.class)
                .hasMessageContaining("'ghost'")
                .hasMessageContaining("alpha")
                .hasMessageContaining("beta");
    }

    @Test
    void anUnreachableDatabaseServerGivesAClearErrorWithoutThePassword() {
        // nothing listens on port 1: the connection is refused at once
        assertThatThrownBy(() -> Tune.study().storage("jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=secret"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("127.0.0.1:1/nowhere")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aSqliteUrlKeepsTheStudyInAFile(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("builder.db");
        Study study = Tune.study().name("on-disk").storage(url).direction(Direction.MAXIMIZE).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        assertThat(Files.exists(dir.resolve("builder.db"))).isTrue();
        Study loaded = Tune.load("on-disk", url);
        assertThat(loaded.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(loaded.trials()).hasSize(3);
        assertThat(loaded.bestValue()).isEqualTo(study.bestValue());
    }

    @Test
    void unknownStorageUrlsAreRefusedWithTheKnownForms() {
        assertThatThrownBy(() -> Tune.study().storage("redis://localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://localhost")
                .hasMessageContaining("memory")
                .hasMessageContaining("sqlite:");
    }

    @Test
    void toStringNamesTheStudy() {
        Study study = Tune.study().name("shown").storage(new InMemoryStorage()).create();
        assertThat(study.toString()).contains("shown").contains("0 trials");
    }
}
