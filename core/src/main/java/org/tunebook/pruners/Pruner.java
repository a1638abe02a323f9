package org.tunebook.pruners;

import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/**
 * Decides whether a running trial should stop early. Asked by {@link org.tunebook.Trial#shouldPrune()} after
 * the trial has reported intermediate values; must be thread-safe.
 */
@FunctionalInterface
public interface Pruner {

    /** Whether {@code trial} (a snapshot of the running trial) should be pruned now. */
    boolean prune(Study study, FrozenTrial trial);
}
