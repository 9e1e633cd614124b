package org.itlgateway.gateway.operator;

import java.util.List;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * A unit block given in a request, in the fields the API writes blocks in ({@link BlockView}):
 * {@code originatingRegistry} (default: this registry), {@code start}, {@code end}, {@code unitType},
 * {@code suppUnitType} (default 0), {@code originalPeriod}, {@code applicablePeriod} (default: the original),
 * {@code lulucfActivity}, {@code project}, {@code track} and {@code expiryDate}. {@code quantity} and
 * {@code reservedBy} may be left in, as read from the holdings; they are not used.
 */
final class BlockFields {

    static final List<String> FIELDS = List.of("originatingRegistry", "start", "end", "quantity", "unitType",
            "suppUnitType", "originalPeriod", "applicablePeriod", "lulucfActivity", "project", "track", "expiryDate",
            "reservedBy");

    private BlockFields() {
    }

    /** The block as a form for the intake, which judges its values with their response codes. */
    static UnitBlockForm formOf(JsonBody block, RegistryCode here) {
        block.onlyFields(FIELDS);
        CommitmentPeriod original = CodeLists.period(block, "originalPeriod");
        CommitmentPeriod applicable = CodeLists.optionalPeriod(block, "applicablePeriod").orElse(original);
        return new UnitBlockForm(block.whole("start"), block.whole("end"),
                block.optionalText("originatingRegistry").orElse(here.value()),
                CodeLists.unitType(block, "unitType").code(), (int) block.optionalWhole("suppUnitType").orElse(0L).longValue(),
                original.code(), applicable.code(),
                CodeLists.optionalLulucfActivity(block, "lulucfActivity").map(LulucfActivity::code).orElse(null),
                block.optionalWhole("project").orElse(null),
                CodeLists.optionalTrack(block, "track").map(Track::code).orElse(null),
                block.optionalDate("expiryDate").orElse(null), null, null, null, null);
    }

    /** The block itself, for an operation of the CDM registry that names its units. */
    static UnitBlock blockOf(JsonBody block, RegistryCode here) {
        block.onlyFields(FIELDS);
        long start = block.positive("start");
        long end = block.positive("end");
        if (start > end) {
            throw ApiProblem.badRequest(block.name("start") + " " + start + " is after " + block.name("end") + " " + end);
        }
        RegistryCode origin = block.optionalRegistry("originatingRegistry").orElse(here);
        UnitType unitType = CodeLists.unitType(block, "unitType");
        CommitmentPeriod original = CodeLists.period(block, "originalPeriod");
        long supp = block.optionalWhole("suppUnitType").orElse(0L);
        if (supp < 0 || supp > Integer.MAX_VALUE) {
            throw ApiProblem.badRequest(block.name("suppUnitType") + " must be 0 or more, not " + supp);
        }
        return new UnitBlock(new SerialRange(start, end), new UnitAttributes(origin, unitType, (int) supp, original,
                CodeLists.optionalPeriod(block, "applicablePeriod").orElse(original),
                CodeLists.optionalLulucfActivity(block, "lulucfActivity").orElse(null),
                block.optionalWhole("project").orElse(null),
                CodeLists.optionalTrack(block, "track").orElse(null),
                block.optionalDate("expiryDate").orElse(null)));
    }
}
