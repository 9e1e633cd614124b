package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.cdm.ProjectTally.Measure;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.unit.UnitBlock;

/**
 * What the CDM registry writes down when one of its own transactions completes: the project tallies; the
 * issuance and the share of proceeds it owes; the share of proceeds settled; the attestation of a voluntary
 * cancellation; temporary holding accounts closed once forwarded empty.
 */
final class CompletionRecords {

    private final CdmFacts facts;

    CompletionRecords(CdmFacts facts) {
        this.facts = facts;
    }

    /** Records the completion; answers the issuance when it owes a share of proceeds still to propose. */
    Optional<Issuance> record(Transaction transaction, Instant at) {
        Proposal proposal = transaction.proposal();
        SupplementaryType kind = proposal.kind().orElse(null);
        if (kind == null) {
            return Optional.empty();
        }
        switch (kind) {
            case ISSUANCE -> {
                tally(proposal, Measure.ISSUED);
                return issued(transaction);
            }
            case SHARE_OF_PROCEEDS_AT_ISSUANCE -> {
                tally(proposal, Measure.SHARE_OF_PROCEEDS);
                facts.issuances().findByShareOfProceedsTransaction(transaction.id())
                        .ifPresent(i -> facts.issuances().save(i.settled()));
            }
            case FORWARDING_FROM_PENDING -> tally(proposal, Measure.FORWARDED_TO_HOLDING_ACCOUNTS);
            case EXTERNAL_TRANSFER -> {
                if (CdmAccounts.PENDING.equals(proposal.transferringAccount())) {
                    tally(proposal, Measure.FORWARDED_TO_OTHER_REGISTRIES);
                }
                closeEmptyTemporaryAccounts(proposal);
            }
            case TEMPORARY_HOLDING_FORWARDING -> closeEmptyTemporaryAccounts(proposal);
            case VOLUNTARY_CANCELLATION -> {
                tally(proposal, Measure.VOLUNTARILY_CANCELLED);
                attest(transaction, at);
            }
            case EXCESS_ISSUANCE_CANCELLATION -> tally(proposal, Measure.EXCESS_ISSUANCE_CANCELLED);
            case CCS_NET_REVERSAL_CANCELLATION, CCS_NON_SUBMISSION_CANCELLATION -> tally(proposal, Measure.CCS_CANCELLED);
            default -> {
            }
        }
        return Optional.empty();
    }

    private Optional<Issuance> issued(Transaction transaction) {
        UnitBlock block = transaction.proposal().blocks().get(0);
        long projectId = block.attributes().projectId();
        Project project = facts.projects().find(projectId)
                .orElseThrow(() -> new IllegalStateException("issued for project " + projectId + ", which is unknown"));
        Issuance issuance = Issuance.completed(transaction.id(), block,
                ShareOfProceeds.owedOn(project, block.unitType(), block.quantity()));
        facts.issuances().save(issuance);
        return issuance.shareOfProceedsSettled() ? Optional.empty() : Optional.of(issuance);
    }

    private void tally(Proposal proposal, Measure measure) {
        Map<Long, Long> byProject = new TreeMap<>();
        for (UnitBlock block : proposal.blocks()) {
            Long projectId = block.attributes().projectId();
            if (projectId != null) {
                byProject.merge(projectId, block.quantity(), Math::addExact);
            }
        }
        byProject.forEach((projectId, quantity) -> facts.tallies().save(
                facts.tallies().find(projectId).orElse(ProjectTally.empty(projectId)).plus(measure, quantity)));
    }

    private void attest(Transaction transaction, Instant at) {
        Proposal proposal = transaction.proposal();
        VoluntaryCancellation asked = facts.voluntaryCancellations().find(transaction.id())
                .orElse(new VoluntaryCancellation(transaction.id(), "", "", transaction.proposedAt(), null));
        Attestation attestation = Attestation.of(transaction.id(), at, proposal.transferringAccount(),
                proposal.acquiringAccount(), proposal.blocks(), asked.purpose(), asked.beneficiary());
        facts.voluntaryCancellations().save(asked.attested(attestation));
    }

    private void closeEmptyTemporaryAccounts(Proposal proposal) {
        Set<AccountRef> left = new LinkedHashSet<>(proposal.blockTransferringAccounts().values());
        if (proposal.transferringAccount() != null) {
            left.add(proposal.transferringAccount());
        }
        for (AccountRef account : left) {
            if (facts.temporaryHoldingAccounts().find(account).isPresent() && facts.ledger().heldBy(account).isEmpty()) {
                facts.accounts().find(account).ifPresent(a ->
                        facts.accounts().save(new Account(a.ref(), a.holder(), AccountStatus.CLOSED)));
            }
        }
    }
}
