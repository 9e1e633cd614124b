package org.itlgateway.gateway.operator;

import java.time.LocalDate;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;

/**
 * A unit block as the API writes it, in the same fields a proposal's blocks are given in, so that blocks read
 * from the holdings can be proposed as they are. Held blocks also say which transaction reserved them.
 */
public record BlockView(String originatingRegistry, long start, long end, long quantity, String unitType, int suppUnitType,
                 int originalPeriod, int applicablePeriod, String lulucfActivity, Long project, String track,
                 LocalDate expiryDate, String reservedBy) {

    static BlockView of(UnitBlock block) {
        return of(block, null);
    }

    static BlockView of(HeldBlock held) {
        return of(held.block(), held.reservedBy() == null ? null : held.reservedBy().toString());
    }

    private static BlockView of(UnitBlock block, String reservedBy) {
        UnitAttributes a = block.attributes();
        return new BlockView(a.originatingRegistry().value(), block.start(), block.end(), block.quantity(),
                a.unitType().name(), a.suppUnitType(), a.originalPeriod().code(), a.applicablePeriod().code(),
                a.lulucfActivity() == null ? null : a.lulucfActivity().name(), a.projectId(),
                a.track() == null ? null : a.track().name(), a.expiryDate(), reservedBy);
    }
}
