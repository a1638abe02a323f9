package org.tunebook.storage;

/** The storage contract on a real PostgreSQL server. */
class PostgresStorageContractTest extends StorageContractTest {

    @Override
    protected Storage create() {
        return Storages.open(TestDatabases.freshPostgres());
    }

    @Override
    protected int trialsPerThread() {
        return 25;
    }
}
