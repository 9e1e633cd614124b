package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.BIOGAS_CAMBODIA;
import static org.itlgateway.core.cdm.CdmWorld.CCS_MALAYSIA;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;

class CancellationTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;

    private Notice notice(long id, NoticeType type, Long projectId, NoticeStatus status) {
        Notice notice = new Notice(id, type, status, RegistryCode.CDM, projectId, CommitmentPeriod.CP1,
                null, 100L, null, Instant.parse("2012-05-01T00:00:00Z"), List.of(), "");
        world.facts.save(notice);
        return notice;
    }

    @Test
    void voluntaryCancellationFromThePendingAccountAttestsTheUnits() {
        world.issuedAndShared(BIOGAS_CAMBODIA, 1_000);
        List<UnitBlock> units = world.units(CdmAccounts.PENDING, BIOGAS_CAMBODIA, 250);

        ProposalOutcome cancellation = cdm.cancelVoluntarily(CdmAccounts.PENDING, units, "Climate neutral 2012", "");
        world.check(cancellation);

        assertEquals(List.of(HeldBlock.free(units.get(0), CdmAccounts.VOLUNTARY_CANCELLATION)),
                world.ledger().heldBy(CdmAccounts.VOLUNTARY_CANCELLATION));
        Attestation attestation = cdm.attestationOf(cancellation.transaction().id()).orElseThrow();
        assertEquals(CdmAccounts.PENDING, attestation.cancelledFrom());
        assertTrue(attestation.render().contains("Beneficiary:      (none given)"));
        assertTrue(cdm.verify(attestation).valid());
    }

    @Test
    void cancellingUnitsNotHeldIsRefusedAndChangesNothing() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        AccountRef participant = cdm.openHoldingAccount(AccountType.PERSON_HOLDING, "A. Person");
        List<UnitBlock> inPending = world.units(CdmAccounts.PENDING, WIND_INDIA, 10);
        List<HeldBlock> before = world.holdings();

        ProposalOutcome outcome = cdm.cancelVoluntarily(participant, inPending, "offset", "A. Person");

        assertTrue(outcome.isRefused());
        assertEquals(ResponseCode.UNITS_NOT_HELD, outcome.refusals().get(0).code());
        assertEquals(before, world.holdings());
        assertTrue(world.records.voluntaryCancellations().find(
                TransactionId.of(RegistryCode.CDM, 3)).isEmpty());
        assertEquals(List.of(), cdm.reports().voluntaryCancellations());
    }

    @Test
    void unitsNeverIssuedCannotBeCancelled() {
        UnitBlock ghost = UnitBlock.of(12_340_000_000_001L, 12_340_000_000_010L, UnitAttributes.cer(WIND_INDIA, CommitmentPeriod.CP1));

        ProposalOutcome outcome = cdm.cancelVoluntarily(CdmAccounts.PENDING, List.of(ghost), "offset", "");

        assertEquals(ResponseCode.UNITS_DO_NOT_EXIST, outcome.refusals().get(0).code());
    }

    @Test
    void voluntaryCancellationComesOnlyFromThePendingAccountOrAHoldingAccount() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        ProposalOutcome first = cdm.cancelVoluntarily(CdmAccounts.PENDING,
                world.units(CdmAccounts.PENDING, WIND_INDIA, 10), "offset", "");
        world.check(first);
        List<UnitBlock> cancelled = first.transaction().proposal().blocks();

        ProposalOutcome again = cdm.cancelVoluntarily(CdmAccounts.VOLUNTARY_CANCELLATION, cancelled, "twice", "");

        assertEquals(ResponseCode.VOLUNTARY_CANCELLATION_FROM_WRONG_ACCOUNT, again.refusals().get(0).code());
    }

    @Test
    void excessIssuanceOfFirstPeriodCersIsCancelledAgainstTheNoticeIntoTheFirstPeriodsAccount240() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        notice(61, NoticeType.EXCESS_ISSUANCE, WIND_INDIA, NoticeStatus.OPEN);
        List<UnitBlock> excess = world.units(CdmAccounts.PENDING, WIND_INDIA, 100);

        ProposalOutcome cancellation = cdm.cancelAgainstNotice(61, CdmAccounts.PENDING, excess);

        assertEquals(SupplementaryType.EXCESS_ISSUANCE_CANCELLATION, cancellation.transaction().proposal().kind().orElseThrow());
        assertEquals(83, cancellation.transaction().proposal().supplementaryType());
        assertEquals(61L, cancellation.transaction().proposal().noticeId());
        assertEquals(AccountRef.parse("CDM-240-1240-1"), cancellation.transaction().proposal().acquiringAccount());
        world.check(cancellation);
        assertEquals(100, world.held(CdmAccounts.EXCESS_ISSUANCE_CANCELLATION_FIRST_PERIOD));
        assertEquals(100, cdm.reports().issuanceByProject().get(0).excessIssuanceCancelled());
    }

    @Test
    void excessIssuanceOfSecondPeriodCersIsCancelledIntoTheDesAccountCdm24022402() {
        ProposalOutcome issuance = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP2, 1_000));
        assertTrue(world.check(issuance).completed());
        notice(62, NoticeType.EXCESS_ISSUANCE, WIND_INDIA, NoticeStatus.OPEN);
        List<UnitBlock> excess = world.units(CdmAccounts.PENDING, WIND_INDIA, 100);

        ProposalOutcome cancellation = cdm.cancelAgainstNotice(62, CdmAccounts.PENDING, excess);

        assertEquals(AccountRef.parse("CDM-240-2240-2"), cancellation.transaction().proposal().acquiringAccount());
        world.check(cancellation);
        assertEquals(100, world.held(CdmAccounts.EXCESS_ISSUANCE_CANCELLATION));
    }

    @Test
    void ccsCancellationsGoTo241And242ByTheirNotice() {
        world.issuedAndShared(CCS_MALAYSIA, 1_000);
        notice(41, NoticeType.CCS_NET_REVERSAL_OF_STORAGE, CCS_MALAYSIA, NoticeStatus.OPEN);
        notice(51, NoticeType.CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT, null, NoticeStatus.OPEN);

        world.check(cdm.cancelAgainstNotice(41, CdmAccounts.PENDING, world.units(CdmAccounts.PENDING, CCS_MALAYSIA, 30)));
        world.check(cdm.cancelAgainstNotice(51, CdmAccounts.PENDING, world.units(CdmAccounts.PENDING, CCS_MALAYSIA, 20)));

        assertEquals(30, world.held(CdmAccounts.CCS_NET_REVERSAL_CANCELLATION));
        assertEquals(20, world.held(CdmAccounts.CCS_NON_SUBMISSION_CANCELLATION));
        assertEquals(50, cdm.reports().issuanceByProject().get(0).ccsCancelled());
    }

    @Test
    void cancellationAgainstANoticeThatCannotBeFulfilledSoIsRefused() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        notice(62, NoticeType.EXCESS_ISSUANCE, WIND_INDIA, NoticeStatus.FULFILLED);
        notice(63, NoticeType.NET_SOURCE_CANCELLATION, null, NoticeStatus.OPEN);
        notice(64, NoticeType.EXCESS_ISSUANCE, BIOGAS_CAMBODIA, NoticeStatus.OPEN);
        List<UnitBlock> units = world.units(CdmAccounts.PENDING, WIND_INDIA, 10);
        List<HeldBlock> before = world.holdings();

        assertEquals(ResponseCode.NOTICE_UNKNOWN, cdm.cancelAgainstNotice(99, CdmAccounts.PENDING, units).refusals().get(0).code());
        assertEquals(ResponseCode.NOTICE_NOT_OPEN, cdm.cancelAgainstNotice(62, CdmAccounts.PENDING, units).refusals().get(0).code());
        assertEquals(ResponseCode.NOTICE_TYPE_MISMATCH, cdm.cancelAgainstNotice(63, CdmAccounts.PENDING, units).refusals().get(0).code());
        assertEquals(ResponseCode.NOTICE_TYPE_MISMATCH, cdm.cancelAgainstNotice(64, CdmAccounts.PENDING, units).refusals().get(0).code());
        assertEquals(before, world.holdings());
    }
}
