package org.tunebook.storage;

/** The storage contract on a real MariaDB server (MySQL's schema and SQL). */
class MariaDbStorageContractTest extends StorageContractTest {

    @Override
    protected Storage create() {
        return Storages.open(TestDatabases.freshMariaDb());
    }

    @Override
    protected int trialsPerThread() {
        return 25;
    }
}
