package org.itlgateway.gateway.node;

import org.itlgateway.gateway.transport.LogStatusQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.intake.IntakeOutcome;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.CancellationOutcome;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.RegistryBusiness;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.UnfinishedTransactions;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.delivery.QueryAnswers;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.node.messages.AdministrativeMessages;
import org.itlgateway.gateway.node.reconciliation.RegistryReconciliation;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.RegistryMessages;
import org.itlgateway.gateway.wire.RegistryMessages.StatusNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry at its edge: it proposes to the ITL and answers it. Inbound (from the inbox, one database
 * transaction per message): acceptProposal as acquiring registry (its own rules decide: 8 accepted or 6
 * rejected, notified back), acceptNotification (finalise, debit, credit, terminate; repeats are ignored; the
 * transferring registry confirms 4 when it completes), acceptITLNotice, acceptMessage; provideTime is answered in
 * the receipt. Outbound: every proposal is recorded and its message to the ITL written to the outbox together.
 */
public final class RegistryNode implements InboxHandler, QueryAnswers {

    /** Where registries send: the International Transaction Log. */
    public static final String LOG = "ITL";

    private static final Logger LOGGER = LoggerFactory.getLogger(RegistryNode.class);

    private final RegistryCode code;
    private final RegistryBusiness business;
    private final Transactions transactions;
    private final Notices notices;
    private final Database database;
    private final Clock clock;
    private final ProposalIntake intake;
    private final RegistryReconciliation reconciliation;

    public RegistryNode(RegistryCode code, RegistryBusiness business, Repositories repositories, Database database,
                        Clock clock, RuleParameters parameters) {
        Transactions transactions = repositories.transactions();
        Notices notices = repositories.notices();
        this.code = code;
        this.notices = notices;
        this.business = business;
        this.transactions = transactions;
        this.database = database;
        this.clock = clock;
        this.intake = ProposalIntake.of(parameters);
        this.reconciliation = new RegistryReconciliation(code, repositories, database, clock);
    }

    public RegistryCode code() {
        return code;
    }

    /** The registry's side of reconciliation: what the ITL asked and decided. */
    public RegistryReconciliation reconciliation() {
        return reconciliation;
    }

    /**
     * Runs an operator's action that records a proposal (issue, transfer, cancel ...) and, when it is recorded,
     * writes its acceptProposal to the ITL in the same database transaction.
     */
    public ProposalOutcome submit(Supplier<ProposalOutcome> action) {
        return database.call(() -> {
            ProposalOutcome outcome = action.get();
            if (outcome.isRecorded()) {
                send(proposalToLog(outcome.transaction().proposal()));
            }
            return outcome;
        });
    }

    /** Several proposals recorded by one action (e.g. forwarding temporary holding accounts). */
    public List<ProposalOutcome> submitAll(Supplier<List<ProposalOutcome>> action) {
        return database.call(() -> {
            List<ProposalOutcome> outcomes = action.get();
            for (ProposalOutcome outcome : outcomes) {
                if (outcome.isRecorded()) {
                    send(proposalToLog(outcome.transaction().proposal()));
                }
            }
            return outcomes;
        });
    }

    /**
     * Cancels one of this registry's own transactions that is not final yet (status 7), releasing its units, and
     * tells the log, in one unit of work; a refusal changes nothing and sends nothing.
     */
    public CancellationOutcome cancel(TransactionId id) {
        return database.call(() -> {
            CancellationOutcome outcome = business.cancel(id, clock.instant());
            if (outcome.cancelled()) {
                send(notificationToLog(id, TransactionStatus.CANCELLED, List.of()));
            }
            return outcome;
        });
    }

    /** Terminates this registry's overdue transactions and tells the log; answers how many. */
    public int terminateOverdue() {
        return database.call(() -> {
            List<TransactionId> terminated = business.terminateOverdue(clock.instant());
            for (TransactionId id : terminated) {
                Transaction transaction = transactions.find(id).orElseThrow();
                if (business.isTransferringSide(transaction)) {
                    send(notificationToLog(id, TransactionStatus.TERMINATED, transaction.latestResults()));
                }
            }
            return terminated.size();
        });
    }

