package org.itlgateway.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.RegistryNode;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusOutcome;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

class TransactionLifecycleTest {

    private static final RegistryCode JP = RegistryCode.of("JP");
    private static final RegistryCode NZ = RegistryCode.of("NZ");
    private static final UnitAttributes JP_AAU = UnitAttributes.aau(JP, CommitmentPeriod.CP2);

    private final TestClock clock = TestClock.at("2015-03-02T09:00:00Z");
    private final RegistryNode jp = new RegistryNode(JP, clock);
    private final RegistryNode nz = new RegistryNode(NZ, clock);
    private final AccountRef party = jp.open(AccountType.PARTY_HOLDING, 1);
    private final AccountRef entity = jp.open(AccountType.ENTITY_HOLDING, 2);
    private final AccountRef retirement = jp.open(AccountType.RETIREMENT, 3);
    private final AccountRef nzParty = nz.open(AccountType.PARTY_HOLDING, 1);

    private UnitBlock aau(long start, long end) {
        return UnitBlock.of(start, end, JP_AAU);
    }

    private void issue(long start, long end) {
        Proposal issuance = jp.proposal(TransactionType.ISSUANCE, 0, null, party, List.of(aau(start, end)));
        assertTrue(jp.lifecycle().propose(issuance).isRecorded());
        assertTrue(jp.lifecycle().notify(issuance.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).completed());
    }

    private long held(AccountRef account) {
        return jp.ledger().quantityHeldBy(account);
    }

    private Transaction transaction(RegistryNode node, TransactionId id) {
        return node.transactions().find(id).orElseThrow();
    }

    private List<HeldBlock> reserved(RegistryNode node, TransactionId id) {
        return node.lifecycle().reservedBy(transaction(node, id));
    }

    // ------------------------------------------------------------------ issuance

    @Test
    void issuanceCreatesItsUnitsOnlyWhenTheLogsCheckArrives() {
        Proposal issuance = jp.proposal(TransactionType.ISSUANCE, 0, null, party, List.of(aau(1, 1000)));

        ProposalOutcome proposed = jp.lifecycle().propose(issuance);

        assertTrue(proposed.isRecorded());
        assertEquals(TransactionStatus.PROPOSED, proposed.transaction().status());
        assertEquals(0, held(party));

        NotificationOutcome checked = jp.lifecycle().notify(issuance.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        assertTrue(checked.completed());
        assertEquals(1000, held(party));
        assertEquals(List.of(TransactionStatus.PROPOSED, TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.COMPLETED),
                transaction(jp, issuance.id()).history().stream().map(c -> c.status()).toList());
    }

    @Test
    void issuanceTerminatedByTheLogLeavesNoUnits() {
        Proposal issuance = jp.proposal(TransactionType.ISSUANCE, 0, null, party, List.of(aau(1, 1000)));
        jp.lifecycle().propose(issuance);
        List<EvaluationResult> why = List.of(EvaluationResult.of(ResponseCode.AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT, "too many"));

        NotificationOutcome discrepancy = jp.lifecycle().notify(issuance.id(), TransactionStatus.CHECKED_DISCREPANCY, why);

        assertTrue(discrepancy.ended());
        assertEquals(TransactionStatus.TERMINATED, discrepancy.status());
        assertEquals(why, transaction(jp, issuance.id()).latestResults());
        assertEquals(0, held(party));
    }

    @Test
    void issuanceOfSerialNumbersThatExistIsRefusedAndRecordsNothing() {
        issue(1, 1000);
        Proposal again = jp.proposal(TransactionType.ISSUANCE, 0, null, party, List.of(aau(900, 1100)));

        ProposalOutcome outcome = jp.lifecycle().propose(again);

        assertTrue(outcome.isRefused());
        assertEquals(ResponseCode.SERIALS_ALREADY_ISSUED, outcome.refusals().get(0).code());
        assertTrue(jp.transactions().find(again.id()).isEmpty());
        assertEquals(1000, held(party));
    }

    // ------------------------------------------------------------------ internal transactions

    @Test
    void internalTransferReservesUnitsInTheTransferringAccountUntilTheLogChecksIt() {
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(101, 400)));

        jp.lifecycle().propose(transfer);

