package org.itlgateway.core.check.intake;

import java.time.Instant;
import java.util.List;

/**
 * A proposal as it arrives, field for field, before anything is checked: codes and identifiers as text, code-list
 * values as numbers, optional fields as {@code null}. The gateway maps the XML to this form; {@link ProposalIntake}
 * turns it into a domain proposal or says why it cannot.
 *
 * @param transactionIdentifier           registry code and sequence number, e.g. {@code CDM100023}
 * @param transactionType                 DES transaction type
 * @param suppTransactionType             DES supplementary transaction type
 * @param transferringRegistryCode        the transferring registry
 * @param transferringAccountType         its account type, or {@code null} (issuance)
 * @param transferringAccountIdentifier   its account identifier, or {@code null}
 * @param transferringAccountCommitPeriod its account's commitment period, or {@code null} for 0
 * @param acquiringRegistryCode           the acquiring registry
 * @param acquiringAccountType            its account type, or {@code null}
 * @param acquiringAccountIdentifier      its account identifier, or {@code null}
 * @param acquiringAccountCommitPeriod    its account's commitment period, or {@code null} for 0
 * @param notificationIdentifier          the ITL notice fulfilled, or {@code null}
 * @param proposalDateTime                when the registry proposed it, or {@code null} for the time of receipt
 * @param unitBlocks                      the unit blocks, in the proposer's order
 */
public record ProposalForm(String transactionIdentifier, int transactionType, int suppTransactionType,
                           String transferringRegistryCode, Integer transferringAccountType,
                           Long transferringAccountIdentifier, Integer transferringAccountCommitPeriod,
                           String acquiringRegistryCode, Integer acquiringAccountType, Long acquiringAccountIdentifier,
                           Integer acquiringAccountCommitPeriod, Long notificationIdentifier, Instant proposalDateTime,
                           List<UnitBlockForm> unitBlocks) {
}
