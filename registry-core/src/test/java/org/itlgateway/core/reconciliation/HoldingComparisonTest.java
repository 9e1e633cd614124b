package org.itlgateway.core.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.Test;

class HoldingComparisonTest {

    private static final AccountRef PENDING = AccountRef.of(RegistryCode.CDM, AccountType.PENDING, 1000);
    private static final AccountRef HOLDING = AccountRef.of(RegistryCode.CDM, AccountType.ENTITY_HOLDING, 2000);
    private static final UnitAttributes CER = UnitAttributes.cer(1234, CommitmentPeriod.CP2);

    @Test
    void identicalHoldingsCutIntoDifferentPiecesAgree() {
        List<HeldBlock> registry = List.of(piece(1, 50, PENDING).reservedFor(TransactionId.of(RegistryCode.CDM, 7)),
                piece(51, 100, PENDING), piece(101, 200, HOLDING));
        List<HeldBlock> log = List.of(piece(1, 100, PENDING), piece(101, 150, HOLDING), piece(151, 200, HOLDING));

        assertEquals(List.of(), differences(registry, log));
    }

    @Test
    void namesMissingExtraAndMisplacedUnits() {
        List<HeldBlock> registry = List.of(piece(1, 100, PENDING), piece(151, 200, HOLDING), piece(301, 310, PENDING));
        List<HeldBlock> log = List.of(piece(1, 100, PENDING), piece(101, 150, PENDING), piece(151, 200, PENDING));

        assertEquals(List.of(
                        new Found(ResponseCode.BLOCK_MISSING, 101, 150),
                        new Found(ResponseCode.BLOCK_IN_WRONG_ACCOUNT, 151, 200),
                        new Found(ResponseCode.BLOCK_EXTRA, 301, 310)),
                differences(registry, log));
    }

    @Test
    void namesUnitsWhoseAttributesDiffer() {
        HeldBlock other = new HeldBlock(UnitBlock.of(11, 20, UnitAttributes.cer(99, CommitmentPeriod.CP2)), PENDING, null);
        List<HeldBlock> registry = List.of(piece(1, 10, PENDING), other, piece(21, 30, PENDING));
        List<HeldBlock> log = List.of(piece(1, 30, PENDING));

        assertEquals(List.of(new Found(ResponseCode.BLOCK_ATTRIBUTES_DIFFER, 11, 20)), differences(registry, log));
    }

    private static HeldBlock piece(long start, long end, AccountRef account) {
        return HeldBlock.free(UnitBlock.of(start, end, CER), account);
    }

    private static List<Found> differences(List<HeldBlock> registry, List<HeldBlock> log) {
        List<Found> found = new ArrayList<>();
        HoldingComparison.compare(registry.iterator(), log.iterator(), d -> found.add(Found.of(d)));
        return found;
    }

    private record Found(ResponseCode code, long start, long end) {
        static Found of(BlockDifference difference) {
            UnitBlockId block = difference.block();
            return new Found(difference.code(), block.range().start(), block.range().end());
        }
    }
}
