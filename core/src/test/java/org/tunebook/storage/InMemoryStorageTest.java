package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;

/** The in-memory storage passes the storage contract. */
class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage create() {
        return new InMemoryStorage();
    }

    @Test
    void eachInstanceIsSeparateAndMemoryIsShared() {
        int id = storage.createStudy("private", List.of(Direction.MINIMIZE));
        assertThat(new InMemoryStorage().findStudy("private")).isEmpty();
        assertThat(storage.findStudy("private")).contains(id);
        assertThat(Storages.open("memory")).isSameAs(Storages.memory());
        assertThat(Storages.open("")).isSameAs(Storages.memory());
        assertThat(Storages.open(" MEMORY ")).isSameAs(Storages.memory());
        assertThat(Storages.memory().url()).isEqualTo("memory");
    }
}
