package org.tunebook.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite storage passes the storage contract. */
class SqliteStorageContractTest extends StorageContractTest {

    @TempDir
    Path dir;

    private int files;

    @Override
    protected Storage create() {
        return Storages.open("sqlite:" + dir.resolve("contract-" + (files++) + ".db"));
    }

    @Override
    protected int trialsPerThread() {
        return 25;
    }
}
