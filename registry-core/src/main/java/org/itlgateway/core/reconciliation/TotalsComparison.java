package org.itlgateway.core.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingTotal;

/**
 * Compares the totals a registry reports with the log's totals of the same snapshot, group by group. A group
 * that only one side has counts as zero on the other.
 */
public final class TotalsComparison {

    private TotalsComparison() {
    }

    /** The groups whose units differ, in the order the registry reported them, then the log's own. */
    public static List<TotalDifference> differences(List<HoldingTotal> reported, List<HoldingTotal> recorded) {
        Map<HoldingGroup, long[]> byGroup = new LinkedHashMap<>();
        for (HoldingTotal total : reported) {
            byGroup.computeIfAbsent(HoldingGroup.of(total), g -> new long[2])[0] += total.units();
        }
        for (HoldingTotal total : recorded) {
            byGroup.computeIfAbsent(HoldingGroup.of(total), g -> new long[2])[1] += total.units();
        }
        List<TotalDifference> differences = new ArrayList<>();
        byGroup.forEach((group, units) -> {
            if (units[0] != units[1]) {
                differences.add(new TotalDifference(group, units[0], units[1]));
            }
        });
        return differences;
    }
}
