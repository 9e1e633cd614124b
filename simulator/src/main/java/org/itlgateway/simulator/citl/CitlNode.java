package org.itlgateway.simulator.citl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.QueryAnswers;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.NotificationMapping;
import org.itlgateway.gateway.wire.ProposalMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/**
 * The CITL's TransactionLogService behind its inbox: the ITL's requests for supplementary checks; the ITL's
 * reconciliation of the CITL's records (provideTotals, provideUnitBlocks, provideAuditTrail,
 * receiveReconciliationResult); and the EU registries' answers to the CITL's own reconciliations of them
 * (receiveTotals, receiveUnitBlocks, receiveAuditTrail).
 */
public final class CitlNode implements InboxHandler, QueryAnswers {

    private final SupplementaryLog log;
    private final Clock clock;
    private InboxHandler reconciled = (connection, message) ->
            "not handled by the CITL: " + message.operation().wireName();
    private InboxHandler reconciling = reconciled;

    public CitlNode(SupplementaryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Hands the ITL's reconciliation requests to {@code answers}, which answers from the CITL's records. */
    public void answerReconciliationWith(InboxHandler answers) {
        this.reconciled = answers;
    }

    /** Hands the EU registries' answers to the CITL's reconciliations (receiveTotals ...) to {@code driver}. */
    public void reconcileRegistriesWith(InboxHandler driver) {
        this.reconciling = driver;
    }

    @Override
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        return switch (message.operation()) {
            case LOG_ACCEPT_PROPOSAL -> log.receiveProposal(ProposalMapping.toForm(message.content(Wire.LOG_ACCEPT_PROPOSAL)));
            case LOG_ACCEPT_NOTIFICATION -> {
                DesTransactionNotification notification = message.content(Wire.LOG_ACCEPT_NOTIFICATION);
                yield log.receiveFinalStatus(NotificationMapping.idOf(notification), NotificationMapping.statusOf(notification));
            }
            case LOG_PROVIDE_TOTALS, LOG_PROVIDE_UNIT_BLOCKS, LOG_PROVIDE_AUDIT_TRAIL, LOG_RECEIVE_RECONCILIATION_RESULT ->
                    reconciled.handle(connection, message);
            case LOG_RECEIVE_TOTALS, LOG_RECEIVE_UNIT_BLOCKS, LOG_RECEIVE_AUDIT_TRAIL -> reconciling.handle(connection, message);
            default -> "not handled by the CITL: " + message.operation().wireName();
        };
    }

    @Override
    public Receipt answer(InboundMessage query) {
        return Receipt.time(clock.instant());
    }
}
