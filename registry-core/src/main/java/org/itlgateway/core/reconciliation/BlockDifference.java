package org.itlgateway.core.reconciliation;

import java.util.Objects;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * Units on which a registry and the log disagree: missing from the registry (6002), extra in it (6003), held in
 * another account (6004), or with other attributes (6005).
 *
 * @param code   what differs
 * @param block  the units
 * @param detail what each side has, in words
 */
public record BlockDifference(ResponseCode code, UnitBlockId block, String detail) {

    public BlockDifference {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(detail, "detail");
    }
}
