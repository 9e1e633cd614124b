package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** Transaction notifications between the wire and the domain. */
public final class NotificationMapping {

    private NotificationMapping() {
    }

    public static DesTransactionNotification toWire(TransactionId id, TransactionStatus status, Instant at,
                                                    List<EvaluationResult> results) {
        DesTransactionNotification wire = new DesTransactionNotification();
        wire.setTransactionIdentifier(id.toString());
        wire.setTransactionStatus(status.code());
        wire.setStatusDateTime(at);
        if (!results.isEmpty()) {
            wire.setEvaluationResults(ResultMapping.toWire(results));
        }
        return wire;
    }

    public static TransactionStatus statusOf(DesTransactionNotification wire) {
        return TransactionStatus.fromCode(wire.getTransactionStatus());
    }

    public static TransactionId idOf(DesTransactionNotification wire) {
        return TransactionId.parse(wire.getTransactionIdentifier());
    }

    public static List<EvaluationResult> resultsOf(DesTransactionNotification wire) {
        return wire.getEvaluationResults() == null ? List.of() : ResultMapping.fromWire(wire.getEvaluationResults());
    }
}
