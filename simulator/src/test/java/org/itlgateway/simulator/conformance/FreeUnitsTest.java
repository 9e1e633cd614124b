package org.itlgateway.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.itlgateway.core.unit.SerialRange;
import org.junit.jupiter.api.Test;

class FreeUnitsTest {

    @Test
    void theUnitsTakenAreThePartsOfAMirrorBlockTheRegistryHoldsUnreserved() {
        SerialRange mirrored = new SerialRange(100, 199);
        List<SerialRange> freeAtRegistry = List.of(new SerialRange(150, 169), new SerialRange(90, 119),
                new SerialRange(190, 250));

        assertEquals(List.of(new SerialRange(100, 119), new SerialRange(150, 169), new SerialRange(190, 199)),
                ConformancePlan.within(mirrored, freeAtRegistry));
    }

    @Test
    void aMirrorBlockTheRegistryHoldsNothingOfFreeGivesNoUnits() {
        assertEquals(List.of(), ConformancePlan.within(new SerialRange(100, 199),
                List.of(new SerialRange(1, 99), new SerialRange(200, 300))));
    }
}
