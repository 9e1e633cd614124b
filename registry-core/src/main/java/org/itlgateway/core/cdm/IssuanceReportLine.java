package org.itlgateway.core.cdm;

import org.itlgateway.core.registry.RegistryCode;

/**
 * One line of the public issuance report: what the CDM registry issued for a project and what became of it.
 *
 * @param projectId                  the project number
 * @param title                      its title
 * @param hostParty                  the Party hosting it
 * @param leastDevelopedCountry      true when the host is a least-developed country (no share of proceeds)
 * @param issued                     units issued
 * @param shareOfProceeds            units transferred to the Adaptation Fund
 * @param shareOfProceedsOwed        units owed to the Adaptation Fund and not transferred yet
 * @param forwardedToHoldingAccounts units forwarded to holding accounts in the CDM registry
 * @param forwardedToOtherRegistries units forwarded to national registries
 * @param voluntarilyCancelled       units cancelled voluntarily
 * @param excessIssuanceCancelled    units cancelled for excess issuance
 * @param ccsCancelled               units cancelled for a CCS reversal or non-submission
 * @param inPendingAccount           units still in the pending account (the share owed included)
 */
public record IssuanceReportLine(long projectId, String title, RegistryCode hostParty, boolean leastDevelopedCountry,
                                 long issued, long shareOfProceeds, long shareOfProceedsOwed,
                                 long forwardedToHoldingAccounts, long forwardedToOtherRegistries,
                                 long voluntarilyCancelled, long excessIssuanceCancelled, long ccsCancelled,
                                 long inPendingAccount) {
}
