package org.tunebook.schedulers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tunebook.Trial;

/**
 * One stretch of a population member's training, run as one trial: from step {@link #start()} (inclusive) to
 * {@link #end()} (exclusive), with the configuration the scheduler chose (ask for it with the trial's
 * {@code suggest…} methods as usual) and the checkpoint to continue from.
 *
 * <pre>{@code
 * segment -> {
 *     double lr = segment.trial().suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
 *     Model model = segment.restore().map(Model::fromBytes).orElseGet(Model::new);
 *     for (int step = segment.start(); step < segment.end(); step++) {
 *         model.trainEpoch(lr);
 *         segment.trial().report(model.accuracy(), step);
 *     }
 *     segment.save(model.toBytes());
 * }
 * }</pre>
 *
 * <p>The segment's score is its last report. Checkpoints are the user's: bytes ({@link #save(byte[])}), arrays of
 * doubles ({@link #saveArrays}), or any files written into {@link #directory()}; a later segment of this member,
 * or of a member that copies this one, gets them back. A segment that saves nothing cannot be copied (Ray's rule:
 * the exploit is skipped).
 */
public final class Segment {

    private final Trial trial;
    private final int member;
    private final int generation;
    private final int start;
    private final int end;
    private final int restoredFrom;
    private final CheckpointStore store;

    Segment(Trial trial, int member, int generation, int start, int end, int restoredFrom, CheckpointStore store) {
        this.trial = trial;
        this.member = member;
        this.generation = generation;
        this.start = start;
        this.end = end;
        this.restoredFrom = restoredFrom;
        this.store = store;
    }

    /** The trial of this segment: suggest, report, set attributes. */
    public Trial trial() {
        return trial;
    }

    /** The population member, 0 to population - 1. */
    public int member() {
        return member;
    }

    /** The member's segment count before this one (0 for its first). */
    public int generation() {
        return generation;
    }

    /** The first step to train and report. */
    public int start() {
        return start;
    }

    /** The step after the last one to train (exclusive). */
    public int end() {
        return end;
    }

    /** Whether the segment continues from a checkpoint (its member's, or the one of the member it copies). */
    public boolean isRestored() {
        return restoredFrom >= 0 && store.has(restoredFrom);
    }

    /** The trial whose checkpoint this segment continues from, or -1 for a fresh start. */
    public int restoredFrom() {
        return restoredFrom;
    }

    /** The bytes to continue from, empty for a fresh start (or when the earlier segment saved only files). */
    public Optional<byte[]> restore() {
        return restoredFrom < 0 ? Optional.empty() : store.read(restoredFrom);
    }

    /** The arrays saved with {@link #saveArrays}, empty for a fresh start. */
    public Optional<double[][]> restoreArrays() {
        return restore().map(CheckpointStore::decode);
    }

    /** The folder of the checkpoint to continue from, if there is one; read it, do not change it. */
    public Optional<Path> restoredDirectory() {
        return restoredFrom < 0 || !Files.isDirectory(store.directory(restoredFrom)) ? Optional.empty()
                : Optional.of(store.directory(restoredFrom));
    }

    /** Saves this segment's checkpoint (replacing bytes saved before in this segment). */
    public void save(byte[] checkpoint) {
        if (checkpoint == null) {
            throw new IllegalArgumentException("a checkpoint needs bytes (an empty array is fine)");
        }
        store.save(trial.number(), checkpoint);
    }

    /** Saves arrays of doubles (weights, optimizer state) as this segment's checkpoint. */
    public void saveArrays(double[]... arrays) {
        save(CheckpointStore.encode(arrays));
    }

    /** This segment's own checkpoint folder, created on demand, for checkpoints made of files. */
    public Path directory() {
        return store.createDirectory(trial.number());
    }

    @Override
    public String toString() {
        return "Segment of member " + member + ", steps " + start + "-" + (end - 1) + ", trial #" + trial.number()
                + (restoredFrom >= 0 ? " from trial #" + restoredFrom : "");
    }
}
