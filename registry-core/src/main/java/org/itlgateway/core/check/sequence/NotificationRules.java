package org.itlgateway.core.check.sequence;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * The log's rules for a transaction notification that a registry sends. The acquiring registry accepts (8) or
 * rejects (6) an external transfer the log forwarded to it; the transferring registry completes (4), terminates
 * (5) or cancels (7) its own transaction; the other statuses are the logs' alone to set.
 *
 * <p>The rules are asked in this order: is the transaction known (3003); may this registry notify this status
 * (4010); is it a replay of the current status (fine); is the transaction final (ignored, 4001); has the step the
 * notification answers happened (4008: an acceptance before forwarding, a completion before the checks or the
 * acceptance); does the status machine allow the move (4002).
 */
public final class NotificationRules {

    /** The codes these rules answer with. */
    public static final Set<ResponseCode> CODES = Set.of(ResponseCode.TRANSACTION_UNKNOWN,
            ResponseCode.TRANSACTION_ALREADY_FINAL, ResponseCode.STATUS_CHANGE_NOT_ALLOWED,
            ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE, ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY);

    private static final Set<TransactionStatus> FROM_ACQUIRING = EnumSet.of(TransactionStatus.ACCEPTED,
            TransactionStatus.REJECTED);
    private static final Set<TransactionStatus> FROM_TRANSFERRING = EnumSet.of(TransactionStatus.COMPLETED,
            TransactionStatus.TERMINATED, TransactionStatus.CANCELLED);

    /**
     * What to do with a notification of {@code notified} from {@code sender} about {@code known}.
     *
     * @param known     the transaction the notification names, if the log knows it
     * @param notified  the status notified
     * @param sender    the registry that sent the notification (as authenticated)
     * @param forwarded whether the log has forwarded the proposal to the acquiring registry
     */
    public NotificationVerdict judge(Optional<Transaction> known, TransactionStatus notified, RegistryCode sender,
                                     boolean forwarded) {
        if (known.isEmpty()) {
            return NotificationVerdict.refuse(ResponseCode.TRANSACTION_UNKNOWN,
                    "the notification names a transaction that does not exist");
        }
        Transaction transaction = known.get();
        TransactionStatus current = transaction.status();
        if (!mayNotify(sender, notified, transaction.proposal())) {
            return NotificationVerdict.refuse(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY,
                    sender + " may not notify status " + notified + " for transaction " + transaction.id());
        }
        if (current == notified) {
            return NotificationVerdict.replay();
        }
        if (current.isFinal()) {
            return NotificationVerdict.ignore("transaction " + transaction.id() + " is final (" + current
                    + "); the notification of " + notified + " changes nothing");
        }
        if (comesTooEarly(transaction, notified, forwarded)) {
            return NotificationVerdict.refuse(ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE,
                    "transaction " + transaction.id() + " is " + current + (forwarded ? "" : " and was not forwarded")
                            + "; a notification of " + notified + " comes before its step");
        }
        if (!current.canMoveTo(notified)) {
            return NotificationVerdict.refuse(ResponseCode.STATUS_CHANGE_NOT_ALLOWED,
                    "transaction " + transaction.id() + " cannot move from " + current + " to " + notified);
        }
        return NotificationVerdict.apply();
    }

    private static boolean mayNotify(RegistryCode sender, TransactionStatus notified, Proposal proposal) {
        if (FROM_ACQUIRING.contains(notified)) {
            return proposal.acquiringRegistry().equals(sender);
        }
        if (FROM_TRANSFERRING.contains(notified)) {
            return proposal.transferringRegistry().equals(sender);
        }
        return false;
    }

    private static boolean comesTooEarly(Transaction transaction, TransactionStatus notified, boolean forwarded) {
        if (FROM_ACQUIRING.contains(notified)) {
            return !forwarded;
        }
        if (notified != TransactionStatus.COMPLETED) {
            return false;
        }
        TransactionStatus current = transaction.status();
        if (isForwardedToAnotherRegistry(transaction.proposal())) {
            return current == TransactionStatus.PROPOSED || current == TransactionStatus.CHECKED_NO_DISCREPANCY
                    || current == TransactionStatus.STL_CHECKED_NO_DISCREPANCY;
        }
        return current == TransactionStatus.PROPOSED;
    }

    private static boolean isForwardedToAnotherRegistry(Proposal proposal) {
        return proposal.type().involvesAcquiringRegistry() && proposal.isExternal();
    }
}
