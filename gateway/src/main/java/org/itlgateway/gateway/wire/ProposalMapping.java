package org.itlgateway.gateway.wire;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesProposalUnitBlockList;
import org.itlgateway.schemas.v1.types.DesUnitBlock;

/**
 * Proposals between the wire and the domain. Inbound, the XML becomes a {@link ProposalForm} field for field
 * (the intake decides what it means); outbound, a domain proposal becomes the XML.
 */
public final class ProposalMapping {

    private ProposalMapping() {
    }

    public static ProposalForm toForm(DesProposal wire) {
        List<UnitBlockForm> blocks = new ArrayList<>();
        if (wire.getProposalUnitBlocks() != null) {
            for (DesUnitBlock block : wire.getProposalUnitBlocks().getUnitBlock()) {
                blocks.add(new UnitBlockForm(block.getUnitSerialBlockStart(), block.getUnitSerialBlockEnd(),
                        block.getOriginatingRegistryCode(), block.getUnitType(), block.getSuppUnitType(),
                        block.getOriginalCommitPeriod(), block.getApplicableCommitPeriod(), block.getLULUCFActivity(),
                        block.getProjectIdentifier() == null ? null : block.getProjectIdentifier().longValue(),
                        block.getTrack(), block.getExpiryDate(), block.getTransferringRegistryAccountType(),
                        block.getTransferringRegistryAccountIdentifier(), block.getAcquiringRegistryAccountType(),
                        block.getAcquiringRegistryAccountIdentifier()));
            }
        }
        // a DES registry may omit the supplementary type of a Kyoto transaction type: absent is 0
        int suppTransactionType = wire.getSuppTransactionType() == null ? 0 : wire.getSuppTransactionType();
        return new ProposalForm(wire.getTransactionIdentifier(), wire.getTransactionType(), suppTransactionType,
                wire.getTransferringRegistryCode(), wire.getTransferringRegistryAccountType(), wire.getTransferringRegistryAccountIdentifier(),
                wire.getTransferringRegistryAccountCommitPeriod(), wire.getAcquiringRegistryCode(), wire.getAcquiringRegistryAccountType(),
                wire.getAcquiringRegistryAccountIdentifier(), wire.getAcquiringRegistryAccountCommitPeriod(), wire.getNotificationIdentifier(),
                wire.getProposalDateTime(), blocks);
    }

    public static DesProposal toWire(Proposal proposal) {
        DesProposal wire = new DesProposal();
        wire.setTransactionIdentifier(proposal.id().toString());
        wire.setTransactionType(proposal.type().code());
        wire.setSuppTransactionType(proposal.supplementaryType());
        wire.setTransferringRegistryCode(proposal.transferringRegistry().value());
        AccountRef from = proposal.transferringAccount();
        if (from != null) {
            wire.setTransferringRegistryAccountType(from.type().code());
            wire.setTransferringRegistryAccountIdentifier(from.identifier());
            wire.setTransferringRegistryAccountCommitPeriod(from.period().code());
        }
        wire.setAcquiringRegistryCode(proposal.acquiringRegistry().value());
        AccountRef to = proposal.acquiringAccount();
        if (to != null) {
            wire.setAcquiringRegistryAccountType(to.type().code());
            wire.setAcquiringRegistryAccountIdentifier(to.identifier());
            wire.setAcquiringRegistryAccountCommitPeriod(to.period().code());
        }
        wire.setNotificationIdentifier(proposal.noticeId());
        wire.setProposalDateTime(proposal.proposedAt());
        DesProposalUnitBlockList blocks = new DesProposalUnitBlockList();
        for (UnitBlock block : proposal.blocks()) {
            DesUnitBlock wireBlock = UnitBlockMapping.write(block, new DesUnitBlock());
            AccountRef own = proposal.blockTransferringAccounts().get(block.id());
            if (own != null) {
                wireBlock.setTransferringRegistryAccountType(own.type().code());
                wireBlock.setTransferringRegistryAccountIdentifier(own.identifier());
            }
            blocks.getUnitBlock().add(wireBlock);
        }
        wire.setProposalUnitBlocks(blocks);
        return wire;
    }
}
