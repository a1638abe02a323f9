package org.tunebook.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, inside a transaction that holds a study's lock, the two things a new trial needs: the study's last
 * trial (the new one's number is its number + 1) and its oldest WAITING trial (to be claimed instead). Reading
 * all of a study's trials for that each time made every trial cost more the larger the study was, so this
 * reads only the trials from an <em>anchor</em> on: a trial of the study, remembered from an earlier
 * transaction of this storage object, that no WAITING trial of the study precedes.
 *
 * <p>That reading is complete because trial ids grow with insertion and every tunebook writer inserts a study's
 * trials while holding the study's lock: a trial inserted later has a larger id and is committed later, so it
 * comes after the anchor. Trials never become WAITING after they are inserted, so an anchor stays valid once
 * it was. Numbering by the last trial (by id) matches Optuna, which numbers a trial by the count of the
 * study's trials with smaller ids. A writer that does not lock (Python Optuna) and commits a trial with an
 * id below another's already committed one could go unseen as WAITING by this storage object, as Optuna's
 * own unlocked numbering may then give two trials one number.
 *
 * <p>If the anchor's row is gone (its study was deleted and made again by another process), the whole study
 * is read again.
 */
final class TrialTail {

    /** A trial of a study, by id, with its number. */
    record Mark(long id, int number) {
    }

    /** A trial's number when its row has none yet (a foreign writer's half-made row). */
    static final int NO_NUMBER = -1;

    /**
     * What a reading found: the study's last trial and its two oldest WAITING trials, each null when there is
     * none. When the last trial's number is {@link #NO_NUMBER}, the caller must count.
     */
    record Found(Mark last, Mark waiting, Mark nextWaiting) {

        /** The anchor once the oldest WAITING trial is claimed (or when none was there). */
        Mark afterClaim() {
            return nextWaiting != null ? nextWaiting : last;
        }

        /** The anchor once a trial was inserted without claiming: the oldest WAITING one, or the new trial. */
        Mark afterInsert(Mark inserted) {
            return waiting != null ? waiting : inserted;
        }
    }

    private static final String FROM_ANCHOR = "SELECT trial_id, number, state FROM trials WHERE study_id = ?"
            + " AND trial_id >= ? ORDER BY trial_id";
    private static final String ALL = "SELECT trial_id, number, state FROM trials WHERE study_id = ? ORDER BY trial_id";

    private final Map<Integer, Mark> anchors = new ConcurrentHashMap<>();

    /** Reads the study's trials from its anchor on (all of them the first time). */
    Found read(Connection c, int studyId) throws SQLException {
        Mark anchor = anchors.get(studyId);
        if (anchor != null) {
            Found found = read(c, studyId, anchor);
            if (found != null) {
                return found;
            }
            anchors.remove(studyId, anchor);
        }
        return read(c, studyId, null);
    }

    /** Null when the anchor's row is not the first one read (the anchor is stale). */
    private static Found read(Connection c, int studyId, Mark anchor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(anchor == null ? ALL : FROM_ANCHOR)) {
            ps.setInt(1, studyId);
            if (anchor != null) {
                ps.setLong(2, anchor.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                long lastId = -1;
                Integer lastNumber = null;
                Mark waiting = null;
                Mark nextWaiting = null;
                boolean first = true;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int number = rs.getInt(2);
                    lastNumber = rs.wasNull() ? null : number;
                    if (first && anchor != null && (id != anchor.id() || lastNumber == null
                            || lastNumber != anchor.number())) {
                        return null;
                    }
                    first = false;
                    lastId = id;
                    if (nextWaiting == null && "WAITING".equals(rs.getString(3))) {
                        Mark mark = new Mark(id, lastNumber == null ? NO_NUMBER : number);
                        if (waiting == null) {
                            waiting = mark;
                        } else {
                            nextWaiting = mark;
                        }
                    }
                }
                if (first && anchor != null) {
                    return null;
                }
                Mark last = lastId < 0 ? null : new Mark(lastId, lastNumber == null ? NO_NUMBER : lastNumber);
                return new Found(last, waiting, nextWaiting);
            }
        }
    }

    /**
     * Remembers a new anchor, once the transaction that found it has committed (an anchor from a rolled-back
     * transaction could skip a WAITING trial whose claim was undone). Of two anchors the later one wins: both
     * are valid, and it saves reading.
     */
    void advance(int studyId, Mark anchor) {
        if (anchor != null) {
            anchors.merge(studyId, anchor, (old, mark) -> mark.id() >= old.id() ? mark : old);
        }
    }

    /** Forgets a deleted study's anchor. */
    void forget(int studyId) {
        anchors.remove(studyId);
    }
}
