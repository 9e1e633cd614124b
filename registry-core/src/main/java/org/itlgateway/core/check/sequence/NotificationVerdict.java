package org.itlgateway.core.check.sequence;

import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** What the log does with a transaction notification, and the result that explains it when it does not apply it. */
public final class NotificationVerdict {

    /** What to do with the notification. */
    public enum Action {
        /** Move the transaction to the notified status. */
        APPLY,
        /** The transaction already is in that status: nothing to do, and nothing wrong (a resent notification). */
        REPLAY,
        /** The transaction is final: the notification changes nothing (code 4001). */
        IGNORE,
        /** The notification is wrong: it changes nothing and the sender is told why. */
        REFUSE
    }

    private static final NotificationVerdict APPLY = new NotificationVerdict(Action.APPLY, null);
    private static final NotificationVerdict REPLAY = new NotificationVerdict(Action.REPLAY, null);

    private final Action action;
    private final EvaluationResult result;

    private NotificationVerdict(Action action, EvaluationResult result) {
        this.action = Objects.requireNonNull(action, "action");
        this.result = result;
    }

    public static NotificationVerdict apply() {
        return APPLY;
    }

    public static NotificationVerdict replay() {
        return REPLAY;
    }

    public static NotificationVerdict ignore(String description) {
        return new NotificationVerdict(Action.IGNORE, EvaluationResult.of(ResponseCode.TRANSACTION_ALREADY_FINAL, description));
    }

    public static NotificationVerdict refuse(ResponseCode code, String description) {
        return new NotificationVerdict(Action.REFUSE, EvaluationResult.of(code, description));
    }

    public Action action() {
        return action;
    }

    /** The result that explains an ignored or refused notification. */
    public Optional<EvaluationResult> result() {
        return Optional.ofNullable(result);
    }

    public Optional<ResponseCode> code() {
        return result().map(EvaluationResult::code);
    }

    @Override
    public String toString() {
        return action + (result == null ? "" : " " + result);
    }
}
