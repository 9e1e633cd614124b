package org.itlgateway.core.check.eu;

import static org.itlgateway.core.fixtures.Network.COMPLIANT_HYDRO;
import static org.itlgateway.core.fixtures.Network.DE;
import static org.itlgateway.core.fixtures.Network.DE_ENTITY;
import static org.itlgateway.core.fixtures.Network.EXPIRY;
import static org.itlgateway.core.fixtures.Network.FOREST;
import static org.itlgateway.core.fixtures.Network.HFC23;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.LARGE_HYDRO;
import static org.itlgateway.core.fixtures.Network.NUCLEAR;
import static org.itlgateway.core.fixtures.Network.NZ_PARTY;
import static org.itlgateway.core.fixtures.Network.SUSPENDED_PARTY;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.cer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.lcer;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.tcer;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.Test;

class EuChecksTest {

    private static final AccountRef DE_MISSING = AccountRef.parse("DE-120-777-0");
    private static final AccountRef UNKNOWN_REGISTRY_PARTY = AccountRef.parse("QQ-100-1-0");

    private final Network network = new Network();

    // the units the EU refuses: 7001 to 7004

    @Test
    void tcersAndLcersIntoAGermanAccountAreRefusedWith7001() {
        EvaluationResult result = assertRefused(7001, new NoTemporaryCersInEu(), network.context(network.validCerTransferToEu()
                .blocks(tcer(FOREST, 6401, 6500, EXPIRY).build(), lcer(FOREST, 4001, 4100, EXPIRY).build(),
                        cer(COMPLIANT_HYDRO, 6301, 6400).build())));
        assertEquals(List.of(UnitBlockId.of(Network.CDM, 6401, 6500), UnitBlockId.of(Network.CDM, 4001, 4100)),
                result.blocks());
    }

    @Test
    void tcersToANonEuRegistryPass7001() {
        assertPasses(new NoTemporaryCersInEu(), network.context(network.validCerTransferToEu().to(NZ_PARTY)
                .block(tcer(FOREST, 6401, 6500, EXPIRY))));
    }

    @Test
    void creditsOfANuclearProjectIntoAGermanAccountAreRefusedWith7002() {
        assertRefused(7002, new NoNuclearCreditsInEu(),
                network.context(network.validCerTransferToEu().block(cer(NUCLEAR, 6001, 6100))));
    }

    @Test
    void creditsOfOtherProjectsOrNuclearCreditsOutsideTheEuPass7002() {
        assertPasses(new NoNuclearCreditsInEu(), network.context(network.validCerTransferToEu()));
        assertPasses(new NoNuclearCreditsInEu(), network.context(network.validCerTransferToEu().to(NZ_PARTY)
                .block(cer(NUCLEAR, 6001, 6100))));
    }

    @Test
    void hfc23CreditsIntoAGermanAccountFromMay2013AreRefusedWith7003() {
        network.at(Instant.parse("2013-05-01T00:00:00Z"));
        assertRefused(7003, new NoIndustrialGasCreditsInEuAfterApril2013(),
                network.context(network.validCerTransferToEu().block(cer(HFC23, 6101, 6200))));
    }

    @Test
    void hfc23CreditsEnteredTheEuUntilTheEndOf30April2013() {
        network.at(Instant.parse("2013-04-30T23:59:59Z"));
        assertPasses(new NoIndustrialGasCreditsInEuAfterApril2013(),
                network.context(network.validCerTransferToEu().block(cer(HFC23, 6101, 6200))));
    }

    @Test
    void theIndustrialGasCutOffIsAConfiguredDate() {
        NoIndustrialGasCreditsInEuAfterApril2013 later = new NoIndustrialGasCreditsInEuAfterApril2013(
                Instant.parse("2030-01-01T00:00:00Z"));
        assertPasses(later, network.context(network.validCerTransferToEu().block(cer(HFC23, 6101, 6200))));
    }

    @Test
    void largeHydroCreditsWithoutTheComplianceFlagIntoAGermanAccountAreRefusedWith7004() {
        assertRefused(7004, new LargeHydroInEuNeedsComplianceFlag(),
                network.context(network.validCerTransferToEu().block(cer(LARGE_HYDRO, 6201, 6300))));
    }

    @Test
    void largeHydroCreditsWithTheComplianceFlagPass7004() {
        assertPasses(new LargeHydroInEuNeedsComplianceFlag(), network.context(network.validCerTransferToEu()));
    }

    // registries: 7005, 7006

    @Test
    void transferFromASuspendedOrUnknownRegistryIsRefusedWith7005() {
        assertRefused(7005, new TransferringRegistryStatusPermitsProcess(),
                network.context(network.validTransferToEu().from(SUSPENDED_PARTY)));
        assertTrue(assertRefused(7005, new TransferringRegistryStatusPermitsProcess(),
                network.context(network.validTransferToEu().from(UNKNOWN_REGISTRY_PARTY))).description().contains("unknown"));
    }

    @Test
    void transferFromAnOperatingRegistryPasses7005() {
        assertPasses(new TransferringRegistryStatusPermitsProcess(), network.context(network.validTransferToEu()));
    }

