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
        return new SplittableRandom(mix(s ^ (name.hashCode() * 0xC2B2AE3D27D4EB4FL)));
    }

    /** SplitMix64's finalizer: a bijective scrambling of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
