package org.itlgateway.gateway.operator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.MessageTrail;

/** The messages a node sent and received about one transaction ({@link MessageTrail}), as the operator API shows them. */
final class TransactionMessages {

    private TransactionMessages() {
    }

    /** Reads on the connection of the running unit of work. */
    static List<MessageView> of(Connection connection, TransactionId id) throws SQLException {
        return MessageTrail.about(connection, id).stream()
                .map(m -> new MessageView(m.sent() ? "sent" : "received", m.operation(), m.peer(), m.key(),
                        notifiedStatus(m.key()), m.at(), m.state(), m.doneAt(), m.attempts(), m.receiptCodes(),
                        m.outcome(), m.lastError()))
                .toList();
    }

    /** The status a notification's identity ends in ({@code CDM1/4}), if it is one. */
    private static CodeView notifiedStatus(String key) {
        int slash = key.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            TransactionStatus status = CodedValue.fromCodeOrNull(TransactionStatus.class,
                    Integer.parseInt(key.substring(slash + 1)));
            return status == null ? null : TransactionView.statusOf(status);
        } catch (NumberFormatException notAStatus) {
            return null;
        }
    }
}
