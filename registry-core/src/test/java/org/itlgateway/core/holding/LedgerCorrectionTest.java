package org.itlgateway.core.holding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;

/** A manual intervention sets the units of a range as the administrator decided, and touches nothing else. */
class LedgerCorrectionTest {

    private static final RegistryCode JP = RegistryCode.of("JP");
    private static final AccountRef PARTY = AccountRef.parse("JP-100-1-2");
    private static final AccountRef ENTITY = AccountRef.parse("JP-120-7-2");
    private static final Instant NOW = Instant.parse("2016-09-01T09:00:00Z");

    private final InMemoryHoldingStore store = new InMemoryHoldingStore();
    private final Ledger ledger = new Ledger(store);

    @Test
    void unitsTheLedgerHoldsInAnotherAccountAreMovedAndTheRestOfThePieceStays() {
        ledger.issue(PARTY, List.of(aaus(1, 1_000)), NOW);

        ledger.correct(JP, new SerialRange(401, 600), List.of(HeldBlock.free(aaus(401, 600), ENTITY)), NOW);

        assertEquals(List.of(HeldBlock.free(aaus(1, 400), PARTY), HeldBlock.free(aaus(601, 1_000), PARTY)),
                ledger.heldBy(PARTY));
        assertEquals(List.of(HeldBlock.free(aaus(401, 600), ENTITY)), ledger.heldBy(ENTITY));
    }

    @Test
    void unitsThatShouldNotExistAreRemoved() {
        ledger.issue(PARTY, List.of(aaus(1, 1_000)), NOW);

        ledger.correct(JP, new SerialRange(901, 1_000), List.of(), NOW);

        assertEquals(List.of(HeldBlock.free(aaus(1, 900), PARTY)), ledger.heldBy(PARTY));
    }

    @Test
    void unitsTheLedgerLacksAreAddedCutToTheRangeAndMergedWithTheirNeighbours() {
        ledger.issue(PARTY, List.of(aaus(1, 1_000)), NOW);

        ledger.correct(JP, new SerialRange(1_001, 1_500), List.of(HeldBlock.free(aaus(1_001, 2_000), PARTY)), NOW);

        assertEquals(List.of(HeldBlock.free(aaus(1, 1_500), PARTY)), ledger.heldBy(PARTY));
    }

    @Test
    void otherAttributesReplaceTheLedgersAndAReservationOfTheRangeIsDropped() {
        TransactionId transfer = TransactionId.parse("JP7");
        ledger.issue(PARTY, List.of(aaus(1, 100)), NOW);
        ledger.reserve(transfer, List.of(aaus(1, 100)), block -> PARTY, NOW);
        UnitBlock asReported = UnitBlock.of(1, 100, UnitAttributes.aau(JP, CommitmentPeriod.CP1));

        ledger.correct(JP, new SerialRange(1, 100), List.of(HeldBlock.free(asReported, PARTY)), NOW);

        assertEquals(List.of(HeldBlock.free(asReported, PARTY)), ledger.heldBy(PARTY));
        assertEquals(List.of(), store.reservedBy(transfer));
    }

    @Test
    void aPieceOfAnotherOriginatingRegistryIsRefused() {
        HeldBlock swiss = HeldBlock.free(UnitBlock.of(1, 10, UnitAttributes.aau(RegistryCode.of("CH"),
                CommitmentPeriod.CP2)), PARTY);

        assertThrows(IllegalArgumentException.class,
                () -> ledger.correct(JP, new SerialRange(1, 10), List.of(swiss), NOW));
    }

    private static UnitBlock aaus(long start, long end) {
        return UnitBlock.of(start, end, UnitAttributes.aau(JP, CommitmentPeriod.CP2));
    }
}
