package org.tunebook.pruners;

/** The pruner contract for the pruner that never prunes. */
class NopPrunerContractTest extends PrunerContractTest {

    @Override
    protected Pruner create() {
        return new NopPruner();
    }

    @Override
    protected boolean prunesContractCurves() {
        return false;
    }
}
