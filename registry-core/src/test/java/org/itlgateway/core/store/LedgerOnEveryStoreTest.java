package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger behaves the same, piece for piece, on the in-memory store and on PostgreSQL. */
@ParameterizedClass(name = "ledger {0}")
@MethodSource("stores")
class LedgerOnEveryStoreTest {

    static final RegistryCode CDM = RegistryCode.CDM;
    static final AccountRef PENDING = AccountRef.parse("CDM-110-1-0");
    static final AccountRef HOLDER_A = AccountRef.parse("CDM-120-1001-0");
    static final AccountRef HOLDER_B = AccountRef.parse("CDM-120-1002-0");
    static final AccountRef CANCELLATION = AccountRef.parse("CDM-230-5-0");
    static final UnitAttributes CER = UnitAttributes.cer(1234, CommitmentPeriod.CP2);
    static final UnitAttributes OTHER_CER = UnitAttributes.cer(999, CommitmentPeriod.CP2);
    static final TransactionId T1 = TransactionId.of(CDM, 1);
    static final TransactionId T2 = TransactionId.of(CDM, 2);
    static final Instant START = Instant.parse("2020-03-01T12:00:00Z");

    @Parameter
    LedgerBench bench;

    static Stream<LedgerBench> stores() {
        return Stream.of(LedgerBench.inMemory(), LedgerBench.postgres());
    }

    @BeforeEach
    void empty() {
        bench.empty();
    }

    @Test
    void issuancePutsNewUnitsFreeIntoTheAccount() {
        assertTrue(issue(1, 100, CER, 1).isApplied());
        assertEquals(List.of(free(1, 100, CER, PENDING)), held(PENDING));
        assertEquals(100L, bench.<Long>apply(l -> l.quantityHeldBy(PENDING)));
    }

    @Test
    void adjacentAlikeUnitsMergeIntoOnePieceAndUnlikeOnesStayApart() {
        issue(1, 100, CER, 1);
        issue(101, 200, CER, 2);
        issue(201, 300, OTHER_CER, 3);
        assertEquals(List.of(free(1, 200, CER, PENDING), free(201, 300, OTHER_CER, PENDING)), held(PENDING));
    }

    @Test
    void issuingSerialNumbersThatExistIsRefusedAndChangesNothing() {
        issue(1, 100, CER, 1);
        LedgerOutcome again = issue(50, 150, CER, 2);
        assertEquals(List.of(EvaluationResult.of(ResponseCode.SERIALS_ALREADY_ISSUED,
                List.of(UnitBlockId.of(CDM, 50, 150)), "these serial numbers are issued already")), again.refusals());
        assertEquals(List.of(free(1, 100, CER, PENDING)), held(PENDING));
    }

    @Test
    void reservingPartOfAPieceSplitsIt() {
        issue(1, 100, CER, 1);
        assertTrue(reserve(T1, 21, 30, PENDING, 2).isApplied());
        assertEquals(List.of(free(1, 20, CER, PENDING), reserved(21, 30, CER, PENDING, T1), free(31, 100, CER, PENDING)),
                held(PENDING));
        assertEquals(List.of(reserved(21, 30, CER, PENDING, T1)), bench.apply(l -> l.holdersOf(UnitBlockId.of(CDM, 25, 26))));
    }

    @Test
    void reservingUnitsAnotherTransactionReservedIsRefusedWithUnitsReserved() {
        issue(1, 100, CER, 1);
        reserve(T1, 21, 30, PENDING, 2);
        LedgerOutcome second = reserve(T2, 25, 40, PENDING, 3);
        assertEquals(List.of(EvaluationResult.of(ResponseCode.UNITS_RESERVED, List.of(UnitBlockId.of(CDM, 25, 40)),
                ResponseCode.UNITS_RESERVED.meaning())), second.refusals());
        assertEquals(List.of(free(1, 20, CER, PENDING), reserved(21, 30, CER, PENDING, T1), free(31, 100, CER, PENDING)),
                held(PENDING));
    }

