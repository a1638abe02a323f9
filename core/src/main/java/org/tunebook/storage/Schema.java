package org.tunebook.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Optuna's relational schema (optuna/storages/_rdb/models.py), table for table and column for column, and
 * the check of a database's alembic revision. New databases are stamped {@value #CURRENT}; databases stamped
 * {@value #V3_0} (Optuna 3.0–3.1) are used in their layout and never upgraded behind the user's back.
 */
final class Schema {

    /** Optuna ≥ 3.2: adds the {@code ix_trials_study_id} index. */
    static final String CURRENT = "v3.2.0.a";
    /** Optuna 3.0 and 3.1. */
    static final String V3_0 = "v3.0.0.d";
    static final List<String> SUPPORTED = List.of(CURRENT, V3_0);
    static final List<String> OLDER = List.of("v0.9.0.a", "v1.2.0.a", "v1.3.0.a", "v2.4.0.a", "v2.6.0.a",
            "v3.0.0.a", "v3.0.0.b", "v3.0.0.c");
    static final int SCHEMA_VERSION = 12;
    static final String LIBRARY_VERSION = "3.2.0";

    static final List<String> TABLES = List.of("studies", "version_info", "study_directions",
            "study_user_attributes", "study_system_attributes", "trials", "trial_user_attributes",
            "trial_system_attributes", "trial_params", "trial_values", "trial_intermediate_values",
            "trial_heartbeats", "alembic_version");

    private static final String[] SQLITE_DDL = {
        "CREATE TABLE studies (study_id INTEGER NOT NULL, study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))",
        "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
        "CREATE TABLE version_info (version_info_id INTEGER NOT NULL, schema_version INTEGER,"
                + " library_version VARCHAR(256), PRIMARY KEY (version_info_id), CHECK (version_info_id=1))",
        "CREATE TABLE study_directions (study_direction_id INTEGER NOT NULL, direction VARCHAR(8) NOT NULL,"
                + " study_id INTEGER NOT NULL, objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id),"
                + " UNIQUE (study_id, objective), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
        "CREATE TABLE study_user_attributes (study_user_attribute_id INTEGER NOT NULL, study_id INTEGER,"
                + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_user_attribute_id),"
                + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
        "CREATE TABLE study_system_attributes (study_system_attribute_id INTEGER NOT NULL, study_id INTEGER,"
                + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_system_attribute_id),"
                + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
        "CREATE TABLE trials (trial_id INTEGER NOT NULL, number INTEGER, study_id INTEGER,"
                + " state VARCHAR(8) NOT NULL, datetime_start DATETIME, datetime_complete DATETIME,"
                + " PRIMARY KEY (trial_id), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
        "CREATE TABLE trial_user_attributes (trial_user_attribute_id INTEGER NOT NULL, trial_id INTEGER,"
                + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_user_attribute_id),"
                + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE trial_system_attributes (trial_system_attribute_id INTEGER NOT NULL, trial_id INTEGER,"
                + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_system_attribute_id),"
                + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE trial_params (param_id INTEGER NOT NULL, trial_id INTEGER, param_name VARCHAR(512),"
                + " param_value FLOAT, distribution_json TEXT, PRIMARY KEY (param_id), UNIQUE (trial_id, param_name),"
                + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE trial_values (trial_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL,"
                + " objective INTEGER NOT NULL, value FLOAT, value_type VARCHAR(7) NOT NULL,"
                + " PRIMARY KEY (trial_value_id), UNIQUE (trial_id, objective),"
                + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE trial_intermediate_values (trial_intermediate_value_id INTEGER NOT NULL,"
                + " trial_id INTEGER NOT NULL, step INTEGER NOT NULL, intermediate_value FLOAT,"
                + " intermediate_value_type VARCHAR(7) NOT NULL, PRIMARY KEY (trial_intermediate_value_id),"
                + " UNIQUE (trial_id, step), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE trial_heartbeats (trial_heartbeat_id INTEGER NOT NULL, trial_id INTEGER NOT NULL,"
                + " heartbeat DATETIME NOT NULL, PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id),"
                + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
        "CREATE INDEX ix_trials_study_id ON trials (study_id)",
    };

    private Schema() {
    }

    /** The tables present in the database, lower-cased. */
    static Set<String> tables(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Creates Optuna's tables, stamped {@value #CURRENT}, in an empty SQLite database (one transaction). */
    static void createSqlite(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (String ddl : SQLITE_DDL) {
                    st.execute(ddl);
                }
                st.execute("INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, "
                        + SCHEMA_VERSION + ", '" + LIBRARY_VERSION + "')");
                st.execute("INSERT INTO alembic_version (version_num) VALUES ('" + CURRENT + "')");
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /**
     * Checks that an existing database holds Optuna's schema at a revision we read and write.
     *
     * @return the revision
     * @throws StorageException naming what is wrong and what to do
     */
    static String check(Connection connection, Set<String> tables, String where) throws SQLException {
        if (!tables.contains("alembic_version") || !tables.contains("studies") || !tables.contains("trials")) {
            throw new StorageException(where + " is a database of another application (it has tables "
                    + new java.util.TreeSet<>(tables) + " but not Optuna's); point tunebook at a new file or an Optuna"
                    + " study database");
        }
        String revision;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
            revision = rs.next() ? rs.getString(1) : null;
        }
        if (revision == null) {
            throw new StorageException(where + " has an empty alembic_version table, so its schema revision is unknown;"
                    + " it was not written by Optuna or tunebook");
        }
        if (OLDER.contains(revision)) {
            throw new StorageException(where + " has Optuna's schema at the old revision " + revision
                    + "; upgrade it with Python Optuna (`optuna storage upgrade --storage URL`) and open it again");
        }
        if (!SUPPORTED.contains(revision)) {
            throw new StorageException(where + " has Optuna's schema at revision " + revision
                    + ", which this tunebook does not know (it reads and writes " + String.join(" and ", SUPPORTED)
                    + "); use a newer tunebook. Nothing was written.");
        }
        return revision;
    }
}
