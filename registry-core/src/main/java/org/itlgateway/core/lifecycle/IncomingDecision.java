package org.itlgateway.core.lifecycle;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * The acquiring registry's answer to an external transfer the log forwarded: accepted (status 8) or rejected
 * (status 6) with the reasons, which the registry then notifies to the log.
 *
 * @param transaction the incoming transaction as recorded, or {@code null} when it could not be recorded at all
 *                    (sent to the wrong registry, or an identifier reused with other content)
 * @param rejections  why it is rejected; empty when accepted
 */
public record IncomingDecision(Transaction transaction, List<EvaluationResult> rejections) {

    public IncomingDecision {
        rejections = List.copyOf(rejections);
        if (transaction == null && rejections.isEmpty()) {
            throw new IllegalArgumentException("an unrecorded proposal is rejected, with a reason");
        }
    }

    public boolean accepted() {
        return rejections.isEmpty();
    }

    /** The status the registry notifies to the log: 8 accepted or 6 rejected. */
    public TransactionStatus answer() {
        return accepted() ? TransactionStatus.ACCEPTED : TransactionStatus.REJECTED;
    }
}