    @Test
    void reservingIsRefusedForEveryReasonAtOnceAndChangesNothing() {
        issue(1, 100, CER, 1);
        issue(201, 300, CER, 2);
        bench.apply(l -> l.reserve(T1, List.of(UnitBlock.of(201, 300, CER)), b -> PENDING, at(3)));
        bench.accept(l -> l.moveReserved(T1, CANCELLATION, at(4)));

        LedgerOutcome refused = bench.apply(l -> l.reserve(T2, List.of(
                UnitBlock.of(90, 110, CER),           // 101..110 do not exist
                UnitBlock.of(1, 10, OTHER_CER),       // attributes differ from the holding
                UnitBlock.of(201, 210, CER)),         // cancelled
                b -> PENDING, at(5)));
        assertEquals(List.of(
                EvaluationResult.of(ResponseCode.UNITS_DO_NOT_EXIST, List.of(UnitBlockId.of(CDM, 90, 110)),
                        ResponseCode.UNITS_DO_NOT_EXIST.meaning()),
                EvaluationResult.of(ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING,
                        List.of(UnitBlockId.of(CDM, 1, 10)), ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING.meaning()),
                EvaluationResult.of(ResponseCode.UNITS_CANCELLED_OR_RETIRED, List.of(UnitBlockId.of(CDM, 201, 210)),
                        ResponseCode.UNITS_CANCELLED_OR_RETIRED.meaning())), refused.refusals());
        assertEquals(List.of(free(1, 100, CER, PENDING)), held(PENDING));
        assertEquals(List.of(free(201, 300, CER, CANCELLATION)), held(CANCELLATION));
    }

    @Test
    void reservingFromAnAccountThatDoesNotHoldTheUnitsIsRefused() {
        issue(1, 100, CER, 1);
        LedgerOutcome refused = reserve(T1, 1, 10, HOLDER_A, 2);
        assertEquals(List.of(ResponseCode.UNITS_NOT_HELD), refused.refusals().stream().map(EvaluationResult::code).toList());
        assertEquals(List.of(free(1, 100, CER, PENDING)), held(PENDING));
    }

    @Test
    void releasingGivesTheUnitsBackAndMergesThePiecesAgain() {
        issue(1, 100, CER, 1);
        reserve(T1, 21, 30, PENDING, 2);
        bench.accept(l -> l.release(T1, at(3)));
        assertEquals(List.of(free(1, 100, CER, PENDING)), held(PENDING));
    }

    @Test
    void movingReservedUnitsPutsThemFreeInTheAcquiringAccountMergedWithItsNeighbours() {
        issue(1, 100, CER, 1);
        reserve(T1, 1, 20, PENDING, 2);
        bench.accept(l -> l.moveReserved(T1, HOLDER_A, at(3)));
        reserve(T2, 21, 30, PENDING, 4);
        bench.accept(l -> l.moveReserved(T2, HOLDER_A, at(5)));

        assertEquals(List.of(free(1, 30, CER, HOLDER_A)), held(HOLDER_A));
        assertEquals(List.of(free(31, 100, CER, PENDING)), held(PENDING));
    }

    @Test
    void blocksLeavingTheirOwnAccountsAreReservedInEachOfThem() {
        issue(1, 100, CER, 1);
        reserve(T1, 1, 10, PENDING, 2);
        bench.accept(l -> l.moveReserved(T1, HOLDER_A, at(3)));
        reserve(T2, 11, 20, PENDING, 4);
        bench.accept(l -> l.moveReserved(T2, HOLDER_B, at(5)));

        TransactionId forwarding = TransactionId.of(CDM, 3);
        Map<Long, AccountRef> leaving = Map.of(1L, HOLDER_A, 11L, HOLDER_B);
        LedgerOutcome outcome = bench.apply(l -> l.reserve(forwarding,
                List.of(UnitBlock.of(1, 10, CER), UnitBlock.of(11, 20, CER)), b -> leaving.get(b.start()), at(6)));
        assertTrue(outcome.isApplied(), outcome.toString());
        bench.accept(l -> l.moveReserved(forwarding, HOLDER_B, at(7)));
        assertEquals(List.of(), held(HOLDER_A));
        assertEquals(List.of(free(1, 20, CER, HOLDER_B)), held(HOLDER_B));
    }

