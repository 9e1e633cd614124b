package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.project.Project;

/** The CDM registry's public reports, as plain records: issuance per project and voluntary cancellations. */
public final class PublicReports {

    private final CdmFacts facts;

    public PublicReports(CdmFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** For every project issued for, by project number: issued, share of proceeds, forwarded, cancelled, pending. */
    public List<IssuanceReportLine> issuanceByProject() {
        Map<Long, Long> pending = new HashMap<>();
        for (HeldBlock piece : facts.ledger().heldBy(CdmAccounts.PENDING)) {
            Long projectId = piece.block().attributes().projectId();
            if (projectId != null) {
                pending.merge(projectId, piece.block().quantity(), Math::addExact);
            }
        }
        Map<Long, Long> owed = new HashMap<>();
        for (Issuance issuance : facts.issuances().withShareOfProceedsUnsettled()) {
            owed.merge(issuance.projectId(), issuance.shareOfProceedsQuantity(), Math::addExact);
        }
        List<IssuanceReportLine> lines = new ArrayList<>();
        for (ProjectTally tally : facts.tallies().all()) {
            Optional<Project> project = facts.projects().find(tally.projectId());
            lines.add(new IssuanceReportLine(tally.projectId(),
                    project.map(Project::title).orElse(""),
                    project.map(Project::hostParty).orElse(null),
                    project.map(Project::leastDevelopedCountry).orElse(false),
                    tally.issued(), tally.shareOfProceeds(), owed.getOrDefault(tally.projectId(), 0L),
                    tally.forwardedToHoldingAccounts(), tally.forwardedToOtherRegistries(),
                    tally.voluntarilyCancelled(), tally.excessIssuanceCancelled(), tally.ccsCancelled(),
                    pending.getOrDefault(tally.projectId(), 0L)));
        }
        return lines;
    }

    /** The attestations of voluntary cancellation, in the order the cancellations completed. */
    public List<Attestation> voluntaryCancellations() {
        return facts.voluntaryCancellations().attestations();
    }

    /** The completed issuances whose share of proceeds is not transferred yet. */
    public List<Issuance> shareOfProceedsOwed() {
        return facts.issuances().withShareOfProceedsUnsettled();
    }
}
