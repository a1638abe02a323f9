package org.tunebook.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Reads trials from Optuna's tables in bulk: one query per table for a whole set of trials, not one per
 * trial, so that loading a study of 10,000 trials costs a handful of queries.
 */
final class TrialLoader {

    /** Above this many trials, child rows are read for the whole study and filtered, instead of by id. */
    private static final int BY_STUDY_THRESHOLD = 400;
    private static final int CHUNK = 500;

    /** A trial's own row. */
    record Row(long id, int number, TrialState state, String started, String completed) {
    }

    private TrialLoader() {
    }

    /** The rows of a study's trials, by number. */
    static List<Row> rows(Connection c, int studyId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT trial_id, number, state, datetime_start,"
                + " datetime_complete FROM trials WHERE study_id = ? ORDER BY number, trial_id")) {
            ps.setInt(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5));
    }

    /** Loads trials by id (in id order). */
    static List<FrozenTrial> load(Connection c, List<Long> ids) throws SQLException {
        List<Row> rows = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT trial_id, number, state, datetime_start,"
                    + " datetime_complete FROM trials WHERE trial_id IN (" + placeholders(chunk.size()) + ")"
                    + " ORDER BY trial_id")) {
                bind(ps, chunk, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
        }
        return build(c, -1, rows);
    }

    /** Loads the trials of {@code rows}, some of the {@code studyTrials} trials of a study. */
    static List<FrozenTrial> load(Connection c, int studyId, List<Row> rows, int studyTrials) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        return build(c, rows.size() > BY_STUDY_THRESHOLD && rows.size() * 4 > studyTrials ? studyId : -1, rows);
    }

    private static List<FrozenTrial> build(Connection c, int studyId, List<Row> rows) throws SQLException {
        Map<Long, FrozenTrial.Builder> builders = new LinkedHashMap<>();
        for (Row r : rows) {
            builders.put(r.id(), FrozenTrial.builder().id(r.id()).number(r.number()).state(r.state())
                    .started(SqlValues.instant(r.started())).completed(SqlValues.instant(r.completed())));
        }
        if (builders.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Double>> values = new LinkedHashMap<>();
        Map<String, Distribution> byName = studyId >= 0 ? distributionsByName(c, studyId) : null;
        // When each parameter has one distribution in the whole study (the common case), rows need not carry it.
        query(c, studyId, builders.keySet(), "SELECT x.trial_id, x.param_name, x.param_value"
                + (byName == null ? ", x.distribution_json" : "") + " FROM trial_params x", "x.param_id", rs -> {
                    String name = rs.getString(2);
                    Distribution d = byName != null ? byName.get(name) : DistributionJson.read(rs.getString(4));
                    builders.get(rs.getLong(1)).param(name, d.toExternal(rs.getDouble(3)), d);
                });
        query(c, studyId, builders.keySet(), "SELECT x.trial_id, x.objective, x.value, x.value_type"
                + " FROM trial_values x", "x.trial_id, x.objective", rs -> {
                    double v = rs.getDouble(3);
                    values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(SqlValues.decode(v, rs.wasNull(), rs.getString(4)));
                });
        query(c, studyId, builders.keySet(), "SELECT x.trial_id, x.step, x.intermediate_value,"
                + " x.intermediate_value_type FROM trial_intermediate_values x", "x.step", rs -> {
                    double v = rs.getDouble(3);
                    builders.get(rs.getLong(1)).intermediateValue(rs.getInt(2),
                            SqlValues.decode(v, rs.wasNull(), rs.getString(4)));
                });
        query(c, studyId, builders.keySet(), "SELECT x.trial_id, x.\"key\", x.value_json FROM trial_user_attributes x",
                "x.trial_user_attribute_id", rs -> builders.get(rs.getLong(1)).userAttr(rs.getString(2),
                        Json.read(rs.getString(3))));
        query(c, studyId, builders.keySet(), "SELECT x.trial_id, x.\"key\", x.value_json FROM trial_system_attributes x",
                "x.trial_system_attribute_id", rs -> builders.get(rs.getLong(1)).systemAttr(rs.getString(2),
                        Json.read(rs.getString(3))));
        List<FrozenTrial> trials = new ArrayList<>(builders.size());
        builders.forEach((id, b) -> {
            List<Double> v = values.get(id);
            if (v != null) {
                b.values(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
            trials.add(b.build());
        });
        return trials;
    }

    /**
     * The distribution of each parameter of a study, or null if some parameter has several (its range changed
     * between trials, say). Reading these few pairs first spares reading and hashing a JSON text for every
     * parameter of every trial, which was most of the time a large study took to load.
     */
    private static Map<String, Distribution> distributionsByName(Connection c, int studyId) throws SQLException {
        Map<String, Distribution> byName = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT x.param_name, x.distribution_json"
                + " FROM trial_params x JOIN trials t ON x.trial_id = t.trial_id WHERE t.study_id = ?")) {
            ps.setInt(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (byName.put(rs.getString(1), DistributionJson.read(rs.getString(2))) != null) {
                        return null;
                    }
                }
            }
        }
        return byName;
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Runs a child-table query for the given trials: by study (one query) or by id chunks. */
    private static void query(Connection c, int studyId, Collection<Long> ids, String select, String order,
            RowHandler handler) throws SQLException {
        if (studyId >= 0) {
            try (PreparedStatement ps = c.prepareStatement(select + " JOIN trials t ON x.trial_id = t.trial_id"
                    + " WHERE t.study_id = ? ORDER BY " + order)) {
                ps.setInt(1, studyId);
                try (ResultSet rs = ps.executeQuery()) {
                    Set<Long> wanted = ids instanceof Set<Long> s ? s : new HashSet<>(ids);
                    while (rs.next()) {
                        if (wanted.contains(rs.getLong(1))) {
                            handler.handle(rs);
                        }
                    }
                }
            }
            return;
        }
        for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE x.trial_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY " + order)) {
                bind(ps, chunk, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            }
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<Long> ids, int from) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(from + i, ids.get(i));
        }
    }
}
