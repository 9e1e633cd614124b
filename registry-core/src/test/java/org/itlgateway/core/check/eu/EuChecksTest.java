package org.itlgateway.core.check.eu;

import static org.itlgateway.core.fixtures.Network.DE;
import static org.itlgateway.core.fixtures.Network.DE_ENTITY;
import static org.itlgateway.core.fixtures.Network.JP_ENTITY;
import static org.itlgateway.core.fixtures.Network.SUSPENDED_PARTY;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.fixtures.Network;
import org.junit.jupiter.api.Test;

class EuChecksTest {

    private static final AccountRef DE_MISSING = AccountRef.parse("DE-120-777-0");
    private static final AccountRef UNKNOWN_REGISTRY_PARTY = AccountRef.parse("QQ-100-1-0");

    private final Network network = new Network();

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
}
