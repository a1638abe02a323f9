package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunebook.distributions.Distribution;

/**
 * The search spaces that finished trials have used, updated one trial at a time (in any order: the results
 * do not depend on it):
 * <ul>
 *   <li>the <em>intersection</em>: parameters every trial had, with one and the same distribution (Optuna's
 *   {@code IntersectionSearchSpace}; a parameter whose range changed drops out);</li>
 *   <li>the <em>groups</em>: parameters partitioned by the set of trials that used them, so that each group
 *   is a block of a conditional space that is always sampled together (Optuna's group decomposition), each
 *   with the distribution of its latest trial.</li>
 * </ul>
 * Single-valued distributions are left out of both, as there is nothing to sample.
 */
final class SpaceTracker {

    private Map<String, Distribution> intersection;
    private final Map<String, Distribution> latest = new HashMap<>();
    private final Map<String, Integer> latestNumber = new HashMap<>();
    /** Two 64-bit order-independent hashes of the set of trial numbers that used each parameter. */
    private final Map<String, long[]> presence = new HashMap<>();

    void add(int trialNumber, Map<String, Distribution> distributions) {
        if (intersection == null) {
            intersection = new HashMap<>(distributions);
        } else {
            intersection.entrySet().removeIf(e -> !e.getValue().equals(distributions.get(e.getKey())));
        }
        long h1 = Seeds.mix(trialNumber + 0x632BE59BD9B4E019L);
        long h2 = Seeds.mix(h1 ^ 0x9E3779B97F4A7C15L);
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            String name = e.getKey();
            Integer seen = latestNumber.get(name);
            if (seen == null || seen < trialNumber) {
                latest.put(name, e.getValue());
                latestNumber.put(name, trialNumber);
            }
            long[] h = presence.computeIfAbsent(name, k -> new long[2]);
            h[0] += h1;
            h[1] += h2;
        }
    }

    /** The intersection search space, by name, without single-valued parameters. */
    Map<String, Distribution> intersection() {
        Map<String, Distribution> space = new TreeMap<>();
        if (intersection != null) {
            intersection.forEach((name, d) -> {
                if (!d.isSingle()) {
                    space.put(name, d);
                }
            });
        }
        return space;
    }

    /** The groups of the decomposed search space, each by name, ordered by their first name. */
    List<Map<String, Distribution>> groups() {
        Map<String, Map<String, Distribution>> byPresence = new TreeMap<>();
        Map<String, String> firstName = new HashMap<>();
        new TreeMap<>(latest).forEach((name, d) -> {
            if (d.isSingle()) {
                return;
            }
            long[] h = presence.get(name);
            String key = Long.toHexString(h[0]) + ":" + Long.toHexString(h[1]);
            String first = firstName.computeIfAbsent(key, k -> name);
            byPresence.computeIfAbsent(first, k -> new TreeMap<>()).put(name, d);
        });
        List<Map<String, Distribution>> groups = new ArrayList<>();
        byPresence.values().forEach(g -> groups.add(new LinkedHashMap<>(g)));
        return groups;
    }
}