    @Test
    void transferFromGermanyToASuspendedRegistryIsRefusedWith7006() {
        assertRefused(7006, new AcquiringRegistryStatusPermitsProcess(),
                network.context(network.validTransferFromEu().to(SUSPENDED_PARTY)));
    }

    @Test
    void transferToAnOperatingRegistryPasses7006() {
        assertPasses(new AcquiringRegistryStatusPermitsProcess(), network.context(network.validTransferFromEu()));
    }

    // accounts: 7020, 7021

    @Test
    void transferToAnAccountGermanyDoesNotHaveIsRefusedWith7020() {
        assertRefused(7020, new AcquiringAccountExistsInAcquiringRegistry(),
                network.context(network.validTransferToEu().to(DE_MISSING)));
    }

    @Test
    void transferToAGermanAccountOrOutsideTheEuPasses7020() {
        assertPasses(new AcquiringAccountExistsInAcquiringRegistry(), network.context(network.validTransferToEu()));
        assertPasses(new AcquiringAccountExistsInAcquiringRegistry(),
                network.context(network.validTransferToEu().to(AccountRef.parse("NZ-120-777-0"))));
    }

    @Test
    void theCitlKnowsAnAccountByItsIdentifierWhateverTheTypeNamed() {
        assertPasses(new AcquiringAccountExistsInAcquiringRegistry(),
                network.context(network.validTransferToEu().to(AccountRef.parse("DE-100-2-0"))));
    }

    @Test
    void transferFromAnAccountGermanyDoesNotHaveIsRefusedWith7021() {
        assertRefused(7021, new TransferringAccountExistsInTransferringRegistry(),
                network.context(network.validTransferFromEu().from(DE_MISSING)));
    }

    @Test
    void transferFromAGermanAccountOrFromOutsideTheEuPasses7021() {
        assertPasses(new TransferringAccountExistsInTransferringRegistry(), network.context(network.validTransferFromEu()));
        assertPasses(new TransferringAccountExistsInTransferringRegistry(),
                network.context(network.validTransferToEu().from(AccountRef.parse("JP-120-777-0"))));
    }

    // registries by transaction type: 7022, 7023

    @Test
    void internalTransferFromGermanyToFranceIsRefusedWith7022() {
        assertRefused(7022, new SameRegistryForInternalTransactions(),
                network.context(network.validEuInternalTransfer().to(Network.FR_ENTITY)));
    }

    @Test
    void internalTransactionsWithAccountsOfOneRegistryPass7022() {
        assertPasses(new SameRegistryForInternalTransactions(), network.context(network.validEuInternalTransfer()));
        assertPasses(new SameRegistryForInternalTransactions(), network.context(network.validConversion()));
    }

    @Test
    void externalTransferBetweenTwoGermanAccountsIsRefusedWith7023() {
        assertRefused(7023, new DifferentRegistriesForExternalTransfer(),
                network.context(network.validTransferFromEu().to(DE_ENTITY)));
    }

    @Test
    void externalTransferBetweenRegistriesAndTheShareOfProceedsPass7023() {
        assertPasses(new DifferentRegistriesForExternalTransfer(), network.context(network.validTransferFromEu()));
        assertPasses(new DifferentRegistriesForExternalTransfer(), network.context(network.validShareOfProceeds()));
    }

    // holdings: 7027

    @Test
    void germanUnitsTheCitlDoesNotKnowOrThatAnotherAccountHoldsAreRefusedWith7027() {
        assertRefused(7027, new UnitsHeldByTransferringAccountInCitlRecords(),
                network.context(network.validTransferFromEu().block(aau(DE, 2001, 2100))));
        network.hold(DE_ENTITY, aau(DE, 3001, 3100));
        assertRefused(7027, new UnitsHeldByTransferringAccountInCitlRecords(),
                network.context(network.validTransferFromEu().block(aau(DE, 3001, 3100))));
    }

    @Test
    void germanUnitsHeldByTheTransferringAccountAndTransfersFromOutsideTheEuPass7027() {
        assertPasses(new UnitsHeldByTransferringAccountInCitlRecords(), network.context(network.validTransferFromEu()));
        assertPasses(new UnitsHeldByTransferringAccountInCitlRecords(),
                network.context(network.validTransferToEu().from(JP_ENTITY)));
    }

    @Test
    void unitRulesPassWhenTheUnitsStayOutsideTheEu() {
        assertPasses(new NoTemporaryCersInEu(), network.context(network.validInternalTransfer()
                .block(tcer(FOREST, 6401, 6500, EXPIRY))));
        assertPasses(new NoNuclearCreditsInEu(), network.context(network.validInternalTransfer().block(cer(NUCLEAR, 6001, 6100))));
        assertPasses(new LargeHydroInEuNeedsComplianceFlag(),
                network.context(network.validInternalTransfer().block(cer(LARGE_HYDRO, 6201, 6300))));
        assertPasses(new NoIndustrialGasCreditsInEuAfterApril2013(),
                network.context(network.validInternalTransfer().block(cer(HFC23, 6101, 6200))));
    }
}
