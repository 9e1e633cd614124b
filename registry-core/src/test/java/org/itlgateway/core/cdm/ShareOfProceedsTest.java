package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.BIOGAS_CAMBODIA;
import static org.itlgateway.core.cdm.CdmWorld.REFORESTATION_COLOMBIA;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShareOfProceedsTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;

    @ParameterizedTest(name = "{0} issued owe {1}")
    @CsvSource({
            "0, 0",
            "1, 0",
            "24, 0",     // 0.48 rounds down
            "25, 1",     // 0.5 rounds half up
            "49, 1",     // 0.98 rounds up
            "50, 1",
            "74, 1",     // 1.48
            "75, 2",     // 1.5
            "10000, 200",
            "10024, 200",  // 200.48
            "10025, 201",  // 200.5
            "9999999999, 200000000"})
    void shareIsTwoPerCentRoundedHalfUpToWholeUnits(long issued, long share) {
        assertEquals(share, ShareOfProceeds.of(issued));
    }

    @Test
    void negativeQuantityHasNoShare() {
        assertThrows(IllegalArgumentException.class, () -> ShareOfProceeds.of(-1));
    }

    @Test
    void issuanceForAProjectInALeastDevelopedCountryOwesNoShare() {
        ProposalOutcome issuance = cdm.issue(IssuanceRequest.cers(BIOGAS_CAMBODIA, CommitmentPeriod.CP2, 10_000));

        NotificationOutcome issued = world.check(issuance);

        assertTrue(issued.completed());
        assertEquals(List.of(), issued.followUps());
        assertEquals(10_000, world.held(CdmAccounts.PENDING));
        assertEquals(0, world.held(CdmAccounts.ADAPTATION_FUND));
        Issuance record = world.records.issuances().find(issuance.transaction().id()).orElseThrow();
        assertTrue(record.shareOfProceedsSettled());
        assertNull(record.shareOfProceeds());
    }

    @Test
    void issuanceWhoseShareRoundsToZeroProposesNoShare() {
        Issuance issued = world.issued(WIND_INDIA, 24);

        assertTrue(issued.shareOfProceedsSettled());
        assertEquals(24, world.held(CdmAccounts.PENDING));
        assertEquals(List.of(), cdm.reports().shareOfProceedsOwed());
    }

    @Test
    void issuanceOf49OwesOneUnit() {
        Issuance issued = world.issuedAndShared(WIND_INDIA, 49);

        assertEquals(1, issued.shareOfProceedsQuantity());
        assertEquals(1, world.held(CdmAccounts.ADAPTATION_FUND));
        assertEquals(48, world.held(CdmAccounts.PENDING));
    }

    @Test
    void temporaryCersOweNoShare() {
        ProposalOutcome issuance = cdm.issue(new IssuanceRequest(REFORESTATION_COLOMBIA, UnitType.TCER,
                CommitmentPeriod.CP1, 5_000, LocalDate.parse("2017-12-31")));

        assertEquals(List.of(), world.check(issuance).followUps());
        assertEquals(5_000, world.held(CdmAccounts.PENDING));
    }

    @Test
    void unitsOwedToTheAdaptationFundCannotBeForwardedOrCancelledWhileTheShareIsNotTransferred() {
        Issuance issued = world.issued(WIND_INDIA, 10_000);
        cdm.notify(issued.shareOfProceedsTransaction(), TransactionStatus.CHECKED_DISCREPANCY);
        AccountRef participant = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Gujarat Wind Ltd");
        List<UnitBlock> owed = List.of(issued.shareOfProceedsBlock());
        List<?> before = world.holdings();

        ProposalOutcome forwarding = cdm.forward(participant, owed);
        ProposalOutcome cancellation = cdm.cancelVoluntarily(CdmAccounts.PENDING, owed, "offset", "anyone");

        assertEquals(ResponseCode.UNITS_RESERVED, forwarding.refusals().get(0).code());
        assertEquals(ResponseCode.UNITS_RESERVED, cancellation.refusals().get(0).code());
        assertEquals(before, world.holdings());
        assertEquals(9_800, UnitBlock.quantityOf(cdm.freeUnits(CdmAccounts.PENDING)));
    }

    @Test
    void shareWhoseTransactionDidNotCompleteIsOwedUntilProposedAgainAndCompleted() {
        Issuance issued = world.issued(WIND_INDIA, 10_000);
        cdm.notify(issued.shareOfProceedsTransaction(), TransactionStatus.CHECKED_DISCREPANCY);

        assertEquals(200, cdm.reports().issuanceByProject().get(0).shareOfProceedsOwed());
        assertEquals(List.of(issued.transaction()),
                cdm.reports().shareOfProceedsOwed().stream().map(Issuance::transaction).toList());

        ProposalOutcome again = cdm.transferShareOfProceeds(issued.transaction());
        assertTrue(again.isRecorded());
        assertEquals(ResponseCode.UNITS_RESERVED, cdm.transferShareOfProceeds(issued.transaction()).refusals().get(0).code());
        assertTrue(world.check(again).completed());

        assertEquals(200, world.held(CdmAccounts.ADAPTATION_FUND));
        assertEquals(List.of(), cdm.reports().shareOfProceedsOwed());
        assertEquals(ResponseCode.TRANSACTION_ALREADY_FINAL,
                cdm.transferShareOfProceeds(issued.transaction()).refusals().get(0).code());
        IssuanceReportLine line = cdm.reports().issuanceByProject().get(0);
        assertEquals(200, line.shareOfProceeds());
        assertEquals(0, line.shareOfProceedsOwed());
    }

    @Test
    void shareOfProceedsOfAnUnknownIssuanceIsRefused() {
        ProposalOutcome outcome = cdm.transferShareOfProceeds(
                TransactionId.of(RegistryCode.CDM, 77));

        assertEquals(ResponseCode.TRANSACTION_UNKNOWN, outcome.refusals().get(0).code());
    }
}
