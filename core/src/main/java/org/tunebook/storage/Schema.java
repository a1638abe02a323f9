package org.tunebook.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    /** How a dialect names the types of Optuna's columns. */
    interface Types {
        /** An auto-incremented integer primary key column. */
        String id();

        /** A double-precision column. */
        String real();

        /** A datetime column. */
        String time();

        /**
         * An enum column of SQLAlchemy's enum type {@code name} (studydirection, trialstate, trialvaluetype,
         * trialintermediatevaluetype) with these values.
         */
        String enumType(String name, String... values);
    }

    /** Optuna's tables and indexes (models.py), in creation order, with a dialect's types. */
    static List<String> ddl(Types t) {
        String direction = t.enumType("studydirection", "NOT_SET", "MINIMIZE", "MAXIMIZE");
        String state = t.enumType("trialstate", "RUNNING", "COMPLETE", "PRUNED", "FAIL", "WAITING");
        String valueType = t.enumType("trialvaluetype", "FINITE", "INF_POS", "INF_NEG");
        String intermediateType = t.enumType("trialintermediatevaluetype", "FINITE", "INF_POS", "INF_NEG", "NAN");
        return List.of(
            "CREATE TABLE studies (study_id " + t.id() + ", study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))",
            "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
            "CREATE TABLE version_info (version_info_id INTEGER NOT NULL, schema_version INTEGER,"
                    + " library_version VARCHAR(256), PRIMARY KEY (version_info_id), CHECK (version_info_id=1))",
            "CREATE TABLE study_directions (study_direction_id " + t.id() + ", direction " + direction + " NOT NULL,"
                    + " study_id INTEGER NOT NULL, objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id),"
                    + " UNIQUE (study_id, objective), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
            "CREATE TABLE study_user_attributes (study_user_attribute_id " + t.id() + ", study_id INTEGER,"
                    + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_user_attribute_id),"
                    + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
            "CREATE TABLE study_system_attributes (study_system_attribute_id " + t.id() + ", study_id INTEGER,"
                    + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_system_attribute_id),"
                    + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
            "CREATE TABLE trials (trial_id " + t.id() + ", number INTEGER, study_id INTEGER,"
                    + " state " + state + " NOT NULL, datetime_start " + t.time() + ", datetime_complete " + t.time() + ","
                    + " PRIMARY KEY (trial_id), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
            "CREATE TABLE trial_user_attributes (trial_user_attribute_id " + t.id() + ", trial_id INTEGER,"
                    + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_user_attribute_id),"
                    + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE trial_system_attributes (trial_system_attribute_id " + t.id() + ", trial_id INTEGER,"
                    + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_system_attribute_id),"
                    + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE trial_params (param_id " + t.id() + ", trial_id INTEGER, param_name VARCHAR(512),"
                    + " param_value " + t.real() + ", distribution_json TEXT, PRIMARY KEY (param_id),"
                    + " UNIQUE (trial_id, param_name), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE trial_values (trial_value_id " + t.id() + ", trial_id INTEGER NOT NULL,"
                    + " objective INTEGER NOT NULL, value " + t.real() + ", value_type " + valueType + " NOT NULL,"
                    + " PRIMARY KEY (trial_value_id), UNIQUE (trial_id, objective),"
                    + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE trial_intermediate_values (trial_intermediate_value_id " + t.id() + ","
                    + " trial_id INTEGER NOT NULL, step INTEGER NOT NULL, intermediate_value " + t.real() + ","
                    + " intermediate_value_type " + intermediateType + " NOT NULL,"
                    + " PRIMARY KEY (trial_intermediate_value_id), UNIQUE (trial_id, step),"
                    + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE trial_heartbeats (trial_heartbeat_id " + t.id() + ", trial_id INTEGER NOT NULL,"
                    + " heartbeat " + t.time() + " NOT NULL, PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id),"
                    + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                    + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
            "CREATE INDEX ix_trials_study_id ON trials (study_id)");
    }

    private Schema() {
    }

    /**
     * Creates Optuna's tables in an empty database, in one transaction where it can, at revision {@value #CURRENT}
     * or, when asked, {@value #V3_0} (without the study-id index, for Optuna 3.0 and 3.1).
     */
    static void create(Connection connection, Dialect dialect, String revision) throws SQLException {
        dialect.begin(connection, true);
        try (Statement st = connection.createStatement()) {
            for (String ddl : dialect.ddl()) {
                if (revision.equals(V3_0) && ddl.contains("ix_trials_study_id")) {
                    continue;
                }
                st.execute(ddl);
            }
            st.execute("INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, "
                    + SCHEMA_VERSION + ", '" + (revision.equals(V3_0) ? "3.1.0" : LIBRARY_VERSION) + "')");
            st.execute("INSERT INTO alembic_version (version_num) VALUES ('" + revision + "')");
            dialect.commit(connection);
        } catch (SQLException e) {
            dialect.rollback(connection);
            throw e;
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
