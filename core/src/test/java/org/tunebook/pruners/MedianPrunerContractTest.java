package org.tunebook.pruners;

/** The pruner contract for the median pruner (its rules are checked in {@link PercentilePrunerTest}). */
class MedianPrunerContractTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new MedianPruner(5, 3);
    }
}
