package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Storage URLs: Optuna's forms, tunebook's schema option, and what is refused. */
class StorageUrlTest {

    @Test
    void sqliteUrlsNameFiles() {
        assertThat(Storages.sqlitePath("sqlite:studies.db")).isEqualTo(Path.of("studies.db"));
        assertThat(Storages.sqlitePath("sqlite:///studies.db")).isEqualTo(Path.of("studies.db"));
        assertThat(Storages.sqlitePath("sqlite:////tmp/studies.db")).isEqualTo(Path.of("/tmp/studies.db"));
        assertThat(Storages.sqlitePath("jdbc:sqlite:/tmp/a.db")).isEqualTo(Path.of("/tmp/a.db"));
        assertThat(Storages.sqlitePath("jdbc:sqlite:file:/tmp/a.db")).isEqualTo(Path.of("/tmp/a.db"));
        assertThat(Storages.sqlitePath("sqlite:a.db?optuna_schema=v3.0.0.d")).isEqualTo(Path.of("a.db"));
        assertThatThrownBy(() -> Storages.sqlitePath("sqlite://host/a.db")).hasMessageContaining("names a host");
    }

    @Test
    void theSchemaOptionIsReadAndHiddenFromTheDriver() {
        assertThat(Storages.schemaOption("sqlite:a.db")).isEqualTo("v3.2.0.a");
        assertThat(Storages.schemaOption("sqlite:a.db?optuna_schema=v3.0.0.d")).isEqualTo("v3.0.0.d");
        assertThat(Storages.withoutSchemaOption("jdbc:postgresql://h/db?user=u&optuna_schema=v3.0.0.d&password=p"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=p");
        assertThat(Storages.withoutSchemaOption("jdbc:postgresql://h/db?optuna_schema=v3.0.0.d"))
                .isEqualTo("jdbc:postgresql://h/db");
        assertThat(Storages.withoutSchemaOption("jdbc:mariadb://h/db?user=u&optuna_schema=v3.0.0.d"))
                .isEqualTo("jdbc:mariadb://h/db?user=u");
        assertThatThrownBy(() -> Storages.schemaOption("sqlite:a.db?optuna_schema=v2")).hasMessageContaining("v2");
    }

    @Test
    void passwordsNeverReachMessages() {
        String url = TestDatabases.freshPostgres();
        assertThat(url).contains("password=tunebook");
        Storage storage = Storages.open(url);
        try {
            assertThat(storage.url()).doesNotContain("password=tunebook").contains("password=***");
            assertThatThrownBy(() -> org.tunebook.Tune.load("missing", url)).hasMessageNotContaining("password=tunebook");
            assertThat(Storages.open(url)).isSameAs(storage);
        } finally {
            storage.close();
        }
        assertThat(Storages.open(url)).as("a closed storage is forgotten").isNotSameAs(storage);
        Storages.open(url).close();
    }

    @Test
    void mysqlUrlsReachMariaDbWithItsDriver() {
        String mariadb = TestDatabases.freshMariaDb();
        String mysql = mariadb.replace("jdbc:mariadb:", "jdbc:mysql:");
        Storage storage = Storages.open(mysql);
        try {
            org.tunebook.Study study = org.tunebook.Tune.study().name("via-mysql-url").storage(storage).create();
            study.optimize(t -> t.suggestFloat("x", 0, 1), org.tunebook.Run.trials(3));
            assertThat(org.tunebook.Tune.load("via-mysql-url", mariadb).trials()).hasSize(3);
        } finally {
            storage.close();
        }
        assertThat(JdbcStorage.mysqlThroughMariaDb("jdbc:mysql://h/db?user=u")).isEqualTo("jdbc:mysql://h/db?user=u&permitMysqlScheme");
        assertThat(JdbcStorage.mysqlThroughMariaDb("jdbc:mysql://h/db")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
        assertThat(JdbcStorage.mysqlThroughMariaDb("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void unknownUrlsAreRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> Storages.open("redis://localhost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sqlite:path.db").hasMessageContaining("memory");
        assertThat(Storages.open("memory")).isSameAs(Storages.memory());
        assertThat(Storages.open(" ")).isSameAs(Storages.memory());
    }
}
