package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 2005: every block names an originating registry the node knows.
 * A malformed registry code never becomes a block; the proposal intake refuses it with the same code.
 */
public final class OriginatingRegistryKnown extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.ORIGINATING_REGISTRY_UNKNOWN;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return context.registries().find(block.attributes().originatingRegistry()).isEmpty();
    }

    @Override
    protected String description() {
        return "these unit blocks name an originating registry that does not exist";
    }
}
