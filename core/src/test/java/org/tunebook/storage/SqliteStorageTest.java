package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/** The SQLite storage's files: Optuna's schema, revisions, foreign and damaged files, resuming, threads. */
class SqliteStorageTest {

    @TempDir
    Path dir;

    private final List<Storage> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Storage::close);
    }

    private Storage open(Path file) {
        Storage s = Storages.open("sqlite:" + file);
        opened.add(s);
        return s;
    }

    @Test
    void newFilesHaveOptunasTablesColumnForColumnAndTheCurrentRevision() throws Exception {
        Path ours = dir.resolve("ours.db");
        JdbcStorage storage = (JdbcStorage) open(ours);
        assertThat(storage.schemaRevision()).isEqualTo("v3.2.0.a");
        Path theirs = dir.resolve("theirs.db");
        python("import optuna; optuna.storages.RDBStorage('sqlite:///" + theirs + "')");
        Map<String, List<String>> ourTables = columns(ours);
        Map<String, List<String>> optunaTables = columns(theirs);
        assertThat(ourTables.keySet()).containsExactlyInAnyOrderElementsOf(optunaTables.keySet());
        optunaTables.forEach((table, cols) -> assertThat(ourTables.get(table)).as(table).isEqualTo(cols));
        assertThat(query(ours, "SELECT version_num FROM alembic_version")).containsExactly("v3.2.0.a");
        assertThat(query(ours, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_trials_study_id'"))
                .containsExactly("ix_trials_study_id");
        assertThat(query(theirs, "SELECT version_num FROM alembic_version")).containsExactly("v3.0.0.d");
    }

    @Test
    void filesForOptuna31AreMadeWhenTheUrlAsks() throws Exception {
        Path file = dir.resolve("for-optuna-3.1.db");
        JdbcStorage storage = (JdbcStorage) open(Path.of(file + "?optuna_schema=v3.0.0.d"));
        assertThat(storage.schemaRevision()).isEqualTo("v3.0.0.d");
        Study study = Tune.study().name("old").storage(storage).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(3));
        assertThat(query(file, "SELECT version_num FROM alembic_version")).containsExactly("v3.0.0.d");
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE name = 'ix_trials_study_id'")).isEmpty();
        python("import optuna; s = optuna.load_study(study_name='old', storage='sqlite:///" + file + "');"
                + " assert len(s.trials) == 3, s.trials");
        assertThatThrownBy(() -> Storages.open("sqlite:" + dir.resolve("x.db") + "?optuna_schema=v9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v3.2.0.a or v3.0.0.d");
    }

    @Test
    void aStudyResumesAfterTheStorageIsClosedAndReopened() {
        Path file = dir.resolve("resume.db");
        Study first = Tune.study().name("resume").storage(open(file)).sampler(new RandomSampler(1)).create();
        first.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(10));
        double best = first.bestValue();
        first.storage().close();
        opened.clear();
        Study again = Tune.study().name("resume").storage(open(file)).sampler(new RandomSampler(2)).load();
        assertThat(again.trials()).hasSize(10);
        assertThat(again.bestValue()).isEqualTo(best);
        again.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(5));
        assertThat(again.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(range(15));
    }

    @Test
    void manyThreadsGetUniqueGapFreeNumbers() {
        Study study = Tune.study().name("threads").storage(open(dir.resolve("threads.db"))).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 0, 5), Run.trials(200).jobs(4));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(range(200));
        assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE && t.params().size() == 2);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database\n");
        assertThatThrownBy(() -> open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(file)).isEqualTo("these are my notes, not a database\n");
    }

    @Test
    void aDatabaseOfAnotherApplicationIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("shop.db");
        execute(file, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        assertThatThrownBy(() -> open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("another application").hasMessageContaining("customers");
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'table'")).containsExactly("customers");
    }

    @Test
    void unknownAndOldRevisionsAreRefusedWithoutWriting() throws Exception {
        Path newer = optunaFileWithRevision("newer.db", "v9.9.9.z");
        byte[] before = Files.readAllBytes(newer);
        assertThatThrownBy(() -> open(newer)).isInstanceOf(StorageException.class)
                .hasMessageContaining("v9.9.9.z").hasMessageContaining("does not know");
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);

        Path older = optunaFileWithRevision("older.db", "v2.6.0.a");
        assertThatThrownBy(() -> open(older)).isInstanceOf(StorageException.class)
                .hasMessageContaining("v2.6.0.a").hasMessageContaining("optuna storage upgrade");
    }

    @Test
    void aReadOnlyFileIsRefusedWithoutWriting() throws Exception {
        Path file = dir.resolve("frozen.db");
        Study study = Tune.study().name("frozen").storage(open(file)).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), Run.trials(3));
        study.storage().close();
        opened.clear();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> open(file)).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void optunasUrlFormsNameTheSameFile() {
        Path file = dir.resolve("forms.db");
        Storage a = open(file);
        assertThat(Storages.open("sqlite:///" + file)).isSameAs(a);
        assertThat(Storages.open("jdbc:sqlite:" + file)).isSameAs(a);
        assertThatThrownBy(() -> Storages.open("sqlite:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no file");
        assertThatThrownBy(() -> Storages.open("sqlite:" + dir.resolve("missing/dir/x.db")))
                .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }

    private Path optunaFileWithRevision(String name, String revision) throws Exception {
        Path file = dir.resolve(name);
        Storages.open("sqlite:" + file).close();
        execute(file, "UPDATE alembic_version SET version_num = '" + revision + "'");
        return file;
    }

    private static List<Integer> range(int n) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static Map<String, List<String>> columns(Path file) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : query(file, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
            tables.put(table, query(file, "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || pk"
                    + " FROM pragma_table_info('" + table + "') ORDER BY cid"));
        }
        return tables;
    }

    private static List<String> query(Path file, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void python(String code) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python failed (is python3-optuna installed?): " + out).isZero();
    }
}