        assertEquals(1000, held(party));
        assertEquals(List.of(HeldBlock.free(aau(101, 400), party).reservedFor(transfer.id())), reserved(jp, transfer.id()));

        NotificationOutcome checked = jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        assertTrue(checked.completed());
        assertEquals(700, held(party));
        assertEquals(List.of(HeldBlock.free(aau(101, 400), entity)), jp.ledger().heldBy(entity));
        assertTrue(reserved(jp, transfer.id()).isEmpty());
    }

    @Test
    void proposalOfUnitsNotHeldIsRefusedAndChangesNothing() {
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, entity, party, List.of(aau(1, 10)));
        List<HeldBlock> before = jp.facts().store().all();

        ProposalOutcome outcome = jp.lifecycle().propose(transfer);

        assertTrue(outcome.isRefused());
        assertEquals(ResponseCode.UNITS_NOT_HELD, outcome.refusals().get(0).code());
        assertEquals(before, jp.facts().store().all());
        assertTrue(jp.transactions().find(transfer.id()).isEmpty());
    }

    @Test
    void unitsReservedByOneTransactionCannotBeProposedByAnother() {
        issue(1, 1000);
        jp.lifecycle().propose(jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 500))));

        ProposalOutcome second = jp.lifecycle().propose(
                jp.proposal(TransactionType.RETIREMENT, 0, party, retirement, List.of(aau(400, 600))));

        assertEquals(ResponseCode.UNITS_RESERVED, second.refusals().get(0).code());
    }

    @Test
    void discrepancyReleasesTheUnitsAndTerminatesWithTheResults() {
        issue(1, 1000);
        Proposal retire = jp.proposal(TransactionType.RETIREMENT, 0, party, retirement, List.of(aau(1, 100)));
        jp.lifecycle().propose(retire);
        List<EvaluationResult> why = List.of(EvaluationResult.of(ResponseCode.RETIREMENT_OF_WRONG_PERIOD, "wrong period"));

        NotificationOutcome outcome = jp.lifecycle().notify(retire.id(), TransactionStatus.CHECKED_DISCREPANCY, why);

        assertEquals(TransactionStatus.TERMINATED, outcome.status());
        assertEquals(why, transaction(jp, retire.id()).latestResults());
        assertTrue(reserved(jp, retire.id()).isEmpty());
        assertEquals(List.of(HeldBlock.free(aau(1, 1000), party)), jp.ledger().heldBy(party));
    }

    @Test
    void supplementaryCheckStraightAfterTheProposalImpliesTheLogsOwnCheck() {
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 10)));
        jp.lifecycle().propose(transfer);

        NotificationOutcome outcome = jp.lifecycle().notify(transfer.id(), TransactionStatus.STL_CHECKED_NO_DISCREPANCY);

        assertTrue(outcome.completed());
        assertEquals(List.of(TransactionStatus.PROPOSED, TransactionStatus.CHECKED_NO_DISCREPANCY,
                        TransactionStatus.STL_CHECKED_NO_DISCREPANCY, TransactionStatus.COMPLETED),
                transaction(jp, transfer.id()).history().stream().map(c -> c.status()).toList());
    }

    @Test
    void registryCheckedBySupplementaryLogFinalisesOnlyOnItsCheck() {
        TransactionLifecycle eu = jp.lifecycle().awaitingSupplementaryLog();
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 10)));
        eu.propose(transfer);

        NotificationOutcome itlChecked = eu.notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY, List.of());

        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, itlChecked.status());
        assertEquals(1, reserved(jp, transfer.id()).size());

        assertTrue(eu.notify(transfer.id(), TransactionStatus.STL_CHECKED_NO_DISCREPANCY, List.of()).completed());
        assertEquals(10, held(entity));
    }

    // ------------------------------------------------------------------ in place

    @Test
    void conversionChangesTheUnitsInPlaceAndNeverTheirCount() {
        issue(1, 1000);
        UnitAttributes eru = JP_AAU.withUnitType(UnitType.ERU_FROM_AAU).withProjectAndTrack(77L, Track.ONE);
        Proposal conversion = jp.proposal(TransactionType.CONVERSION, 0, party, null, List.of(UnitBlock.of(201, 300, eru)));

        assertTrue(jp.lifecycle().propose(conversion).isRecorded());
        assertEquals(JP_AAU, reserved(jp, conversion.id()).get(0).block().attributes());

        assertTrue(jp.lifecycle().notify(conversion.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).completed());

        assertEquals(1000, held(party));
        assertEquals(List.of(HeldBlock.free(aau(1, 200), party), HeldBlock.free(UnitBlock.of(201, 300, eru), party),
                HeldBlock.free(aau(301, 1000), party)), jp.ledger().heldBy(party));
    }

    @Test
    void carryOverChangesOnlyTheApplicablePeriod() {
        UnitAttributes cp1 = UnitAttributes.aau(JP, CommitmentPeriod.CP1);
        Proposal issuance = jp.proposal(TransactionType.ISSUANCE, 0, null, party, List.of(UnitBlock.of(1, 50, cp1)));
        jp.lifecycle().propose(issuance);
        jp.lifecycle().notify(issuance.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);
        UnitBlock carried = UnitBlock.of(1, 50, cp1.withApplicablePeriod(CommitmentPeriod.CP2));
        Proposal carryOver = jp.proposal(TransactionType.CARRY_OVER, 0, party, null, List.of(carried));

        jp.lifecycle().propose(carryOver);
        jp.lifecycle().notify(carryOver.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        assertEquals(List.of(HeldBlock.free(carried, party)), jp.ledger().heldBy(party));
    }

    @Test
    void expiryDateChangeChangesOnlyTheExpiryDate() {
        UnitAttributes tcers = new UnitAttributes(RegistryCode.CDM, UnitType.TCER, 0, CommitmentPeriod.CP1,
                CommitmentPeriod.CP1, LulucfActivity.AFFORESTATION_AND_REFORESTATION, 9999L, null,
                LocalDate.parse("2012-12-31"));
        jp.ledger().credit(party, List.of(UnitBlock.of(1, 40, tcers)), clock.instant());
        UnitBlock later = UnitBlock.of(11, 30, tcers.withExpiryDate(LocalDate.parse("2017-12-31")));
        Proposal change = jp.proposal(TransactionType.EXPIRY_DATE_CHANGE, 0, party, null, List.of(later));

        jp.lifecycle().propose(change);
        jp.lifecycle().notify(change.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        assertEquals(List.of(HeldBlock.free(UnitBlock.of(1, 10, tcers), party), HeldBlock.free(later, party),
                HeldBlock.free(UnitBlock.of(31, 40, tcers), party)), jp.ledger().heldBy(party));
    }

    @Test
    void inPlaceChangeOfAttributesTheTypeMayNotChangeIsRefused() {
        issue(1, 1000);
        UnitAttributes otherPeriod = JP_AAU.withApplicablePeriod(CommitmentPeriod.CP1);
        Proposal conversion = jp.proposal(TransactionType.CONVERSION, 0, party, null,
                List.of(UnitBlock.of(1, 10, otherPeriod.withUnitType(UnitType.ERU_FROM_AAU))));

        ProposalOutcome outcome = jp.lifecycle().propose(conversion);

        assertEquals(ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING, outcome.refusals().get(0).code());
        assertTrue(jp.transactions().find(conversion.id()).isEmpty());
        assertEquals(List.of(HeldBlock.free(aau(1, 1000), party)), jp.ledger().heldBy(party));
    }

    // ------------------------------------------------------------------ external transfers

    private Proposal transferToNz(long start, long end) {
        Proposal transfer = jp.proposal(TransactionType.EXTERNAL_TRANSFER, 0, party, nzParty, List.of(aau(start, end)));
        assertTrue(jp.lifecycle().propose(transfer).isRecorded());
        return transfer;
    }

    @Test
    void externalTransferKeepsItsUnitsReservedUntilTheAcquiringRegistryAccepts() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);

        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);
        assertEquals(1000, held(party));
        assertEquals(100, reserved(jp, transfer.id()).get(0).block().quantity());

        IncomingDecision decision = nz.lifecycle().considerIncoming(transfer);
        assertTrue(decision.accepted());
        assertEquals(0, nz.ledger().quantityHeldBy(nzParty));

        NotificationOutcome accepted = jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED);
        assertTrue(accepted.completed());
        assertEquals(900, held(party));

        NotificationOutcome completed = nz.lifecycle().notify(transfer.id(), TransactionStatus.COMPLETED, List.of());
        assertTrue(completed.completed());
        assertEquals(List.of(HeldBlock.free(aau(1, 100), nzParty)), nz.ledger().heldBy(nzParty));
    }

    @Test
    void anAcceptanceThatOvertookTheLogsCheckImpliesItAndTheLateCheckChangesNothing() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);

        NotificationOutcome accepted = jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED);

        assertTrue(accepted.completed(), accepted::toString);
        assertEquals(900, held(party));
        assertEquals(List.of(TransactionStatus.PROPOSED, TransactionStatus.CHECKED_NO_DISCREPANCY,
                        TransactionStatus.ACCEPTED, TransactionStatus.COMPLETED),
                transaction(jp, transfer.id()).history().stream().map(c -> c.status()).toList());
        NotificationOutcome lateCheck = jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);
        assertFalse(lateCheck.applied());
        assertEquals(TransactionStatus.COMPLETED, transaction(jp, transfer.id()).status());
        assertEquals(900, held(party));
    }

    @Test
    void externalTransferRejectedByTheAcquiringRegistryReleasesTheUnits() {
        issue(1, 1000);
        nz.facts().save(new Account(nzParty, "closed", AccountStatus.CLOSED));
        Proposal transfer = transferToNz(1, 100);
        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        IncomingDecision decision = nz.lifecycle().considerIncoming(transfer);
        assertFalse(decision.accepted());
        assertEquals(ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN, decision.rejections().get(0).code());

        NotificationOutcome rejected = jp.lifecycle().notify(transfer.id(), TransactionStatus.REJECTED, decision.rejections());

        assertEquals(TransactionStatus.REJECTED, rejected.status());
        assertEquals(decision.rejections(), transaction(jp, transfer.id()).latestResults());
        assertEquals(List.of(HeldBlock.free(aau(1, 1000), party)), jp.ledger().heldBy(party));
    }

    // ------------------------------------------------------------------ cancellation (7)

    @Test
    void transferringRegistryCancelsItsTransferBeforeTheAcceptanceAndItsUnitsAreFreeAgain() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        CancellationOutcome cancelled = jp.lifecycle().cancel(transfer.id(), clock.instant());

        assertTrue(cancelled.cancelled(), cancelled::toString);
        assertEquals(TransactionStatus.CANCELLED, transaction(jp, transfer.id()).status());
        assertEquals(List.of(HeldBlock.free(aau(1, 1000), party)), jp.ledger().heldBy(party));
        assertTrue(jp.lifecycle().propose(jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity,
                List.of(aau(1, 100)))).isRecorded(), "the released units can be proposed again");
    }

    @Test
    void anAcceptanceArrivingAfterTheCancellationChangesNothing() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        jp.lifecycle().cancel(transfer.id(), clock.instant());

        NotificationOutcome lateAcceptance = jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED);

        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, lateAcceptance.outcome());
        assertEquals(1000, held(party));
    }

    @Test
    void acquiringRegistryCannotCancelATransferItIsOffered4010AndACancellationByTheLogReachesIt() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        assertTrue(nz.lifecycle().considerIncoming(transfer).accepted());

        CancellationOutcome refused = nz.lifecycle().cancel(transfer.id(), clock.instant());

        assertFalse(refused.cancelled());
        assertEquals(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY, refused.refusals().get(0).code());
        assertEquals(TransactionStatus.ACCEPTED, transaction(nz, transfer.id()).status());
        NotificationOutcome byTheLog = nz.lifecycle().notify(transfer.id(), TransactionStatus.CANCELLED, List.of());
        assertEquals(TransactionStatus.CANCELLED, byTheLog.status());
        assertEquals(0, nz.ledger().quantityHeldBy(nzParty));
    }

    @Test
    void aFinalTransactionIsNotCancelled4001AndAnUnknownOne3003() {
        issue(1, 1000);
        Proposal internal = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 100)));
        jp.lifecycle().propose(internal);
        jp.lifecycle().notify(internal.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        CancellationOutcome completed = jp.lifecycle().cancel(internal.id(), clock.instant());
        CancellationOutcome unknown = jp.lifecycle().cancel(TransactionId.of(JP, 999_999), clock.instant());

        assertEquals(ResponseCode.TRANSACTION_ALREADY_FINAL, completed.refusals().get(0).code());
        assertEquals(TransactionStatus.COMPLETED, transaction(jp, internal.id()).status());
        assertEquals(100, held(entity));
        assertEquals(ResponseCode.TRANSACTION_UNKNOWN, unknown.refusals().get(0).code());
    }

    @Test
    void externalTransferNotCompletedWithin24HoursIsTerminatedAndItsUnitsReleased() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(List.of(), jp.lifecycle().terminateOverdue(clock.instant()));
        assertEquals(1, reserved(jp, transfer.id()).size());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(transfer.id()), jp.lifecycle().terminateOverdue(clock.instant()));

        Transaction terminated = transaction(jp, transfer.id());
        assertEquals(TransactionStatus.TERMINATED, terminated.status());
        assertEquals(ResponseCode.TRANSACTION_OVERDUE, terminated.latestResults().get(0).code());
        assertEquals(List.of(HeldBlock.free(aau(1, 1000), party)), jp.ledger().heldBy(party));
        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL,
                jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED).outcome());
        assertEquals(1000, held(party));
    }

    @Test
    void completionLimitIsConfigurable() {
        TransactionLifecycle hourly = jp.lifecycle().withCompletionLimit(Duration.ofHours(1));
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);

        clock.advance(Duration.ofHours(1));

        assertEquals(List.of(transfer.id()), hourly.terminateOverdue(clock.instant()));
    }

    @Test
    void acquiringRegistryCreditsOnlyOnTheLogsCompletionAfterAccepting() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        nz.facts().save(new Account(nzParty, "closed", AccountStatus.CLOSED));
        nz.lifecycle().considerIncoming(transfer);

        NotificationOutcome completed = nz.lifecycle().notify(transfer.id(), TransactionStatus.COMPLETED, List.of());

        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, completed.outcome());
        assertEquals(0, nz.ledger().quantityHeldBy(nzParty));
    }

    @Test
    void incomingTransferOfUnitsHeldHereAlreadyIsRejected() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        nz.facts().ledger().credit(nzParty, List.of(aau(50, 60)), clock.instant());

        IncomingDecision decision = nz.lifecycle().considerIncoming(transfer);

        assertEquals(ResponseCode.ACQUIRING_REGISTRY_REFUSES_TRANSACTION, decision.rejections().get(0).code());
    }

    @Test
    void incomingTransferForwardedTwiceGetsTheSameAnswer() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);

        IncomingDecision first = nz.lifecycle().considerIncoming(transfer);
        IncomingDecision second = nz.lifecycle().considerIncoming(transfer);

        assertTrue(first.accepted());
        assertTrue(second.accepted());
        assertEquals(3, second.transaction().history().size());
    }

    @Test
    void acquiringRegistryRulesAreItsOwn() {
        AcceptanceRule noAaus = (proposal, now) -> proposal.blocks().stream().anyMatch(b -> b.unitType() == UnitType.AAU)
                ? List.of(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, "no AAUs here"))
                : List.of();
        TransactionLifecycle strict = nz.lifecycle().withAcceptanceRules(List.of(noAaus));
        issue(1, 1000);

        IncomingDecision decision = strict.considerIncoming(transferToNz(1, 100));

        assertEquals(TransactionStatus.REJECTED, decision.answer());
        assertEquals(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, decision.rejections().get(0).code());
    }

    @Test
    void incomingTransferForAnotherRegistryIsNotRecorded() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);

        IncomingDecision decision = jp.lifecycle().considerIncoming(transfer);

        assertNull(decision.transaction());
        assertEquals(ResponseCode.WRONG_RECIPIENT, decision.rejections().get(0).code());
    }

    // ------------------------------------------------------------------ repeats and order

    @Test
    void repeatedNotificationsChangeNothing() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);

        assertEquals(StatusOutcome.REPLAYED, jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).outcome());
        jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED);
        List<HeldBlock> after = jp.facts().store().all();

        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED).outcome());
        assertEquals(StatusOutcome.REPLAYED, jp.lifecycle().notify(transfer.id(), TransactionStatus.COMPLETED).outcome());
        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, jp.lifecycle().notify(transfer.id(), TransactionStatus.TERMINATED).outcome());
        assertEquals(after, jp.facts().store().all());
        assertEquals(4, transaction(jp, transfer.id()).history().size());
    }

    @Test
    void aCompletionBeforeTheAcceptanceIsRefusedAndChangesNothing() {
        issue(1, 1000);
        Proposal transfer = transferToNz(1, 100);
        List<HeldBlock> before = jp.facts().store().all();

        NotificationOutcome completedTooEarly = jp.lifecycle().notify(transfer.id(), TransactionStatus.COMPLETED);
        jp.lifecycle().notify(transfer.id(), TransactionStatus.CHECKED_NO_DISCREPANCY);
        NotificationOutcome completedBeforeAcceptance = jp.lifecycle().notify(transfer.id(), TransactionStatus.COMPLETED);

        assertEquals(StatusOutcome.REFUSED, completedTooEarly.outcome());
        assertEquals(StatusOutcome.REFUSED, completedBeforeAcceptance.outcome());
        assertEquals(ResponseCode.STATUS_CHANGE_NOT_ALLOWED, completedBeforeAcceptance.results().get(0).code());
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, transaction(jp, transfer.id()).status());
        assertEquals(1000, held(party));
        assertEquals(before.size(), jp.facts().store().all().size());
    }

    @Test
    void internalTransactionIsNeverAccepted() {
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 10)));
        jp.lifecycle().propose(transfer);

        assertEquals(StatusOutcome.REFUSED, jp.lifecycle().notify(transfer.id(), TransactionStatus.ACCEPTED).outcome());
    }

    @Test
    void notificationForAnUnknownTransactionIsRefused() {
        NotificationOutcome outcome = jp.lifecycle().notify(TransactionId.of(JP, 999), TransactionStatus.COMPLETED);

        assertEquals(StatusOutcome.REFUSED, outcome.outcome());
        assertNull(outcome.status());
        assertEquals(ResponseCode.TRANSACTION_UNKNOWN, outcome.results().get(0).code());
    }

    @Test
    void sameProposalTwiceIsRecordedOnceAndOtherContentUnderTheSameIdentifierIsRefused() {
        issue(1, 1000);
        Proposal transfer = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 10)));
        jp.lifecycle().propose(transfer);
        Proposal other = new Proposal(transfer.id(), TransactionType.INTERNAL_TRANSFER, 0, JP, party, JP, entity, null,
                List.of(aau(1, 11)), Map.of(), clock.instant());

        assertEquals(ProposalOutcome.Verdict.EXISTS, jp.lifecycle().propose(transfer).verdict());
        assertEquals(ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT, jp.lifecycle().propose(other).refusals().get(0).code());
        assertEquals(1, reserved(jp, transfer.id()).size());
        assertEquals(10, reserved(jp, transfer.id()).get(0).block().quantity());
    }

    @Test
    void proposalOfMoreBlocksThanTheLogTakesIsRefused() {
        List<UnitBlock> blocks = new ArrayList<>();
        for (long serial = 1; serial <= 3_001; serial++) {
            blocks.add(aau(2 * serial, 2 * serial));
        }

        ProposalOutcome outcome = jp.lifecycle().propose(jp.proposal(TransactionType.ISSUANCE, 0, null, party, blocks));

        assertEquals(ResponseCode.TOO_MANY_BLOCKS, outcome.refusals().get(0).code());
    }

    @Test
    void proposalOfAnotherRegistryOrWithOverlappingBlocksIsRefused() {
        issue(1, 1000);
        Proposal overlapping = jp.proposal(TransactionType.INTERNAL_TRANSFER, 0, party, entity, List.of(aau(1, 10), aau(5, 20)));
        Proposal foreign = new Proposal(TransactionId.of(NZ, 1), TransactionType.INTERNAL_TRANSFER, 0, NZ, nzParty, NZ,
                nzParty, null, List.of(aau(1, 10)), Map.of(), clock.instant());

        assertEquals(ResponseCode.BLOCKS_OVERLAP_IN_PROPOSAL, jp.lifecycle().propose(overlapping).refusals().get(0).code());
        assertEquals(List.of(ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER, ResponseCode.PROPOSER_IS_NOT_TRANSFERRING_REGISTRY),
                jp.lifecycle().propose(foreign).refusals().stream().map(EvaluationResult::code).toList());
    }
}
