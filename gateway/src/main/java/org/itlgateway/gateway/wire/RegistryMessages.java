package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/**
 * What a registry reads from the ITL's messages and sends to it, in the domain's words: the registry node never
 * sees a generated wire type.
 */
public final class RegistryMessages {

    /** A transaction's status as the ITL notifies it, with the results that explain it. */
    public record StatusNotification(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
    }

    private RegistryMessages() {
    }

    /** The proposal of an acceptProposal, field for field, for the registry's intake to judge. */
    public static ProposalForm proposalOf(InboundMessage message) {
        return ProposalMapping.toForm(message.content(Wire.REGISTRY_ACCEPT_PROPOSAL));
    }

    /** The notice of an acceptITLNotice, addressed to {@code addressee}. */
    public static Notice noticeOf(InboundMessage message, RegistryCode addressee) {
        return NoticeMapping.fromWire(message.content(Wire.REGISTRY_ACCEPT_ITL_NOTICE), addressee);
    }

    /** The administrative message of an acceptMessage. */
    public static org.itlgateway.gateway.messaging.AdministrativeMessage administrativeMessageOf(InboundMessage message) {
        return AdministrativeMessageMapping.fromWire(message.content(Wire.REGISTRY_ACCEPT_MESSAGE));
    }

    /** The notification of an acceptNotification. */
    public static StatusNotification notificationOf(InboundMessage message) {
        DesTransactionNotification wire = message.content(Wire.REGISTRY_ACCEPT_NOTIFICATION);
        return new StatusNotification(NotificationMapping.idOf(wire), NotificationMapping.statusOf(wire),
                NotificationMapping.resultsOf(wire));
    }

    /** The proposal, sent to the ITL (acceptProposal). */
    public static Outgoing<?> proposalToLog(Proposal proposal) {
        return new Outgoing<>(Wire.LOG_ACCEPT_PROPOSAL, ProposalMapping.toWire(proposal));
    }

    /** The registry's status of a transaction, sent to the ITL (acceptNotification). */
    public static Outgoing<?> notificationToLog(TransactionId id, TransactionStatus status, Instant at,
                                                List<EvaluationResult> results) {
        return new Outgoing<>(Wire.LOG_ACCEPT_NOTIFICATION, NotificationMapping.toWire(id, status, at, results));
    }
}
