package org.itlgateway.simulator.itl;

import java.time.Clock;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.wire.NotificationMapping;
import org.itlgateway.gateway.wire.ProposalMapping;
import org.itlgateway.gateway.wire.Wire;

/** The log's messages, written to its outbox on the connection of the running unit of work. */
public final class OutboxLogMessages implements LogMessages {

    private final String self;
    private final Database database;
    private final Clock clock;

    public OutboxLogMessages(String self, Database database, Clock clock) {
        this.self = self;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void notify(RegistryCode registry, TransactionId transaction, TransactionStatus status,
                       List<EvaluationResult> results) {
        send(OutboundMessage.of(self, registry.value(), Wire.REGISTRY_ACCEPT_NOTIFICATION,
                NotificationMapping.toWire(transaction, status, clock.instant(), results)));
    }

    @Override
    public void forward(RegistryCode acquiringRegistry, Proposal proposal) {
        send(OutboundMessage.of(self, acquiringRegistry.value(), Wire.REGISTRY_ACCEPT_PROPOSAL,
                ProposalMapping.toWire(proposal)));
    }

    @Override
    public void askSupplementaryLog(Proposal proposal) {
        send(OutboundMessage.of(self, TransactionLog.SUPPLEMENTARY_LOG, Wire.LOG_ACCEPT_PROPOSAL,
                ProposalMapping.toWire(proposal)));
    }

    @Override
    public void sendNotice(RegistryCode registry, org.itlgateway.core.notice.Notice notice) {
        send(OutboundMessage.of(self, registry.value(), Wire.REGISTRY_ACCEPT_ITL_NOTICE,
                org.itlgateway.gateway.wire.NoticeMapping.toWire(notice)));
    }

    @Override
    public void tellSupplementaryLog(TransactionId transaction, TransactionStatus status) {
        send(OutboundMessage.of(self, TransactionLog.SUPPLEMENTARY_LOG, Wire.LOG_ACCEPT_NOTIFICATION,
                NotificationMapping.toWire(transaction, status, clock.instant(), List.of())));
    }

    /** The CITL's verdict to the ITL. */
    public void answerLog(TransactionId transaction, TransactionStatus verdict, List<EvaluationResult> results) {
        send(OutboundMessage.of(self, "ITL", Wire.LOG_ACCEPT_NOTIFICATION,
                NotificationMapping.toWire(transaction, verdict, clock.instant(), results)));
    }

    private void send(OutboundMessage message) {
        database.session().doWork(connection -> Outbox.enqueue(connection, message, clock.instant()));
    }
}
