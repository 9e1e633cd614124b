package org.itlgateway.simulator.citl;

import java.sql.Connection;
import java.time.Clock;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.QueryAnswers;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.NotificationMapping;
import org.itlgateway.gateway.wire.ProposalMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** The CITL's TransactionLogService behind its inbox: the ITL's requests for supplementary checks. */
public final class CitlNode implements InboxHandler, QueryAnswers {

    private final SupplementaryLog log;
    private final Clock clock;

    public CitlNode(SupplementaryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, InboundMessage message) {
        return switch (message.operation()) {
            case LOG_ACCEPT_PROPOSAL -> log.receiveProposal(ProposalMapping.toForm(message.content(Wire.LOG_ACCEPT_PROPOSAL)));
            case LOG_ACCEPT_NOTIFICATION -> {
                DesTransactionNotification notification = message.content(Wire.LOG_ACCEPT_NOTIFICATION);
                yield log.receiveFinalStatus(NotificationMapping.idOf(notification), NotificationMapping.statusOf(notification));
            }
            default -> "not handled by the CITL: " + message.operation().wireName();
        };
    }

    @Override
    public Receipt answer(InboundMessage query) {
        return Receipt.time(clock.instant());
    }
}