    @Test
    void debitingTakesTheReservedUnitsOutOfTheRegistry() {
        issue(1, 100, CER, 1);
        reserve(T1, 41, 60, PENDING, 2);
        bench.accept(l -> l.debitReserved(T1, at(3)));
        assertEquals(List.of(free(1, 40, CER, PENDING), free(61, 100, CER, PENDING)), held(PENDING));
        assertEquals(List.of(), bench.apply(l -> l.holdersOf(UnitBlockId.of(CDM, 41, 60))));
    }

    @Test
    void changingReservedUnitsAltersThemInPlaceAndFreesThem() {
        RegistryCode jp = RegistryCode.of("JP");
        AccountRef party = AccountRef.parse("JP-100-1-2");
        UnitAttributes aau = UnitAttributes.aau(jp, CommitmentPeriod.CP2);
        bench.apply(l -> l.issue(party, List.of(UnitBlock.of(1, 100, aau)), at(1)));
        bench.apply(l -> l.reserve(T1, List.of(UnitBlock.of(1, 30, aau)), b -> party, at(2)));
        bench.accept(l -> l.changeReserved(T1, a -> a.withUnitType(UnitType.ERU_FROM_AAU), at(3)));
        assertEquals(List.of(free(1, 30, aau.withUnitType(UnitType.ERU_FROM_AAU), party), free(31, 100, aau, party)),
                held(party));
    }

    @Test
    void creditingAddsArrivingUnitsAndRefusesUnitsHeldAlready() {
        UnitAttributes expiring = CER.withExpiryDate(LocalDate.of(2030, 12, 31));
        assertTrue(bench.apply(l -> l.credit(HOLDER_A, List.of(UnitBlock.of(500, 599, expiring)), at(1))).isApplied());
        LedgerOutcome again = bench.apply(l -> l.credit(HOLDER_B, List.of(UnitBlock.of(550, 650, expiring)), at(2)));
        assertFalse(again.isApplied());
        assertEquals(ResponseCode.UNITS_NOT_HELD, again.refusals().get(0).code());
        assertEquals(List.of(free(500, 599, expiring, HOLDER_A)), held(HOLDER_A));
        assertEquals(List.of(), held(HOLDER_B));
    }

    @Test
    void reservingAgainForTheSameTransactionIsAllowed() {
        issue(1, 100, CER, 1);
        reserve(T1, 1, 50, PENDING, 2);
        assertTrue(reserve(T1, 1, 50, PENDING, 3).isApplied());
        assertEquals(List.of(reserved(1, 50, CER, PENDING, T1), free(51, 100, CER, PENDING)), held(PENDING));
    }

    // ---- helpers ----

    private LedgerOutcome issue(long start, long end, UnitAttributes attributes, int second) {
        return bench.apply(l -> l.issue(PENDING, List.of(UnitBlock.of(start, end, attributes)), at(second)));
    }

    private LedgerOutcome reserve(TransactionId transaction, long start, long end, AccountRef from, int second) {
        return bench.apply(l -> l.reserve(transaction, List.of(UnitBlock.of(start, end, CER)), b -> from, at(second)));
    }

    private List<HeldBlock> held(AccountRef account) {
        return bench.apply(l -> l.heldBy(account));
    }

    static Instant at(int second) {
        return START.plusSeconds(second);
    }

    static HeldBlock free(long start, long end, UnitAttributes attributes, AccountRef account) {
        return HeldBlock.free(UnitBlock.of(start, end, attributes), account);
    }

    static HeldBlock reserved(long start, long end, UnitAttributes attributes, AccountRef account, TransactionId by) {
        return new HeldBlock(UnitBlock.of(start, end, attributes), account, by);
    }
}
