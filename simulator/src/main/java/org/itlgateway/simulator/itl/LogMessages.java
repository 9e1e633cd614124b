package org.itlgateway.simulator.itl;

import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * What the transaction log sends, in the domain's words. The node behind it writes each message to its outbox
 * in the same database transaction as the change that caused it.
 */
public interface LogMessages {

    /** acceptNotification to a registry: the transaction's new status, with the results that explain it. */
    void notify(RegistryCode registry, TransactionId transaction, TransactionStatus status, List<EvaluationResult> results);

    /** acceptProposal to the acquiring registry of a checked external transfer. */
    void forward(RegistryCode acquiringRegistry, Proposal proposal);

    /** acceptProposal to the supplementary log (the CITL) for its checks. */
    void askSupplementaryLog(Proposal proposal);

    /** acceptITLNotice to a registry: a notice to fulfil, or its new status. */
    void sendNotice(RegistryCode registry, org.itlgateway.core.notice.Notice notice);

    /** acceptNotification to the supplementary log: a transaction it checked reached a final status. */
    void tellSupplementaryLog(TransactionId transaction, TransactionStatus status);
}
