package org.itlgateway.gateway.wire;

import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.schemas.v1.types.DesAttributedUnitBlock;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifier;

/**
 * Unit blocks between the wire and the domain, the one place that maps them: a block's identity (serial range and
 * originating registry) and its attributes, whichever message carries it (a proposal's block, a held block, an
 * audit trail entry's block, a result's block identifier).
 */
public final class UnitBlockMapping {

    private UnitBlockMapping() {
    }

    /** Writes the block's range, originating registry and attributes into {@code wire}; answers it. */
    public static <T extends DesAttributedUnitBlock> T write(UnitBlock block, T wire) {
        UnitAttributes attributes = block.attributes();
        write(block.id(), wire);
        wire.setUnitType(attributes.unitType().code());
        wire.setSuppUnitType(attributes.suppUnitType());
        wire.setOriginalCommitPeriod(attributes.originalPeriod().code());
        wire.setApplicableCommitPeriod(attributes.applicablePeriod().code());
        if (attributes.lulucfActivity() != null) {
            wire.setLULUCFActivity(attributes.lulucfActivity().code());
        }
        if (attributes.projectId() != null) {
            wire.setProjectIdentifier(attributes.projectId().intValue());
        }
        if (attributes.track() != null) {
            wire.setTrack(attributes.track().code());
        }
        wire.setExpiryDate(attributes.expiryDate());
        return wire;
    }

    /** Writes the block's range and originating registry into {@code wire}; answers it. */
    public static <T extends DesUnitBlockIdentifier> T write(UnitBlockId block, T wire) {
        wire.setUnitSerialBlockStart(block.range().start());
        wire.setUnitSerialBlockEnd(block.range().end());
        wire.setOriginatingRegistryCode(block.originatingRegistry().value());
        return wire;
    }

    /** The block a message carries, with its attributes (codes the domain does not know fail here). */
    public static UnitBlock read(DesAttributedUnitBlock wire) {
        UnitAttributes attributes = new UnitAttributes(RegistryCode.of(wire.getOriginatingRegistryCode()),
                UnitType.fromCode(wire.getUnitType()), wire.getSuppUnitType(),
                CommitmentPeriod.fromCode(wire.getOriginalCommitPeriod()),
                CommitmentPeriod.fromCode(wire.getApplicableCommitPeriod()),
                wire.getLULUCFActivity() == null ? null : LulucfActivity.fromCode(wire.getLULUCFActivity()),
                wire.getProjectIdentifier() == null ? null : wire.getProjectIdentifier().longValue(),
                wire.getTrack() == null ? null : Track.fromCode(wire.getTrack()), wire.getExpiryDate());
        return UnitBlock.of(wire.getUnitSerialBlockStart(), wire.getUnitSerialBlockEnd(), attributes);
    }

    /** The identity of the block a message names: its serial range and originating registry. */
    public static UnitBlockId idOf(DesUnitBlockIdentifier wire) {
        return new UnitBlockId(new RegistryCode(wire.getOriginatingRegistryCode()),
                new SerialRange(wire.getUnitSerialBlockStart(), wire.getUnitSerialBlockEnd()));
    }
}
