package org.itlgateway.core.check.registry;

import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.NZ;
import static org.itlgateway.core.fixtures.Network.SUSPENDED_PARTY;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.transaction.Proposal;
import org.junit.jupiter.api.Test;

class RegistryChecksTest {

    private static final AccountRef UNKNOWN_REGISTRY_PARTY = AccountRef.parse("QQ-100-1-0");
    private static final AccountRef UNKNOWN_REGISTRY_ENTITY = AccountRef.parse("QQ-120-2-0");

    private final Network network = new Network();

    @Test
    void proposalOfARegistryTheLogDoesNotKnowIsRefusedWith1020() {
        Proposal proposal = network.validInternalTransfer().from(UNKNOWN_REGISTRY_PARTY).to(UNKNOWN_REGISTRY_ENTITY).build();
        assertRefused(1020, new TransferringRegistryKnown(), network.context(proposal));
    }

    @Test
    void proposalOfAKnownRegistryPasses1020() {
        assertPasses(new TransferringRegistryKnown(), network.context(network.validInternalTransfer()));
    }

    @Test
    void proposalOfASuspendedRegistryIsRefusedWith1021() {
        Proposal proposal = network.validInternalTransfer().from(SUSPENDED_PARTY).to(AccountRef.parse("ZZ-120-2-0")).build();
        assertTrue(assertRefused(1021, new TransferringRegistryOperating(), network.context(proposal))
                .description().contains("SUSPENDED"));
    }

    @Test
    void operatingOrUnknownTransferringRegistryPasses1021() {
        assertPasses(new TransferringRegistryOperating(), network.context(network.validInternalTransfer()));
        Proposal unknown = network.validInternalTransfer().from(UNKNOWN_REGISTRY_PARTY).to(UNKNOWN_REGISTRY_ENTITY).build();
        assertPasses(new TransferringRegistryOperating(), network.context(unknown));
    }

    @Test
    void transferToARegistryTheLogDoesNotKnowIsRefusedWith1022() {
        Proposal proposal = network.validExternalTransfer().to(UNKNOWN_REGISTRY_PARTY).build();
        assertRefused(1022, new AcquiringRegistryKnown(), network.context(proposal));
    }

    @Test
    void transferToAKnownRegistryPasses1022() {
        assertPasses(new AcquiringRegistryKnown(), network.context(network.validExternalTransfer()));
    }

    @Test
    void transferToASuspendedRegistryIsRefusedWith1023() {
        Proposal proposal = network.validExternalTransfer().to(SUSPENDED_PARTY).build();
        assertRefused(1023, new AcquiringRegistryOperating(), network.context(proposal));
    }

    @Test
    void transferToAnOperatingOrUnknownRegistryPasses1023() {
        assertPasses(new AcquiringRegistryOperating(), network.context(network.validExternalTransfer()));
        assertPasses(new AcquiringRegistryOperating(),
                network.context(network.validExternalTransfer().to(UNKNOWN_REGISTRY_PARTY)));
    }

    @Test
    void proposalSentByAnotherRegistryThanTheTransferringOneIsRefusedWith1024() {
        Proposal japanese = network.validInternalTransfer().build();
        assertRefused(1024, new ProposerIsTransferringRegistry(), network.context(japanese, NZ));
    }

    @Test
    void proposalSentByTheTransferringRegistryOrWithoutAuthenticatedSenderPasses1024() {
        Proposal japanese = network.validInternalTransfer().build();
        assertPasses(new ProposerIsTransferringRegistry(), network.context(japanese, JP));
        assertPasses(new ProposerIsTransferringRegistry(), network.context(japanese, null));
    }
}
