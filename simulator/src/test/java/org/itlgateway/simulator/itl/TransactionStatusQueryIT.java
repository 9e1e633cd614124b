package org.itlgateway.simulator.itl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.RefusalFault;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesProposalUnitBlockList;
import org.itlgateway.schemas.v1.types.DesTransactionStatusReceipt;
import org.itlgateway.schemas.v1.types.DesUnitBlock;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ITL tells a transaction's status (getTransactionStatus) only to a party to it: its transferring or its
 * acquiring registry. Any other registry is refused with 1019 and told nothing of it.
 */
class TransactionStatusQueryIT {

    private static final Instant PROPOSED = Instant.parse("2016-03-02T09:00:00Z");
    private static final AtomicLong SEQUENCE = new AtomicLong(77_000_000);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Network network;
    private String transfer;

    /** The CDM registry proposes an external transfer to Japan straight to the ITL, which records it. */
    @BeforeEach
    void aTransferFromTheCdmRegistryToJapanThatTheItlKnows() throws Exception {
        network = TestNetwork.get();
        network.clock().set(PROPOSED);
        transfer = "CDM" + SEQUENCE.incrementAndGet();
        TransactionLogPortType itl = client("CDM");
        try {
            assertEquals(1, itl.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(new Envelope("CDM", "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), externalTransfer(transfer))).getResultIdentifier());
        } finally {
            ((Closeable) itl).close();
        }
        network.settle();
    }

    @Test
    void aRegistryThatIsNotAPartyIsRefusedWith1019() throws Exception {
        DesTransactionStatusReceipt answer = ask("GB");

        assertEquals(0, answer.getResultIdentifier());
        assertEquals(List.of(1019), answer.getResponseCodes().getResponseCode());
        assertNull(answer.getTransactionStatus(), "nothing of the transaction is told");
    }

    @Test
    void theTransferringRegistryIsToldTheStatus() throws Exception {
        DesTransactionStatusReceipt answer = ask("CDM");

        assertEquals(1, answer.getResultIdentifier());
        assertEquals(transfer, answer.getTransactionIdentifier());
    }

    @Test
    void theAcquiringRegistryIsToldTheStatus() throws Exception {
        DesTransactionStatusReceipt answer = ask("JP");

        assertEquals(1, answer.getResultIdentifier());
        assertEquals(transfer, answer.getTransactionIdentifier());
    }

    private DesTransactionStatusReceipt ask(String registry) throws IOException, RefusalFault {
        TransactionLogPortType itl = client(registry);
        try {
            return itl.getTransactionStatus(Wire.LOG_GET_TRANSACTION_STATUS.element(new Envelope(registry, "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), transfer));
        } finally {
            ((Closeable) itl).close();
        }
    }

    private TransactionLogPortType client(String registry) {
        return SoapClients.transactionLog(network.addressOf("ITL"), "ITL", network.signaturesOf(registry), PATIENCE);
    }


    private static DesProposal externalTransfer(String transactionId) {
        DesProposal proposal = new DesProposal();
        proposal.setTransactionIdentifier(transactionId);
        proposal.setTransactionType(3);
        proposal.setSuppTransactionType(0);
        proposal.setTransferringRegistryCode("CDM");
        proposal.setTransferringRegistryAccountType(120);
        proposal.setTransferringRegistryAccountIdentifier(1L);
        proposal.setAcquiringRegistryCode("JP");
        proposal.setAcquiringRegistryAccountType(120);
        proposal.setAcquiringRegistryAccountIdentifier(20045L);
        proposal.setProposalDateTime(PROPOSED);
        DesProposalUnitBlockList blocks = new DesProposalUnitBlockList();
        DesUnitBlock block = new DesUnitBlock();
        block.setUnitSerialBlockStart(990_000_001L);
        block.setUnitSerialBlockEnd(990_000_010L);
        block.setOriginatingRegistryCode("CDM");
        block.setUnitType(5);
        block.setSuppUnitType(0);
        block.setOriginalCommitPeriod(2);
        block.setApplicableCommitPeriod(2);
        block.setProjectIdentifier(4321);
        blocks.getUnitBlock().add(block);
        proposal.setProposalUnitBlocks(blocks);
        return proposal;
    }
}
