package org.itlgateway.gateway.wire;

import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesResponseCodeList;
import org.itlgateway.schemas.v1.types.DesTimeReceipt;
import org.itlgateway.schemas.v1.types.DesTransactionStatusReceipt;

/** Receipts between the domain and the wire. */
public final class ReceiptMapping {

    private ReceiptMapping() {
    }

    /**
     * Writes the receipt into a reply element (every reply element extends the receipt type of its operation, so its
     * fields are flat, as the DES's reply is): the time of a {@link DesTimeReceipt}, the status of a
     * {@link DesTransactionStatusReceipt}, the result identifier, codes and reason of every one. Answers the reply.
     */
    public static <R extends DesReceipt> R write(Receipt receipt, R reply) {
        if (reply instanceof DesTimeReceipt time) {
            time.setSystemTime(receipt.currentTime());
        }
        if (reply instanceof DesTransactionStatusReceipt status && receipt.status() != null) {
            status.setTransactionIdentifier(receipt.status().transactionId());
            status.setTransactionStatus(receipt.status().status().code());
            status.setTransactionStatusDateTime(receipt.status().since());
            if (!receipt.status().results().isEmpty()) {
                status.setEvaluationResults(ResultMapping.toWire(receipt.status().results()));
            }
        }
        fill(reply, receipt);
        return reply;
    }

    private static void fill(DesReceipt wire, Receipt receipt) {
        wire.setResultIdentifier(receipt.accepted() ? 1 : 0);
        if (!receipt.codes().isEmpty()) {
            DesResponseCodeList codes = new DesResponseCodeList();
            for (ResponseCode code : receipt.codes()) {
                codes.getResponseCode().add(code.code());
            }
            wire.setResponseCodes(codes);
        }
        if (receipt.reason() != null) {
            String reason = receipt.reason();
            wire.setReason(reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
    }

    /** A receipt read from the wire (the codes it names that the catalogue does not know are dropped). */
    public static Receipt fromWire(DesReceipt wire) {
        java.util.List<ResponseCode> codes = new java.util.ArrayList<>();
        if (wire.getResponseCodes() != null) {
            for (int code : wire.getResponseCodes().getResponseCode()) {
                ResponseCode known = org.itlgateway.core.CodedValue.fromCodeOrNull(ResponseCode.class, code);
                if (known != null) {
                    codes.add(known);
                }
            }
        }
        java.time.Instant time = wire instanceof DesTimeReceipt t ? t.getSystemTime() : null;
        Receipt.TransactionStatusReport status = null;
        if (wire instanceof DesTransactionStatusReceipt s && s.getTransactionStatus() != null) {
            java.util.List<EvaluationResult> results = s.getEvaluationResults() == null ? java.util.List.of()
                    : ResultMapping.fromWire(s.getEvaluationResults());
            status = new Receipt.TransactionStatusReport(s.getTransactionIdentifier(),
                    org.itlgateway.core.transaction.TransactionStatus.fromCode(s.getTransactionStatus()),
                    s.getTransactionStatusDateTime(), results);
        }
        return new Receipt(wire.getResultIdentifier() == 1, codes, wire.getReason(), time, status);
    }
}
