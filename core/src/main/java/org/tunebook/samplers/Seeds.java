package org.tunebook.samplers;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a seed, a trial number and a parameter name, so that a seeded
 * run gives every trial the same values however many threads run it and in whatever order.
 */
final class Seeds {

    private Seeds() {
    }

    /** A seed for a sampler created without one. */
    static long fresh() {
        return new SplittableRandom().nextLong() ^ System.nanoTime();
    }

    /** A random stream for one trial. */
    static SplittableRandom forTrial(long seed, int trialNumber) {
        return new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (trialNumber + 1L)));
    }

    /** A random stream for one parameter of one trial; independent of the order parameters are asked in. */
    static SplittableRandom forParam(long seed, int trialNumber, String name) {
        long s = mix(seed + 0x9E3779B97F4A7C15L * (trialNumber + 1L));
        return new SplittableRandom(mix(s ^ hash(name)));
    }

    /**
     * A 64-bit hash of a parameter name (FNV-1a over its chars). {@link String#hashCode()} would not do: it has
     * easy collisions ("Aa" and "BB"), which would give two parameters of a trial the same random stream.
     */
    static long hash(String name) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finalizer: a bijective scrambling of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
