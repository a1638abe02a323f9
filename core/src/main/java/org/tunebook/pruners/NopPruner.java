package org.tunebook.pruners;

import org.tunebook.FrozenTrial;
import org.tunebook.Study;

/** Never prunes. The default pruner of a study. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return false;
    }

    @Override
    public String toString() {
        return "NopPruner";
    }
}
