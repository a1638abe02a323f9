package org.tunebook.samplers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.Distribution;

/**
 * The combinations a study has tried, as a tree: each node is a parameter asked at that point of a trial,
 * each edge one of its values (by index), and a trial's parameters in the order it asked for them are a
 * path from the root. A node is <em>done</em> when a trial ended there, or when every value of its parameter
 * leads to a done node.
 */
final class BruteForceTree {

    private static final class Node {
        String param;
        Distribution distribution;
        long count;
        final Map<Long, Node> children = new HashMap<>();
        boolean leaf;
    }

    private final Node root = new Node();
    private int leaves;

    private BruteForceTree() {
    }

    /** The tree of {@code trials}, leaving out the trial with id {@code exclude} (may be null). */
    static BruteForceTree of(List<FrozenTrial> trials, Long exclude) {
        BruteForceTree tree = new BruteForceTree();
        for (FrozenTrial t : trials) {
            if (exclude == null || t.id() != exclude) {
                tree.add(t.params(), t.distributions());
            }
        }
        return tree;
    }

    private void add(Map<String, Object> params, Map<String, Distribution> distributions) {
        Node node = walk(params, distributions, true);
        if (node != null) {
            node.leaf = true;
            leaves++;
        }
    }

    /**
     * Follows a path of parameters from the root, creating nodes if asked; null when the path does not fit the
     * tree (a parameter another trial did not ask at that point, or a value off its grid).
     */
    private Node walk(Map<String, Object> params, Map<String, Distribution> distributions, boolean create) {
        Node node = root;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Distribution d = distributions.get(e.getKey());
            if (node.param == null) {
                long count;
                try {
                    count = BruteForceSampler.valueCount(e.getKey(), d);
                } catch (IllegalArgumentException continuous) {
                    return null;
                }
                if (!create) {
                    return null;
                }
                node.param = e.getKey();
                node.distribution = d;
                node.count = count;
            } else if (!node.param.equals(e.getKey())) {
                return null;
            }
            long k = BruteForceSampler.indexOf(node.distribution, d.toInternal(e.getValue()));
            if (k < 0) {
                return null;
            }
            Node child = node.children.get(k);
            if (child == null) {
                if (!create) {
                    return null;
                }
                child = new Node();
                node.children.put(k, child);
            }
            node = child;
        }
        return node;
    }

    private static boolean done(Node node) {
        if (node.leaf) {
            return true;
        }
        if (node.param == null || node.children.size() < node.count) {
            return false;
        }
        for (Node child : node.children.values()) {
            if (!done(child)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every combination has been tried. */
    boolean isExhausted() {
        return done(root);
    }

    /** The number of trials in the tree. */
    int leafCount() {
        return leaves;
    }

    /**
     * The index of a value of {@code name} for a trial that has asked for {@code params} so far: one whose
     * branch is not done yet, at random; any value when all are (the space is used up, or changed).
     */
    long pick(Map<String, Object> params, Map<String, Distribution> distributions, String name, Distribution d,
            long count, SplittableRandom rng) {
        Node node = params.isEmpty() ? root : walk(params, distributions, false);
        if (node == null || (node.param != null && !node.param.equals(name))) {
            return rng.nextLong(count);
        }
        List<Long> doneValues = new ArrayList<>();
        if (node.param != null && node.distribution.equals(d)) {
            node.children.forEach((k, child) -> {
                if (done(child)) {
                    doneValues.add(k);
                }
            });
        }
        if (doneValues.size() >= count) {
            return rng.nextLong(count);
        }
        Collections.sort(doneValues);
        long k = rng.nextLong(count - doneValues.size()); // the k-th value that is not done
        for (long used : doneValues) {
            if (used <= k) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }
}
