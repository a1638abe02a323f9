package org.tunebook.schedulers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoint folders of one study's segments: {@code <root>/<study>/trial-<number>/}, the bytes saved by
 * {@link Segment#save} in {@code checkpoint.bin} there, next to whatever files the user writes. A folder is written
 * by its own segment only and read by later ones.
 */
final class CheckpointStore {

    static final String FILE = "checkpoint.bin";

    private final Path studyDirectory;

    CheckpointStore(Path root, String studyName) {
        this.studyDirectory = root.resolve(studyName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** The folder of trial {@code number}'s checkpoint (it may not exist yet). */
    Path directory(int number) {
        return studyDirectory.resolve("trial-" + number);
    }

    /** Creates and returns the folder of trial {@code number}. */
    Path createDirectory(int number) {
        Path dir = directory(number);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint folder " + dir, e);
        }
    }

    /** Whether trial {@code number} left a checkpoint: bytes or any file in its folder. */
    boolean has(int number) {
        Path dir = directory(number);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoint folder " + dir, e);
        }
    }

    /** Writes trial {@code number}'s bytes, atomically replacing earlier ones. */
    void save(int number, byte[] bytes) {
        Path dir = createDirectory(number);
        try {
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of trial " + number + " in " + dir, e);
        }
    }

    /** Trial {@code number}'s bytes, if it saved any. */
    Optional<byte[]> read(int number) {
        Path file = directory(number).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    /** Arrays of doubles as bytes: the count, then each array's length and values. */
    static byte[] encode(double[]... arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(arrays.length);
            for (double[] a : arrays) {
                out.writeInt(a.length);
                for (double v : a) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The arrays {@link #encode} wrote. */
    static double[][] decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            double[][] arrays = new double[in.readInt()][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = new double[in.readInt()];
                for (int j = 0; j < arrays[i].length; j++) {
                    arrays[i][j] = in.readDouble();
                }
            }
            return arrays;
        } catch (IOException e) {
            throw new IllegalStateException("the checkpoint does not hold arrays saved with saveArrays", e);
        }
    }
}
