package org.itlgateway.simulator.itl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.QueryAnswers;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.NotificationMapping;
import org.itlgateway.gateway.wire.ProposalMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** The ITL's TransactionLogService behind its inbox: each message handed to the transaction log's logic. */
public final class ItlNode implements InboxHandler, QueryAnswers {

    private final TransactionLog log;
    private final Database database;
    private final Clock clock;
    private InboxHandler reconciliation = (connection, message) ->
            "not handled by the ITL yet: " + message.operation().wireName();

    public ItlNode(TransactionLog log, Database database, Clock clock) {
        this.log = log;
        this.database = database;
        this.clock = clock;
    }

    public TransactionLog log() {
        return log;
    }

    /**
     * Hands the answers to the ITL's reconciliations (receiveTotals, receiveUnitBlocks, receiveAuditTrail), from the
     * registries and from the CITL, to {@code answers}.
     */
    public void answerReconciliationWith(InboxHandler answers) {
        this.reconciliation = answers;
    }

    @Override
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        return switch (message.operation()) {
            case LOG_ACCEPT_PROPOSAL -> log.receiveProposal(RegistryCode.of(message.signer()),
                    ProposalMapping.toForm(message.content(Wire.LOG_ACCEPT_PROPOSAL)));
            case LOG_ACCEPT_NOTIFICATION -> {
                DesTransactionNotification notification = message.content(Wire.LOG_ACCEPT_NOTIFICATION);
                yield log.receiveNotification(message.signer(), NotificationMapping.idOf(notification),
                        NotificationMapping.statusOf(notification), NotificationMapping.resultsOf(notification));
            }
            case LOG_ACCEPT_MESSAGE -> "message from " + message.signer() + " recorded";
            case LOG_ACCEPT_EVIDENCE_CHECKPOINT -> HeldCheckpoints.keep(connection, message.signer(),
                    HeldCheckpoints.carriedBy(message), message.receivedAt());
            case LOG_RECEIVE_TOTALS, LOG_RECEIVE_UNIT_BLOCKS, LOG_RECEIVE_AUDIT_TRAIL -> reconciliation.handle(connection, message);
            default -> "not handled by the ITL yet: " + message.operation().wireName();
        };
    }

    /** getTransactionStatus is answered in the receipt, to a party of the transaction only; provideTime too. */
    @Override
    public Receipt answer(InboundMessage query) {
        Optional<String> asked = query.contentIf(Wire.LOG_GET_TRANSACTION_STATUS);
        if (asked.isPresent()) {
            String transactionId = asked.get();
            TransactionId id = TransactionId.parse(transactionId);
            Optional<StatusChange> status = database.call(() -> log.statusOf(id));
            if (status.isEmpty()) {
                return Receipt.refusal(org.itlgateway.core.result.ResponseCode.TRANSACTION_UNKNOWN,
                        "the ITL knows no transaction " + transactionId);
            }
            if (!database.call(() -> log.isPartyTo(RegistryCode.of(query.signer()), id))) {
                return Receipt.refusal(org.itlgateway.core.result.ResponseCode.TRANSACTION_NOT_OF_SENDER,
                        query.signer() + " is not a party to " + transactionId);
            }
            StatusChange change = status.get();
            return Receipt.status(new Receipt.TransactionStatusReport(transactionId, change.status(), change.at(),
                    change.results()));
        }
        return Receipt.time(clock.instant());
    }

    /**
     * A registry's evidence checkpoint is refused in the receipt when it names another node than its signer, its
     * signature does not verify with the signer's certificate, it contradicts a checkpoint held, or it signs no
     * later record than the last one held ({@link HeldCheckpoints}).
     */
    @Override
    public Optional<Receipt> refusalAtReceipt(InboundMessage message) {
        if (message.operation() != Operation.LOG_ACCEPT_EVIDENCE_CHECKPOINT) {
            return Optional.empty();
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return HeldCheckpoints.refusal(connection, message.signer(), HeldCheckpoints.carriedBy(message))
                    .map(refusal -> Receipt.refusal(refusal.code(), refusal.reason()));
        } catch (SQLException e) {
            throw new IllegalStateException("the checkpoints held cannot be read: " + e.getMessage(), e);
        }
    }

    /** The evidence checkpoints the ITL holds of {@code registry}, in sequence order. */
    public List<EvidenceCheckpoint> checkpointsOf(String registry) {
        try (Connection connection = database.dataSource().getConnection()) {
            return HeldCheckpoints.of(connection, registry);
        } catch (SQLException e) {
            throw new IllegalStateException("the checkpoints held cannot be read: " + e.getMessage(), e);
        }
    }

    /** Sends a notice to a registry, in the log's own unit of work (the notice and its message commit together). */
    public org.itlgateway.core.notice.Notice issueNotice(RegistryCode registry, org.itlgateway.core.notice.NoticeType type,
                                                        Long projectId, org.itlgateway.core.unit.CommitmentPeriod period,
                                                        org.itlgateway.core.unit.UnitType unitType, Long targetQuantity,
                                                        java.time.LocalDate targetDate, String content) {
        return database.call(() -> log.issueNotice(registry, type, projectId, period, unitType, targetQuantity, targetDate,
                java.util.List.of(), content));
    }

    /**
     * The log's administrator cancels a transaction not yet finalised, in the log's own unit of work (the status and
     * the notifications commit together); answers why not, or empty when it did.
     */
    public Optional<EvaluationResult> cancel(TransactionId id) {
        return database.call(() -> log.cancel(id));
    }

    /** The log's periodic duty: terminate what is overdue. */
    public int terminateOverdue() {
        return database.call(() -> log.terminateOverdue().size());
    }

}
