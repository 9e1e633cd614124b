package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttestationTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;
    private AccountRef holder;
    private Attestation attestation;

    @BeforeEach
    void cancelSomeUnits() {
        world.issuedAndShared(WIND_INDIA, 10_000);
        holder = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Holder");
        world.check(cdm.forward(holder, world.units(CdmAccounts.PENDING, WIND_INDIA, 5_000)));
        ProposalOutcome cancellation = cdm.cancelVoluntarily(holder, world.units(holder, WIND_INDIA, 1_000),
                "Offsetting line one\nand line two", "Beneficiary \\ Ltd");
        world.check(cancellation);
        attestation = cdm.attestationOf(cancellation.transaction().id()).orElseThrow();
    }

    private Attestation withBlocks(Attestation a, List<UnitBlock> blocks, boolean refingerprint) {
        Attestation changed = new Attestation(a.transaction(), a.cancelledAt(), a.cancelledFrom(),
                a.cancellationAccount(), blocks, a.purpose(), a.beneficiary(), a.fingerprint());
        return refingerprint ? Attestation.of(a.transaction(), a.cancelledAt(), a.cancelledFrom(),
                a.cancellationAccount(), blocks, a.purpose(), a.beneficiary()) : changed;
    }

    @Test
    void canonicalFormIsLinesInAFixedOrderWithFreeTextEscaped() {
        String canonical = attestation.canonicalForm();

        assertTrue(canonical.startsWith("attestation-of-voluntary-cancellation:1\ntransaction:" + attestation.transaction()
                + "\ncancelled-at:2012-06-01T08:00:00Z\ncancelled-from:" + holder
                + "\ncancellation-account:CDM-230-2300-0\nquantity:1000\n"), canonical);
        assertTrue(canonical.contains("purpose:Offsetting line one\\nand line two\n"), canonical);
        assertTrue(canonical.contains("beneficiary:Beneficiary \\\\ Ltd\n"), canonical);
        assertTrue(canonical.endsWith("block:CDM:12340000000201..12340000001200 unit-type=5 supp-unit-type=0 "
                + "original-period=1 applicable-period=1 lulucf= project=1234 track= expiry=\n"), canonical);
        assertEquals(64, attestation.fingerprint().length());
        assertTrue(attestation.fingerprintMatches());
    }

    @Test
    void fingerprintIsTheSameWhateverTheOrderOfTheBlocksOrTheFractionsOfASecond() {
        UnitAttributes cers = UnitAttributes.cer(WIND_INDIA, CommitmentPeriod.CP1);
        List<UnitBlock> blocks = List.of(UnitBlock.of(30, 40, cers), UnitBlock.of(1, 10, cers));
        TransactionId id = TransactionId.of(RegistryCode.CDM, 9);

        Attestation one = Attestation.of(id, Instant.parse("2020-01-01T00:00:00.250Z"), holder,
                CdmAccounts.VOLUNTARY_CANCELLATION, blocks, "p", "b");
        Attestation other = Attestation.of(id, Instant.parse("2020-01-01T00:00:00Z"), holder,
                CdmAccounts.VOLUNTARY_CANCELLATION, List.of(blocks.get(1), blocks.get(0)), "p", "b");

        assertEquals(one.fingerprint(), other.fingerprint());
        assertEquals(21, one.quantity());
        assertNotEquals(one.fingerprint(), Attestation.of(id, one.cancelledAt(), holder,
                CdmAccounts.VOLUNTARY_CANCELLATION, blocks, "p", "c").fingerprint());
    }

    @Test
    void attestationOfTheRegistryVerifies() {
        AttestationVerification verification = cdm.verify(attestation);

        assertTrue(verification.valid(), verification.problems().toString());
    }

    @Test
    void changedPurposeNoLongerMatchesTheFingerprint() {
        Attestation tampered = new Attestation(attestation.transaction(), attestation.cancelledAt(),
                attestation.cancelledFrom(), attestation.cancellationAccount(), attestation.blocks(),
                "Something nobler", attestation.beneficiary(), attestation.fingerprint());

        assertEquals(List.of("the fingerprint is not that of the attestation's content"), cdm.verify(tampered).problems());
    }

    @Test
    void attestationClaimingMoreUnitsFailsEvenWithAFreshFingerprint() {
        UnitBlock cancelled = attestation.blocks().get(0);
        UnitBlock more = cancelled.withRange(SerialRange.of(cancelled.start(), cancelled.end() + 500));

        AttestationVerification verification = cdm.verify(withBlocks(attestation, List.of(more), true));

        assertFalse(verification.valid());
        assertTrue(verification.problems().contains("transaction " + attestation.transaction()
                + " cancelled other units than those attested"), verification.problems().toString());
        assertTrue(verification.problems().stream().anyMatch(p -> p.contains("are held in " + holder)),
                verification.problems().toString());
    }

    @Test
    void attestationNamingAnotherTransactionFails() {
        TransactionId forwarding = TransactionId.of(RegistryCode.CDM, 3);
        Attestation forged = Attestation.of(forwarding, attestation.cancelledAt(), attestation.cancelledFrom(),
                attestation.cancellationAccount(), attestation.blocks(), attestation.purpose(), attestation.beneficiary());

        AttestationVerification verification = cdm.verify(forged);

        assertTrue(verification.problems().contains("transaction CDM3 is not a voluntary cancellation"),
                verification.problems().toString());
    }

    @Test
    void attestationOfUnitsOfAnotherRegistryFails() {
        Attestation forged = Attestation.of(TransactionId.of(RegistryCode.CDM, 12345), attestation.cancelledAt(),
                attestation.cancelledFrom(), attestation.cancellationAccount(),
                List.of(UnitBlock.of(1, 5, UnitAttributes.cer(WIND_INDIA, CommitmentPeriod.CP1))), "", "");

        AttestationVerification verification = cdm.verify(forged);

        assertEquals(List.of("there is no transaction CDM12345",
                "5 of the units CDM:1..5 are not held in this registry"), verification.problems());
    }
}
