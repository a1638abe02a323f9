package org.tunebook.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * A storage in a SQLite file with Optuna's schema, so Python Optuna and optuna-dashboard open it too.
 * Safe for many threads (one connection, serialized) and many processes (WAL journal, busy timeout,
 * retried transactions). Finished trials are cached, since they never change; a RUNNING trial of this JVM
 * keeps its writes until the next report or its finish, and then writes them in one transaction.
 *
 * <p>Open it with {@link Storages#open(String)} and a URL such as {@code sqlite:studies.db}.
 */
public final class JdbcStorage implements Storage {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final String url;
    private final Path file;
    private final DbConnection db;
    private final Dialect dialect;
    private final String revision;
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();
    private final Map<Long, LiveTrial> live = new ConcurrentHashMap<>();
    private final Map<Integer, List<Direction>> directions = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Distribution>> knownDistributions = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Long>> finishedOfStudy = new ConcurrentHashMap<>();
    private final TrialTail tail = new TrialTail();

    private JdbcStorage(String url, Path file, DbConnection db, String revision) {
        // Shown in messages and listings, so a password in the URL is masked.
        this.url = maskPassword(url);
        this.file = file;
        this.db = db;
        this.dialect = db.dialect();
        this.revision = revision;
    }

    /**
     * Opens (creating if needed) a SQLite study database.
     *
     * @throws StorageException if the file is not a SQLite database, holds another application's tables or an
     *     unknown schema revision, or is read-only; nothing is written to it then
     */
    static JdbcStorage openSqlite(String url, Path file, String newRevision) {
        String where = "SQLite file " + file;
        checkFile(file, where);
        Properties props = new Properties();
        props.setProperty("busy_timeout", String.valueOf(DbConnection.BUSY_TIMEOUT_MS));
        // Else the driver runs SELECT last_insert_rowid() after every INSERT; Dialect.insertedId uses RETURNING.
        props.setProperty("jdbc.get_generated_keys", "false");
        return open(url, "jdbc:sqlite:" + file, props, Dialect.SQLITE, where, file, newRevision);
    }

    /**
     * Opens a PostgreSQL or MySQL/MariaDB database (creating Optuna's tables in an empty one). User and
     * password go in the URL ({@code jdbc:postgresql://host/db?user=u&password=p}).
     *
     * @throws StorageException if the server cannot be reached or the database holds another schema
     */
    static JdbcStorage openServer(String url, String jdbcUrl, String newRevision) {
        Dialect dialect = Dialect.of(jdbcUrl);
        String where = "database " + maskPassword(url);
        Properties props = new Properties();
        if (dialect == Dialect.POSTGRESQL) {
            // Lets strings stand for PostgreSQL's enum and timestamp columns, as Optuna's SQLAlchemy types do.
            props.setProperty("stringtype", "unspecified");
        }
        return open(url, mysqlThroughMariaDb(jdbcUrl), props, dialect, where, null, newRevision);
    }

    /**
     * A {@code jdbc:mysql:} URL for the MariaDB driver when MySQL's own driver is absent: MariaDB's accepts the
     * MySQL scheme only when the URL says {@code permitMysqlScheme}.
     */
    static String mysqlThroughMariaDb(String jdbcUrl) {
        if (!jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:mysql:") || jdbcUrl.contains("permitMysqlScheme")
                || isLoadable("com.mysql.cj.jdbc.Driver") || !isLoadable("org.mariadb.jdbc.Driver")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, JdbcStorage.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static JdbcStorage open(String url, String jdbcUrl, Properties props, Dialect dialect, String where,
            Path file, String newRevision) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("No suitable driver")
                    ? " (the JDBC driver for it is not on the class path; add org.postgresql:postgresql or"
                    + " org.mariadb.jdbc:mariadb-java-client)" : "";
            throw new StorageException("cannot open " + where + ": " + e.getMessage() + hint, e);
        }
        try {
            if (dialect != Dialect.SQLITE) {
                dialect.configure(connection);
            }
            Set<String> tables = dialect.tables(connection);
            String revision;
            if (tables.isEmpty()) {
                Schema.create(connection, dialect, newRevision);
                revision = newRevision;
            } else {
                revision = Schema.check(connection, tables, where);
                if (dialect != Dialect.SQLITE) {
                    connection.commit();
                }
            }
            if (dialect == Dialect.SQLITE) {
                dialect.configure(connection); // only now: a refused file must not be switched to WAL
            }
            return new JdbcStorage(url, file, new DbConnection(connection, dialect, where), revision);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The open already failed; the original error is the one to report.
            }
            if (e instanceof StorageException se) {
                throw se;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("not a database") || message.contains("SQLITE_NOTADB")) {
                throw new StorageException(where + " is not a SQLite database; point tunebook at a new file or an"
                        + " Optuna study database", e);
            }
            throw new StorageException("cannot open " + where + ": " + message, e);
        }
    }

    private static void checkFile(Path file, String where) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StorageException("cannot create " + where + ": directory " + dir + " does not exist");
        }
        if (!Files.exists(file)) {
            if (dir != null && !Files.isWritable(dir)) {
                throw new StorageException("cannot create " + where + ": directory " + dir + " is read-only");
            }
            return;
        }
        if (Files.isDirectory(file)) {
            throw new StorageException(where + " is a directory, not a database file");
        }
        if (!isWritable(file) || (dir != null && !isWritable(dir))) {
            throw new StorageException(where + " is read-only (tunebook needs to write the file and, for SQLite's"
                    + " journal, its directory); make them writable or copy the file somewhere writable."
                    + " Nothing was written.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            if (header.length > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
                throw new StorageException(where + " is not a SQLite database; point tunebook at a new file or an"
                        + " Optuna study database. Nothing was written.");
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a path may be written: the file system allows it and, where permissions are POSIX, its owner
     * write bit is set (root may write anything, but a file its user made read-only must stay untouched).
     */
    private static boolean isWritable(Path path) {
        if (!Files.isWritable(path)) {
            return false;
        }
        try {
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    /** The URL with the value of a {@code password=} option replaced by {@code ***}. */
    static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The URL this storage was opened from, with any password masked. */
    @Override
    public String url() {
        return url;
    }

    /** The database file, or null for a database server. */
    public Path file() {
        return file;
    }

    /** The schema revision of the database ({@code v3.2.0.a} for new files, {@code v3.0.0.d} for Optuna 3.0–3.1). */
    public String schemaRevision() {
        return revision;
    }

    // ---- studies ----

    @Override
    public int createStudy(String name, List<Direction> dirs) {
        int id = db.write(c -> {
            if (studyId(c, name).isPresent()) {
                throw new DuplicateStudyException("a study named '" + name + "' already exists in " + url
                        + "; load it (loadIfExists(true) or Tune.load), delete it, or choose another name");
            }
            int studyId;
            try (PreparedStatement ps = dialect.prepareInsert(c, "INSERT INTO studies (study_name) VALUES (?)",
                    "study_id")) {
                ps.setString(1, name);
                studyId = (int) dialect.insertedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)")) {
                for (int i = 0; i < dirs.size(); i++) {
                    ps.setString(1, dirs.get(i).name());
                    ps.setInt(2, studyId);
                    ps.setInt(3, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return studyId;
        });
        directions.put(id, List.copyOf(dirs));
        return id;
    }

    private static Optional<Integer> studyId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void deleteStudy(int studyId) {
        String sub = "(SELECT trial_id FROM trials WHERE study_id = ?)";
        db.write(c -> {
            requireStudy(c, studyId);
            for (String table : List.of("trial_params", "trial_values", "trial_intermediate_values",
                    "trial_user_attributes", "trial_system_attributes", "trial_heartbeats")) {
                update(c, "DELETE FROM " + table + " WHERE trial_id IN " + sub, studyId);
            }
            for (String table : List.of("trials", "study_directions", "study_user_attributes",
                    "study_system_attributes", "studies")) {
                update(c, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
            }
            return null;
        });
        Set<Long> cached = finishedOfStudy.remove(studyId);
        if (cached != null) {
            cached.forEach(finished::remove);
        }
        live.values().removeIf(t -> t.studyId == studyId);
        directions.remove(studyId);
        knownDistributions.remove(studyId);
        tail.forget(studyId);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private String requireStudy(Connection c, int studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT study_name FROM studies WHERE study_id = ?")) {
            ps.setInt(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchStudyException("no study with id " + studyId + " in " + url + " (was it deleted?)");
                }
                return rs.getString(1);
            }
        }
    }

    /** Locks the study's row (see {@link Dialect#lockStudy}); an unknown study is an error. */
    private void lockStudy(Connection c, int studyId) throws SQLException {
        if (!dialect.lockStudy(c, studyId)) {
            throw new NoSuchStudyException("no study with id " + studyId + " in " + url + " (was it deleted?)");
        }
    }

    @Override
    public Optional<Integer> findStudy(String name) {
        return db.read(c -> studyId(c, name));
    }

    @Override
    public List<String> studyNames() {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT study_name FROM studies ORDER BY study_id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Override
    public String studyName(int studyId) {
        return db.read(c -> requireStudy(c, studyId));
    }

    @Override
    public List<Direction> studyDirections(int studyId) {
        return directions.computeIfAbsent(studyId, id -> db.read(c -> {
            requireStudy(c, id);
            List<Direction> dirs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dirs.add(Direction.valueOf(rs.getString(1)));
                    }
                }
            }
            return List.copyOf(dirs);
        }));
    }

    @Override
    public Map<String, Object> studyUserAttrs(int studyId) {
        return readAttrs("study_user_attributes", "study_id", studyId);
    }

    @Override
    public void setStudyUserAttr(int studyId, String key, Object value) {
        db.write(c -> {
            requireStudy(c, studyId);
            upsertAttr(c, "study_user_attributes", "study_id", studyId, key, value);
            return null;
        });
    }

    @Override
    public Map<String, Object> studySystemAttrs(int studyId) {
        return readAttrs("study_system_attributes", "study_id", studyId);
    }

    @Override
    public void setStudySystemAttr(int studyId, String key, Object value) {
        db.write(c -> {
            requireStudy(c, studyId);
            upsertAttr(c, "study_system_attributes", "study_id", studyId, key, value);
            return null;
        });
    }

    private Map<String, Object> readAttrs(String table, String idColumn, long id) {
        return db.read(c -> {
            if (idColumn.equals("study_id")) {
                requireStudy(c, (int) id);
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT \"key\", value_json FROM " + table + " WHERE "
                    + idColumn + " = ? ORDER BY 1")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attrs.put(rs.getString(1), Json.read(rs.getString(2)));
                    }
                }
            }
            return attrs;
        });
    }

    private void upsertAttr(Connection c, String table, String idColumn, long id, String key, Object value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + idColumn
                + ", \"key\", value_json) VALUES (?, ?, ?)" + dialect.upsert(idColumn + ", \"key\"", "value_json"))) {
            ps.setLong(1, id);
            ps.setString(2, key);
            ps.setString(3, Json.write(value));
            ps.executeUpdate();
        }
    }

    @Override
    public long nextSequenceValue(int studyId, String key) {
        return db.write(c -> {
            lockStudy(c, studyId);
            long value = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT value_json FROM study_system_attributes WHERE study_id = ? AND \"key\" = ?")) {
                ps.setInt(1, studyId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && Json.read(rs.getString(1)) instanceof Number n) {
                        value = n.longValue();
                    }
                }
            }
            upsertAttr(c, "study_system_attributes", "study_id", studyId, key, value + 1);
            return value;
        });
    }

    // ---- trials ----

    @Override
    public FrozenTrial createTrial(int studyId, FrozenTrial template) {
        return newTrial(studyId, template, false);
    }

    /** Claims the oldest WAITING trial or inserts a RUNNING one, in one write transaction. */
    @Override
    public FrozenTrial claimOrCreateTrial(int studyId) {
        return newTrial(studyId, null, true);
    }

    /** A trial made by a transaction (null if none), and the anchor for the study's next one ({@link TrialTail}). */
    private record Made(FrozenTrial trial, TrialTail.Mark anchor) {
    }

    /**
     * Makes the study's next trial under its lock: claims its oldest WAITING trial when {@code claim} says so
     * and there is one, or else inserts a trial numbered after the study's last.
     */
    private FrozenTrial newTrial(int studyId, FrozenTrial template, boolean claim) {
        Instant now = Instant.now();
        Made made = db.write(c -> {
            if (template == null) {
                // A new RUNNING trial: if the server crashed before this commit reached its disk, the trial would
                // be lost as it would be were it in flight, and its worker would get an error at the finish.
                dialect.commitWithoutWaitingForDisk(c);
            }
            lockStudy(c, studyId);
            TrialTail.Found found = tail.read(c, studyId);
            if (claim && found.waiting() != null) {
                Optional<FrozenTrial> claimed = claim(c, found.waiting().id(), now);
                if (claimed.isPresent()) {
                    return new Made(claimed.get(), found.afterClaim());
                }
                // Python Optuna, which claims without the study's lock, was quicker: a new trial it is.
            }
            TrialTail.Mark last = found.last();
            int number = last == null ? 0
                    : last.number() != TrialTail.NO_NUMBER ? last.number() + 1 : countTrials(c, studyId);
            FrozenTrial trial = insertTrial(c, studyId, number, template, now);
            return new Made(trial, found.afterInsert(new TrialTail.Mark(trial.id(), number)));
        });
        tail.advance(studyId, made.anchor());
        remember(studyId, made.trial());
        return made.trial();
    }

    /** The number of a study's trials: numbers a trial after a last one whose number is not written yet. */
    private static int countTrials(Connection c, int studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ?")) {
            ps.setInt(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private FrozenTrial insertTrial(Connection c, int studyId, int number, FrozenTrial template, Instant now)
            throws SQLException {
        TrialState state = template == null ? TrialState.RUNNING : template.state();
        Instant started = template == null ? now : template.started();
        if (started == null && state == TrialState.RUNNING) {
            started = now;
        }
        long trialId;
        try (PreparedStatement ps = dialect.prepareInsert(c, "INSERT INTO trials (number, study_id, state,"
                + " datetime_start, datetime_complete) VALUES (?, ?, ?, ?, ?)", "trial_id")) {
            ps.setInt(1, number);
            ps.setInt(2, studyId);
            ps.setString(3, state.name());
            ps.setString(4, SqlValues.time(started));
            ps.setString(5, template == null ? null : SqlValues.time(template.completed()));
            trialId = dialect.insertedId(ps);
        }
        FrozenTrial.Builder b = template == null ? FrozenTrial.builder() : template.toBuilder();
        FrozenTrial trial = b.id(trialId).number(number).state(state).started(started).build();
        if (template != null) {
            for (Map.Entry<String, Distribution> e : trial.distributions().entrySet()) {
                checkDistribution(c, studyId, e.getKey(), e.getValue());
            }
            insertContent(c, trial);
        }
        return trial;
    }

    /** Moves a WAITING trial to RUNNING and loads it; empty if it is no longer WAITING. */
    private static Optional<FrozenTrial> claim(Connection c, long trialId, Instant now) throws SQLException {
        if (update(c, "UPDATE trials SET state = 'RUNNING', datetime_start = ? WHERE trial_id = ?"
                + " AND state = 'WAITING'", SqlValues.time(now), trialId) == 0) {
            return Optional.empty();
        }
        return Optional.of(TrialLoader.load(c, List.of(trialId)).get(0));
    }

    private void remember(int studyId, FrozenTrial trial) {
        trial.distributions().forEach((name, d) -> known(studyId).putIfAbsent(name, d));
        if (trial.state() == TrialState.RUNNING) {
            live.put(trial.id(), new LiveTrial(trial, studyId));
        } else if (trial.state().isFinished()) {
            cacheFinished(studyId, trial);
        }
    }

    /** Writes a new trial's parameters, values, intermediate values and attributes. */
    private void insertContent(Connection c, FrozenTrial t) throws SQLException {
        List<LiveTrial.Param> params = new ArrayList<>();
        t.distributions().forEach((name, d) -> params.add(new LiveTrial.Param(name, d.toInternal(t.params().get(name)), d)));
        insertParams(c, t.id(), params);
        insertIntermediate(c, t.id(), t.intermediateValues());
        if (t.hasValue()) {
            insertValues(c, t.id(), t.values());
        }
        for (Map.Entry<String, Object> e : t.userAttrs().entrySet()) {
            upsertAttr(c, "trial_user_attributes", "trial_id", t.id(), e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : t.systemAttrs().entrySet()) {
            upsertAttr(c, "trial_system_attributes", "trial_id", t.id(), e.getKey(), e.getValue());
        }
    }

    private static void insertParams(Connection c, long trialId, List<LiveTrial.Param> params) throws SQLException {
        if (params.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_params (trial_id, param_name, param_value,"
                + " distribution_json) VALUES (?, ?, ?, ?)")) {
            for (LiveTrial.Param p : params) {
                ps.setLong(1, trialId);
                ps.setString(2, p.name());
                ps.setDouble(3, p.internal());
                ps.setString(4, DistributionJson.write(p.distribution()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertIntermediate(Connection c, long trialId, Map<Integer, Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_intermediate_values (trial_id, step,"
                + " intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Integer, Double> e : values.entrySet()) {
                ps.setLong(1, trialId);
                ps.setInt(2, e.getKey());
                setNullableDouble(ps, 3, SqlValues.stored(e.getValue()));
                ps.setString(4, SqlValues.type(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertValues(Connection c, long trialId, double[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_values (trial_id, objective, value,"
                + " value_type) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < values.length; i++) {
                ps.setLong(1, trialId);
                ps.setInt(2, i);
                setNullableDouble(ps, 3, SqlValues.stored(values[i]));
                ps.setString(4, SqlValues.type(values[i]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setNullableDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private Map<String, Distribution> known(int studyId) {
        return knownDistributions.computeIfAbsent(studyId, id -> new ConcurrentHashMap<>());
    }

    /** Checks a parameter's distribution against the one the study already uses, looking it up once. */
    private void checkDistribution(Connection c, int studyId, String name, Distribution distribution)
            throws SQLException {
        Distribution previous = known(studyId).get(name);
        if (previous == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.distribution_json FROM trial_params p JOIN trials t"
                    + " ON p.trial_id = t.trial_id WHERE t.study_id = ? AND p.param_name = ? LIMIT 1")) {
                ps.setInt(1, studyId);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = DistributionJson.read(rs.getString(1));
                        known(studyId).putIfAbsent(name, previous);
                    }
                }
            }
        }
        if (previous != null) {
            Distribution.checkCompatible(name, previous, distribution);
        } else {
            known(studyId).putIfAbsent(name, distribution);
        }
    }

    /**
     * Reads first, so that the common case (nothing WAITING) costs a read, not a write transaction: on
     * PostgreSQL a transaction that locks a row waits for the disk when it commits.
     */
    @Override
    public Optional<FrozenTrial> claimWaitingTrial(int studyId) {
        TrialTail.Found seen = db.read(c -> tail.read(c, studyId));
        if (seen.waiting() == null) {
            tail.advance(studyId, seen.last());
            return Optional.empty();
        }
        Instant now = Instant.now();
        Made made = db.write(c -> {
            lockStudy(c, studyId);
            TrialTail.Found found = tail.read(c, studyId);
            if (found.waiting() != null) {
                Optional<FrozenTrial> claimed = claim(c, found.waiting().id(), now);
                if (claimed.isPresent()) {
                    return new Made(claimed.get(), found.afterClaim());
                }
            }
            // Nothing claimed: the oldest WAITING trial seen, if any, stays the anchor.
            return new Made(null, found.waiting() != null ? found.waiting() : found.last());
        });
        tail.advance(studyId, made.anchor());
        if (made.trial() == null) {
            return Optional.empty();
        }
        remember(studyId, made.trial());
        return Optional.of(made.trial());
    }

    private static boolean trialExists(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM trials WHERE trial_id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        LiveTrial t = requireLive(trialId, "set parameter '" + name + "' of");
        // Locks are always taken database first, trial second (heartbeats flush trials inside a transaction),
        // so the study's distribution is checked before the trial is locked.
        Distribution previous = known(t.studyId).get(name);
        if (previous != null) {
            Distribution.checkCompatible(name, previous, distribution);
        } else {
            db.read(c -> {
                checkDistribution(c, t.studyId, name, distribution);
                return null;
            });
        }
        synchronized (t) {
            LiveTrial.Param p = new LiveTrial.Param(name, internalValue, distribution);
            t.params.put(name, p);
            t.dirtyParams.add(p);
        }
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        LiveTrial t = requireLive(trialId, "report to");
        synchronized (t) {
            t.intermediate.put(step, value);
            t.dirtyIntermediate.put(step, value);
        }
        db.write(c -> {
            flush(c, t);
            return null;
        });
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        LiveTrial t = requireLive(trialId, "set user attribute '" + key + "' of");
        synchronized (t) {
            t.userAttrs.put(key, value);
            t.dirtyUserAttrs.put(key, value);
        }
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        LiveTrial t = requireLive(trialId, "set system attribute '" + key + "' of");
        synchronized (t) {
            t.systemAttrs.put(key, value);
            t.dirtySystemAttrs.put(key, value);
        }
    }

    /**
     * The live record of a RUNNING trial of this JVM. Trials run by other processes cannot be changed from
     * here, which is also how Optuna's storages behave for finished trials.
     */
    private LiveTrial requireLive(long trialId, String action) {
        LiveTrial t = live.get(trialId);
        if (t != null) {
            return t;
        }
        FrozenTrial known = finished.get(trialId);
        if (known == null) {
            known = db.read(c -> TrialLoader.load(c, List.of(trialId))).stream().findFirst().orElse(null);
        }
        if (known == null) {
            throw new IllegalArgumentException("cannot " + action + " trial id " + trialId + ": no such trial in " + url);
        }
        throw new IllegalStateException("cannot " + action + " trial " + known.number() + ": it is " + known.state()
                + (known.state().isFinished() ? " (already finished)" : " and not run by this process"));
    }

    /** Writes a live trial's pending changes; called inside a write transaction. */
    private void flush(Connection c, LiveTrial t) throws SQLException {
        synchronized (t) {
            if (!t.isDirty()) {
                return;
            }
            insertParams(c, t.id, t.dirtyParams);
            insertIntermediate(c, t.id, t.dirtyIntermediate);
            for (Map.Entry<String, Object> e : t.dirtyUserAttrs.entrySet()) {
                upsertAttr(c, "trial_user_attributes", "trial_id", t.id, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Object> e : t.dirtySystemAttrs.entrySet()) {
                upsertAttr(c, "trial_system_attributes", "trial_id", t.id, e.getKey(), e.getValue());
            }
            db.afterCommit(t.markWritten());
        }
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, double[] values) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("a trial can only be finished as COMPLETE, PRUNED or FAIL, not " + state);
        }
        Instant now = Instant.now();
        LiveTrial t = live.get(trialId);
        Boolean changed = db.write(c -> {
            int rows = update(c, "UPDATE trials SET state = ?, datetime_complete = ?,"
                    + " datetime_start = COALESCE(datetime_start, ?) WHERE trial_id = ? AND state IN ('RUNNING', 'WAITING')",
                    state.name(), SqlValues.time(now), SqlValues.time(now), trialId);
            if (rows == 0) {
                if (!trialExists(c, trialId)) {
                    throw new IllegalArgumentException("cannot finish trial id " + trialId + ": no such trial in " + url);
                }
                return false;
            }
            if (t != null) {
                flush(c, t);
            }
            if (values != null) {
                insertValues(c, trialId, values);
            }
            if (t == null || t.beating) {
                update(c, "DELETE FROM trial_heartbeats WHERE trial_id = ?", trialId);
            }
            return true;
        });
        if (!changed) {
            live.remove(trialId);
            return false;
        }
        FrozenTrial done = t != null ? t.snapshot(state, values, now)
                : db.read(c -> TrialLoader.load(c, List.of(trialId))).get(0);
        live.remove(trialId);
        int studyId = t != null ? t.studyId : -1;
        if (studyId >= 0) {
            cacheFinished(studyId, done);
        } else {
            finished.put(trialId, done);
        }
        return true;
    }

    private void cacheFinished(int studyId, FrozenTrial trial) {
        finished.put(trial.id(), trial);
        finishedOfStudy.computeIfAbsent(studyId, id -> ConcurrentHashMap.newKeySet()).add(trial.id());
    }

    @Override
    public FrozenTrial trial(long trialId) {
        FrozenTrial cached = finished.get(trialId);
        if (cached != null) {
            return cached;
        }
        LiveTrial t = live.get(trialId);
        if (t != null) {
            return t.snapshot(TrialState.RUNNING, null, null);
        }
        List<FrozenTrial> loaded = db.read(c -> TrialLoader.load(c, List.of(trialId)));
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("no trial with id " + trialId + " in " + url);
        }
        FrozenTrial trial = loaded.get(0);
        if (trial.state().isFinished()) {
            finished.put(trialId, trial);
        }
        return trial;
    }

    @Override
    public List<FrozenTrial> trials(int studyId, Set<TrialState> states) {
        return db.read(c -> {
            requireStudy(c, studyId);
            List<TrialLoader.Row> rows = TrialLoader.rows(c, studyId);
            List<TrialLoader.Row> missing = new ArrayList<>();
            for (TrialLoader.Row row : rows) {
                if (states.contains(row.state()) && !finished.containsKey(row.id())
                        && !(row.state() == TrialState.RUNNING && live.containsKey(row.id()))) {
                    missing.add(row);
                }
            }
            Map<Long, FrozenTrial> loaded = new HashMap<>();
            for (FrozenTrial t : TrialLoader.load(c, studyId, missing, rows.size())) {
                loaded.put(t.id(), t);
                if (t.state().isFinished()) {
                    cacheFinished(studyId, t);
                }
            }
            List<FrozenTrial> result = new ArrayList<>();
            for (TrialLoader.Row row : rows) {
                if (!states.contains(row.state())) {
                    continue;
                }
                FrozenTrial t = finished.get(row.id());
                if (t == null) {
                    LiveTrial l = live.get(row.id());
                    t = l != null && row.state() == TrialState.RUNNING ? l.snapshot(TrialState.RUNNING, null, null)
                            : loaded.get(row.id());
                }
                if (t != null) {
                    result.add(t);
                }
            }
            return result;
        });
    }

    @Override
    public int trialCount(int studyId, Set<TrialState> states) {
        return db.read(c -> {
            requireStudy(c, studyId);
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM trials WHERE study_id = ? GROUP BY state")) {
                ps.setInt(1, studyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (states.contains(TrialState.valueOf(rs.getString(1)))) {
                            n += rs.getInt(2);
                        }
                    }
                }
            }
            return n;
        });
    }

    @Override
    public long trialId(int studyId, int number) {
        return db.read(c -> {
            String name = requireStudy(c, studyId);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT trial_id FROM trials WHERE study_id = ? AND number = ?")) {
                ps.setInt(1, studyId);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("study '" + name + "' has no trial number " + number);
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Heartbeats use the database's clock, as Optuna's do, so that machines with skewed clocks agree. The same
     * transaction writes the trials' pending parameters, so a trial whose worker dies can still be retried
     * with its parameters.
     */
    @Override
    public void recordHeartbeats(Collection<Long> trialIds) {
        if (trialIds.isEmpty()) {
            return;
        }
        db.write(c -> {
            for (long id : trialIds) {
                LiveTrial t = live.get(id);
                if (t != null) {
                    t.beating = true;
                    flush(c, t);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_heartbeats (trial_id, heartbeat)"
                    + " VALUES (?, " + dialect.now() + ")" + dialect.upsert("trial_id", "heartbeat"))) {
                for (long id : trialIds) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<FrozenTrial> failStaleTrials(int studyId, Duration gracePeriod) {
        List<Long> failed = db.write(c -> {
            Map<Long, String> stale = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id, h.heartbeat FROM trials t"
                    + " JOIN trial_heartbeats h ON t.trial_id = h.trial_id WHERE t.study_id = ? AND t.state = 'RUNNING'"
                    + " AND " + dialect.staleHeartbeat())) {
                ps.setInt(1, studyId);
                ps.setObject(2, dialect.staleHeartbeatParameter(gracePeriod));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            List<Long> ids = new ArrayList<>();
            for (Map.Entry<Long, String> e : stale.entrySet()) {
                if (update(c, "UPDATE trials SET state = 'FAIL', datetime_complete = ? WHERE trial_id = ?"
                        + " AND state = 'RUNNING'", SqlValues.time(Instant.now()), e.getKey()) == 1) {
                    upsertAttr(c, "trial_system_attributes", "trial_id", e.getKey(), FrozenTrial.FAIL_REASON,
                            StaleTrials.reason(e.getValue() + " UTC"));
                    ids.add(e.getKey());
                }
            }
            return ids;
        });
        if (failed.isEmpty()) {
            return List.of();
        }
        failed.forEach(live::remove);
        List<FrozenTrial> trials = db.read(c -> TrialLoader.load(c, failed));
        trials.forEach(t -> cacheFinished(studyId, t));
        return trials;
    }

    /** Closes the database connection; pending writes of running trials are written first. */
    @Override
    public void close() {
        db.write(c -> {
            for (LiveTrial t : live.values()) {
                flush(c, t);
            }
            return null;
        });
        Storages.forget(this);
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcStorage(" + url + ", " + revision + ")";
    }
}
