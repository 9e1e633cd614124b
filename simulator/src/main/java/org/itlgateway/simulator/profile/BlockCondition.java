package org.itlgateway.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * Which unit blocks a rule is about. Empty lists match anything; every given list must match.
 *
 * @param unitTypes          unit types by name (AAU, RMU, ERU_FROM_AAU, ERU_FROM_RMU, CER, TCER, LCER)
 * @param originalPeriods    original commitment periods (0, 1, 2)
 * @param applicablePeriods  applicable commitment periods (0, 1, 2)
 * @param originatingRegistries registries the units originate in (e.g. CDM)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BlockCondition(List<UnitType> unitTypes, List<Integer> originalPeriods, List<Integer> applicablePeriods,
                             List<String> originatingRegistries) {

    public BlockCondition {
        unitTypes = unitTypes == null ? List.of() : List.copyOf(unitTypes);
        originalPeriods = originalPeriods == null ? List.of() : List.copyOf(originalPeriods);
        applicablePeriods = applicablePeriods == null ? List.of() : List.copyOf(applicablePeriods);
        originatingRegistries = originatingRegistries == null ? List.of() : List.copyOf(originatingRegistries);
        for (int period : originalPeriods) {
            CommitmentPeriod.fromCode(period);
        }
        for (int period : applicablePeriods) {
            CommitmentPeriod.fromCode(period);
        }
    }

    public static BlockCondition any() {
        return new BlockCondition(List.of(), List.of(), List.of(), List.of());
    }

    public boolean matches(UnitBlock block) {
        return (unitTypes.isEmpty() || unitTypes.contains(block.unitType()))
                && (originalPeriods.isEmpty() || originalPeriods.contains(block.attributes().originalPeriod().code()))
                && (applicablePeriods.isEmpty() || applicablePeriods.contains(block.attributes().applicablePeriod().code()))
                && (originatingRegistries.isEmpty()
                    || originatingRegistries.contains(block.attributes().originatingRegistry().value()));
    }
}
