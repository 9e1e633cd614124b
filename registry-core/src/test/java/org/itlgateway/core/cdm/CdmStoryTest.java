package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;

/** Issuance, share of proceeds, forwarding and voluntary cancellation, end to end. */
class CdmStoryTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;
    private final UnitAttributes windCers = UnitAttributes.cer(WIND_INDIA, CommitmentPeriod.CP1);

    @Test
    void issuedCersPayTheirShareAreForwardedAndCancelledWithAVerifiableAttestation() {
        ProposalOutcome issuance = cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 10_000));
        assertTrue(issuance.isRecorded());
        assertEquals(0, world.held(CdmAccounts.PENDING), "nothing exists before the log's check");

        NotificationOutcome issued = world.check(issuance);

        assertTrue(issued.completed());
        Proposal share = issued.followUps().get(0);
        assertEquals(List.of(
                HeldBlock.free(UnitBlock.of(12_340_000_000_001L, 12_340_000_000_200L, windCers), CdmAccounts.PENDING)
                        .reservedFor(share.id()),
                HeldBlock.free(UnitBlock.of(12_340_000_000_201L, 12_340_000_010_000L, windCers), CdmAccounts.PENDING)),
                world.ledger().heldBy(CdmAccounts.PENDING), "the share of proceeds is reserved as soon as the units exist");

        assertEquals(SupplementaryType.SHARE_OF_PROCEEDS_AT_ISSUANCE, share.kind().orElseThrow());
        assertEquals(CdmAccounts.PENDING, share.transferringAccount());
        assertEquals(CdmAccounts.ADAPTATION_FUND, share.acquiringAccount());
        assertEquals(List.of(UnitBlock.of(12_340_000_000_001L, 12_340_000_000_200L, windCers)), share.blocks());

        assertTrue(cdm.notify(share.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).completed());
        assertEquals(200, world.held(CdmAccounts.ADAPTATION_FUND));
        assertEquals(9_800, world.held(CdmAccounts.PENDING));

        AccountRef participant = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Gujarat Wind Ltd");
        ProposalOutcome forwarding = cdm.forward(participant, world.units(CdmAccounts.PENDING, WIND_INDIA, 6_000));
        assertEquals(SupplementaryType.FORWARDING_FROM_PENDING, forwarding.transaction().proposal().kind().orElseThrow());
        assertTrue(world.check(forwarding).completed());
        assertEquals(6_000, world.held(participant));
        assertEquals(3_800, world.held(CdmAccounts.PENDING));

        world.clock.advance(Duration.ofDays(30));
        ProposalOutcome cancellation = cdm.cancelVoluntarily(participant, world.units(participant, WIND_INDIA, 1_500),
                "Offsetting the travel emissions of the 2012 Example Conference", "Example Conference Ltd");
        assertTrue(world.check(cancellation).completed());

        Attestation attestation = cdm.attestationOf(cancellation.transaction().id()).orElseThrow();
        assertEquals(1_500, attestation.quantity());
        assertEquals(List.of(UnitBlock.of(12_340_000_000_201L, 12_340_000_001_700L, windCers)), attestation.blocks());
        assertEquals(participant, attestation.cancelledFrom());
        assertEquals(CdmAccounts.VOLUNTARY_CANCELLATION, attestation.cancellationAccount());
        assertEquals(Instant.parse("2012-07-01T08:00:00Z"), attestation.cancelledAt());
        assertEquals("Example Conference Ltd", attestation.beneficiary());

        String certificate = attestation.render();
        assertTrue(certificate.contains("ATTESTATION OF VOLUNTARY CANCELLATION"), certificate);
        assertTrue(certificate.contains("Transaction:      " + cancellation.transaction().id()), certificate);
        assertTrue(certificate.contains("12340000000201 - 12340000001700"), certificate);
        assertTrue(certificate.contains("1,500 units"), certificate);
        assertTrue(certificate.contains("Offsetting the travel emissions of the 2012 Example Conference"), certificate);
        assertTrue(certificate.contains(attestation.fingerprint()), certificate);

        assertTrue(cdm.verify(attestation).valid(), () -> cdm.verify(attestation).problems().toString());

        Attestation tampered = new Attestation(attestation.transaction(), attestation.cancelledAt(),
                attestation.cancelledFrom(), attestation.cancellationAccount(), attestation.blocks(),
                attestation.purpose(), "Somebody Else plc", attestation.fingerprint());
        AttestationVerification refused = cdm.verify(tampered);
        assertFalse(refused.valid());
        assertTrue(refused.problems().get(0).contains("fingerprint"), refused.problems().toString());

        IssuanceReportLine line = cdm.reports().issuanceByProject().get(0);
        assertEquals(new IssuanceReportLine(WIND_INDIA, "Bundled wind power, Gujarat", RegistryCode.of("IN"), false,
                10_000, 200, 0, 6_000, 0, 1_500, 0, 0, 3_800), line);
        assertEquals(List.of(attestation), cdm.reports().voluntaryCancellations());
    }

    @Test
    void forwardingToANationalRegistryIsAnExternalTransferThatTheLogCompletes() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        List<UnitBlock> units = world.units(CdmAccounts.PENDING, WIND_INDIA, 500);

        ProposalOutcome forwarding = cdm.forward(world.japanHolding, units);
        Proposal proposal = forwarding.transaction().proposal();
        assertEquals(SupplementaryType.EXTERNAL_TRANSFER, proposal.kind().orElseThrow());

        world.check(forwarding);
        assertTrue(world.japan.lifecycle().considerIncoming(proposal).accepted());
        assertTrue(cdm.notify(proposal.id(), TransactionStatus.ACCEPTED).completed());
        assertTrue(world.japan.lifecycle().notify(proposal.id(), TransactionStatus.COMPLETED).completed());

        assertEquals(480, world.held(CdmAccounts.PENDING));
        assertEquals(500, world.japan.ledger().quantityHeldBy(world.japanHolding));
        assertEquals(500, cdm.reports().issuanceByProject().get(0).forwardedToOtherRegistries());
        assertEquals(List.of(SerialRange.of(12_340_000_000_021L, 12_340_000_000_520L)),
                world.japan.ledger().heldBy(world.japanHolding).stream().map(HeldBlock::range).toList());
    }
}
