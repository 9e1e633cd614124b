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

    public static DesReceipt toWire(Receipt receipt) {
        if (receipt.currentTime() != null) {
            return toWireTime(receipt);
        }
        if (receipt.status() != null) {
            return toWireStatus(receipt);
        }
        DesReceipt wire = new DesReceipt();
        fill(wire, receipt);
        return wire;
    }

    /** The time receipt of provideTime (its declared type). */
    public static DesTimeReceipt toWireTime(Receipt receipt) {
        DesTimeReceipt time = new DesTimeReceipt();
        time.setSystemTime(receipt.currentTime());
        fill(time, receipt);
        return time;
    }

    /** The status receipt of getTransactionStatus (its declared type). */
    public static DesTransactionStatusReceipt toWireStatus(Receipt receipt) {
        DesTransactionStatusReceipt status = new DesTransactionStatusReceipt();
        if (receipt.status() != null) {
            status.setTransactionIdentifier(receipt.status().transactionId());
            status.setTransactionStatus(receipt.status().status().code());
            status.setTransactionStatusDateTime(receipt.status().since());
            if (!receipt.status().results().isEmpty()) {
                status.setEvaluationResults(ResultMapping.toWire(receipt.status().results()));
            }
        }
        fill(status, receipt);
        return status;
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
