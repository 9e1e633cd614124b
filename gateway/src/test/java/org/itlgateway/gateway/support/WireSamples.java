package org.itlgateway.gateway.support;

import java.time.Instant;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesProposalUnitBlockList;
import org.itlgateway.schemas.v1.types.DesUnitBlock;

/** Wire objects for tests. */
public final class WireSamples {

    private WireSamples() {
    }

    public static DesMessageHeader header(String from, String to) {
        DesMessageHeader header = new DesMessageHeader();
        header.setFrom(from);
        header.setTo(to);
        header.setMajorVersion(DesContract.MAJOR_VERSION);
        header.setMinorVersion(DesContract.MINOR_VERSION);
        return header;
    }

    /** The request element of acceptProposal to a log, as a client sends it. */
    public static org.itlgateway.schemas.v1.transactionlog.AcceptProposal proposalToLog(String from, String to,
                                                                                       DesProposal proposal) {
        return Wire.LOG_ACCEPT_PROPOSAL.element(
                new Envelope(from, to, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), proposal);
    }

    /** The request element of acceptProposal to a registry, as the ITL sends it. */
    public static org.itlgateway.schemas.v1.registry.AcceptProposal proposalToRegistry(String from, String to,
                                                                                      DesProposal proposal) {
        return Wire.REGISTRY_ACCEPT_PROPOSAL.element(
                new Envelope(from, to, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), proposal);
    }

    /** The CDM registry's issuance of 10,000 CERs of project 1234 into its pending account. */
    public static DesProposal cdmIssuance(String transactionId) {
        DesProposal proposal = new DesProposal();
        proposal.setTransactionIdentifier(transactionId);
        proposal.setTransactionType(1);
        proposal.setSuppTransactionType(0);
        proposal.setTransferringRegistryCode("CDM");
        proposal.setAcquiringRegistryCode("CDM");
        proposal.setAcquiringRegistryAccountType(110);
        proposal.setAcquiringRegistryAccountIdentifier(1000L);
        proposal.setProposalDateTime(Instant.parse("2024-03-14T09:30:00Z"));
        DesProposalUnitBlockList blocks = new DesProposalUnitBlockList();
        DesUnitBlock block = new DesUnitBlock();
        block.setUnitSerialBlockStart(1_000_001L);
        block.setUnitSerialBlockEnd(1_010_000L);
        block.setOriginatingRegistryCode("CDM");
        block.setUnitType(5);
        block.setSuppUnitType(0);
        block.setOriginalCommitPeriod(2);
        block.setApplicableCommitPeriod(2);
        block.setProjectIdentifier(1234);
        blocks.getUnitBlock().add(block);
        proposal.setProposalUnitBlocks(blocks);
        return proposal;
    }
}
