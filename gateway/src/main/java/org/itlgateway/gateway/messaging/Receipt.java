package org.itlgateway.gateway.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * The synchronous answer to a request: accepted for processing, or refused with codes and a reason. The
 * receipts of provideTime and getTransactionStatus also carry what was asked.
 *
 * @param accepted        resultIdentifier 1 (true) or 0
 * @param codes           why it was refused (empty when accepted)
 * @param reason          a sentence for people, or {@code null}
 * @param currentTime     provideTime: the node's clock; otherwise {@code null}
 * @param status          getTransactionStatus: the transaction's status; otherwise {@code null}
 */
public record Receipt(boolean accepted, List<ResponseCode> codes, String reason, Instant currentTime,
                      TransactionStatusReport status) {

    public Receipt {
        codes = List.copyOf(codes);
    }

    public static Receipt acceptedForProcessing() {
        return new Receipt(true, List.of(), null, null, null);
    }

    public static Receipt refusal(ResponseCode code, String reason) {
        return new Receipt(false, List.of(code), Objects.requireNonNull(reason), null, null);
    }

    public static Receipt refusal(List<ResponseCode> codes, String reason) {
        return new Receipt(false, codes, reason, null, null);
    }

    public static Receipt time(Instant now) {
        return new Receipt(true, List.of(), null, now, null);
    }

    public static Receipt status(TransactionStatusReport report) {
        return new Receipt(true, List.of(), null, null, report);
    }

    /** A transaction's status as the log reports it to getTransactionStatus. */
    public record TransactionStatusReport(String transactionId, TransactionStatus status, Instant since,
                                          List<org.itlgateway.core.result.EvaluationResult> results) {
        public TransactionStatusReport {
            results = List.copyOf(results);
        }
    }
}
