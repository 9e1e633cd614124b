package org.itlgateway.gateway.operator;

import java.util.List;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;

/** A unit block of a request ({@link BlockRequest}), as a proposal's intake or a CDM operation takes it. */
final class BlockFields {

    private BlockFields() {
    }

    /** The block as a form for the intake, which judges its values with their response codes. */
    static UnitBlockForm formOf(BlockRequest given, RegistryCode here, String at) {
        BlockRequest block = given.checked(at);
        CommitmentPeriod original = block.originalPeriod();
        CommitmentPeriod applicable = block.applicablePeriod() != null ? block.applicablePeriod() : original;
        return new UnitBlockForm(block.start(), block.end(),
                block.originatingRegistry() != null ? block.originatingRegistry() : here.value(),
                block.unitType().code(), block.suppUnitType() == null ? 0 : block.suppUnitType().intValue(),
                original.code(), applicable.code(),
                block.lulucfActivity() == null ? null : block.lulucfActivity().code(),
                block.project(), block.track() == null ? null : block.track().code(),
                block.expiryDate(), null, null, null, null);
    }

    /** The block itself, for an operation of the CDM registry that names its units; {@code at} names it in refusals. */
    static UnitBlock blockOf(BlockRequest given, RegistryCode here, String at) {
        BlockRequest block = given.checked(at);
        long start = TransactionRequest.positive(block.start(), at + ".start");
        long end = TransactionRequest.positive(block.end(), at + ".end");
        if (start > end) {
            throw ApiProblem.invalid(at + ".start", at + ".start " + start + " is after " + at + ".end " + end);
        }
        RegistryCode origin;
        try {
            origin = block.originatingRegistry() == null ? here : RegistryCode.of(block.originatingRegistry());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(at + ".originatingRegistry", at + ".originatingRegistry must be a registry code "
                    + "such as JP or CDM: " + e.getMessage());
        }
        long supp = block.suppUnitType() == null ? 0L : block.suppUnitType();
        if (supp < 0 || supp > Integer.MAX_VALUE) {
            throw ApiProblem.invalid(at + ".suppUnitType", at + ".suppUnitType must be 0 or more, not " + supp);
        }
        CommitmentPeriod original = block.originalPeriod();
        return new UnitBlock(new SerialRange(start, end), new UnitAttributes(origin, block.unitType(), (int) supp,
                original, block.applicablePeriod() != null ? block.applicablePeriod() : original,
                block.lulucfActivity(), block.project(), block.track(), block.expiryDate()));
    }

    /** The blocks of a CDM operation. */
    static List<UnitBlock> blocksOf(List<BlockRequest> blocks, RegistryCode here) {
        return java.util.stream.IntStream.range(0, blocks.size())
                .mapToObj(i -> blockOf(blocks.get(i), here, "blocks[" + i + "]")).toList();
    }
}