    /**
     * Recovers from lost notifications: for each of this registry's transactions still open {@code quietFor} after
     * its proposal, asks the ITL for its status (getTransactionStatus) and applies what it reports as a
     * notification would have. Answers how many transactions moved.
     */
    public int recoverStatuses(UnfinishedTransactions unfinished, LogStatusQuery log, Duration quietFor) {
        List<Transaction> open = database.call(() -> unfinished.proposedNoLaterThan(clock.instant().minus(quietFor)));
        int moved = 0;
        for (Transaction transaction : open) {
            if (!business.isTransferringSide(transaction)) {
                continue;
            }
            Optional<Receipt.TransactionStatusReport> reported = log.statusOf(transaction.id());
            if (reported.isEmpty() || reported.get().status() == transaction.status()) {
                continue;
            }
            TransactionStatus status = reported.get().status();
            List<EvaluationResult> results = reported.get().results();
            boolean applied = database.call(() -> {
                if (transaction.status() == TransactionStatus.PROPOSED && !status.isFinal() && !status.isDiscrepancy()
                        && status != TransactionStatus.CHECKED_NO_DISCREPANCY) {
                    // the log's check (2) was lost too: it is implied by any later step
                    business.notify(transaction.id(), TransactionStatus.CHECKED_NO_DISCREPANCY, List.of());
                }
                NotificationOutcome outcome = business.notify(transaction.id(), status, results);
                if (outcome.completed()) {
                    send(notificationToLog(transaction.id(), TransactionStatus.COMPLETED, List.of()));
                }
                outcome.followUps().forEach(followUp -> send(proposalToLog(followUp)));
                return outcome.applied();
            });
            if (applied) {
                LOGGER.info("{}: recovered the status of {} from the ITL: {}", code, transaction.id(), status);
                moved++;
            }
        }
        return moved;
    }

    @Override
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        if (RegistryReconciliation.handles(message.operation())) {
            return reconciliation.handle(connection, message);
        }
        return switch (message.operation()) {
            case REGISTRY_ACCEPT_PROPOSAL -> incoming(RegistryMessages.proposalOf(message));
            case REGISTRY_ACCEPT_NOTIFICATION -> notification(RegistryMessages.notificationOf(message));
            case REGISTRY_ACCEPT_ITL_NOTICE -> notice(RegistryMessages.noticeOf(message, code));
            case REGISTRY_ACCEPT_MESSAGE -> administrativeMessage(connection, message);
            default -> "not handled by this registry yet: " + message.operation().wireName();
        };
    }

    @Override
    public Receipt answer(InboundMessage query) {
        return Receipt.time(clock.instant());
    }

    /** A reconciliation whose snapshot time is ahead of this registry's clock is refused in the receipt (6008). */
    @Override
    public Optional<Receipt> refusalAtReceipt(InboundMessage message) {
        return reconciliation.refusalAtReceipt(message);
    }

    private String incoming(ProposalForm proposal) {
        IntakeOutcome admitted = intake.admit(proposal, clock.instant());
        TransactionId id = TransactionId.parse(proposal.transactionIdentifier());
        if (!admitted.isAdmitted()) {
            send(notificationToLog(id, TransactionStatus.REJECTED, admitted.refusals()));
            return "rejected at intake: " + admitted.codes();
        }
        IncomingDecision decision = business.considerIncoming(admitted.proposal().orElseThrow());
        send(notificationToLog(id, decision.answer(), decision.rejections()));
        return decision.accepted() ? "accepted (8)" : "rejected (6): " + codes(decision.rejections());
    }

    /** An administrative message: kept, for the registry's operators to read. */
    private String administrativeMessage(Connection connection, InboundMessage message) throws SQLException {
        String from = message.envelope().from();
        AdministrativeMessages.keep(connection, from, clock.instant(), RegistryMessages.administrativeMessageOf(message));
        return "message from " + from + " recorded";
    }

    /** A notice from the ITL: recorded, so that the registry's operators fulfil it with transactions naming it. */
    private String notice(Notice notice) {
        notices.save(notice);
        return "notice " + notice.id() + " (" + notice.type().label() + ") recorded, " + notice.status();
    }

    private String notification(StatusNotification notification) {
        TransactionId id = notification.id();
        TransactionStatus status = notification.status();
        NotificationOutcome outcome = business.notify(id, status, notification.results());
        if (outcome.completed()) {
            Optional<Transaction> transaction = transactions.find(id);
            if (transaction.isPresent() && business.isTransferringSide(transaction.get())) {
                send(notificationToLog(id, TransactionStatus.COMPLETED, List.of()));
            }
        }
        for (Proposal followUp : outcome.followUps()) {
            send(proposalToLog(followUp));
        }
        LOGGER.debug("{}: {} of {} → {}", code, status, id, outcome);
        return outcome.outcome() + " " + status + " → " + outcome.status();
    }

    private OutboundMessage proposalToLog(Proposal proposal) {
        return OutboundMessage.of(code.value(), LOG, RegistryMessages.proposalToLog(proposal));
    }

    private OutboundMessage notificationToLog(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
        return OutboundMessage.of(code.value(), LOG,
                RegistryMessages.notificationToLog(id, status, clock.instant(), results));
    }

    /** Writes a message to the outbox on the connection of the running unit of work. */
    private void send(OutboundMessage message) {
        Instant now = clock.instant();
        database.session().doWork(connection -> Outbox.enqueue(connection, message, now));
    }

    private static String codes(List<EvaluationResult> results) {
        return results.stream().map(r -> Integer.toString(r.code().code())).toList().toString();
    }
}
