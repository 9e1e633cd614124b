package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * The units in the pending account owed to the Adaptation Fund: the shares of proceeds of completed issuances
 * not transferred yet. Nothing may forward or cancel them.
 */
final class SharesOwed {

    private final Issuances issuances;

    SharesOwed(Issuances issuances) {
        this.issuances = issuances;
    }

    /** The serial numbers owed. */
    List<SerialRange> ranges() {
        return issuances.withShareOfProceedsUnsettled().stream().map(Issuance::shareOfProceeds).toList();
    }

    /** Why {@code blocks} cannot leave the pending account: some of their units are owed. */
    List<EvaluationResult> touchedBy(List<UnitBlock> blocks) {
        List<EvaluationResult> problems = new ArrayList<>();
        for (Issuance issuance : issuances.withShareOfProceedsUnsettled()) {
            UnitBlockId owed = new UnitBlockId(RegistryCode.CDM, issuance.shareOfProceeds());
            List<UnitBlockId> touching = blocks.stream().map(UnitBlock::id).filter(owed::overlaps).toList();
            if (!touching.isEmpty()) {
                problems.add(EvaluationResult.of(ResponseCode.UNITS_RESERVED, touching,
                        "owed to the Adaptation Fund as the share of proceeds of " + issuance.transaction()));
            }
        }
        return problems;
    }
}
