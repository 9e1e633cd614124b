package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.BIOGAS_CAMBODIA;
import static org.itlgateway.core.cdm.CdmWorld.REFORESTATION_COLOMBIA;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

class IssuanceTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;

    private SerialRange proposedRange(ProposalOutcome outcome) {
        return outcome.transaction().proposal().blocks().get(0).range();
    }

    @Test
    void eachIssuanceTakesTheNextContiguousBlockOfItsProjectsSerialNumbers() {
        ProposalOutcome first = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 1_000));
        ProposalOutcome other = cdm.issue(IssuanceRequest.cers(BIOGAS_CAMBODIA, CommitmentPeriod.CP1, 500));
        ProposalOutcome second = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP2, 2_000));

        assertEquals(SerialRange.of(12_340_000_000_001L, 12_340_000_001_000L), proposedRange(first));
        assertEquals(SerialRange.of(56_780_000_000_001L, 56_780_000_000_500L), proposedRange(other));
        assertEquals(SerialRange.of(12_340_000_001_001L, 12_340_000_003_000L), proposedRange(second));
        assertEquals(WIND_INDIA, SerialNumbers.projectOf(proposedRange(second).end()));
    }

    @Test
    void serialNumbersOfATerminatedIssuanceAreNeverIssuedAgain() {
        ProposalOutcome terminated = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 1_000));
        cdm.notify(terminated.transaction().id(), TransactionStatus.CHECKED_DISCREPANCY,
                List.of(EvaluationResult.of(ResponseCode.PROJECT_UNKNOWN, "not registered")));

        ProposalOutcome next = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 1_000));

        assertEquals(12_340_000_001_001L, proposedRange(next).start());
        assertEquals(0, world.held(CdmAccounts.PENDING));
        world.check(next);
        assertEquals(1_000, world.held(CdmAccounts.PENDING));
    }

    @Test
    void transactionIdentifiersComeFromTheRegistrysSequence() {
        ProposalOutcome first = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 10));
        ProposalOutcome second = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 10));

        assertEquals("CDM1", first.transaction().id().toString());
        assertEquals("CDM2", second.transaction().id().toString());
    }

    @Test
    void temporaryCersAreIssuedWithTheirExpiryDateAsAfforestationUnits() {
        LocalDate expiry = LocalDate.parse("2017-12-31");
        ProposalOutcome issuance = cdm.issue(new IssuanceRequest(REFORESTATION_COLOMBIA, UnitType.TCER,
                CommitmentPeriod.CP1, 3_000, expiry));
        world.check(issuance);

        UnitAttributes issued = world.ledger().heldBy(CdmAccounts.PENDING).get(0).block().attributes();

        assertEquals(UnitType.TCER, issued.unitType());
        assertEquals(expiry, issued.expiryDate());
        assertEquals(LulucfActivity.AFFORESTATION_AND_REFORESTATION, issued.lulucfActivity());
        assertEquals(REFORESTATION_COLOMBIA, issued.projectId());
    }

    @Test
    void issuanceRequestsThatCannotBeIssuedAreRefusedWithoutTakingSerialNumbers() {
        List<ProposalOutcome> refused = List.of(
                cdm.issue(IssuanceRequest.cers(4711, CommitmentPeriod.CP1, 10)),
                cdm.issue(new IssuanceRequest(WIND_INDIA, UnitType.AAU, CommitmentPeriod.CP1, 10, null)),
                cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 0)),
                cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.ZERO, 10)),
                cdm.issue(new IssuanceRequest(REFORESTATION_COLOMBIA, UnitType.LCER, CommitmentPeriod.CP1, 10, null)),
                cdm.issue(new IssuanceRequest(WIND_INDIA, UnitType.CER, CommitmentPeriod.CP1, 10, LocalDate.parse("2020-01-01"))));

        assertEquals(List.of(ResponseCode.PROJECT_UNKNOWN, ResponseCode.ISSUANCE_BY_WRONG_REGISTRY,
                        ResponseCode.NO_UNIT_BLOCKS, ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD,
                        ResponseCode.EXPIRY_DATE_REQUIRED, ResponseCode.EXPIRY_DATE_NOT_ALLOWED),
                refused.stream().map(o -> o.refusals().get(0).code()).toList());
        assertEquals(12_340_000_000_001L,
                proposedRange(cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 10))).start());
    }

    @Test
    void repeatedCheckOfAnIssuanceCreatesNothingMore() {
        ProposalOutcome issuance = cdm.issue(IssuanceRequest.cers(BIOGAS_CAMBODIA, CommitmentPeriod.CP1, 100));
        world.check(issuance);
        List<HeldBlock> after = world.holdings();

        assertTrue(world.check(issuance).followUps().isEmpty());
        cdm.notify(issuance.transaction().id(), TransactionStatus.COMPLETED);

        assertEquals(after, world.holdings());
        assertEquals(100, cdm.reports().issuanceByProject().get(0).issued());
    }
}
