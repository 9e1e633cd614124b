package org.itlgateway.testkit.wiremock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import java.util.List;
import java.util.Map;

/**
 * What the ITL stub answers an authenticated request, read from a stub mapping's {@code transformerParameters}
 * (all optional): {@code resultIdentifier} (1 unless said), {@code responseCodes} and {@code reason} (a receipt 0's),
 * {@code transactionStatus} (getTransactionStatus: the status told, with the asked identifier and the stub's time),
 * and {@code refusal} ({@code {"responseCode": 1024, "reason": "..."}}: a signed refusal fault instead of a receipt).
 */
public record ReceiptContent(int resultIdentifier, List<Integer> responseCodes, String reason, Integer transactionStatus,
                             Refusal refusal) {

    /** A refusal fault's detail. */
    public record Refusal(int responseCode, String reason) {
    }

    public ReceiptContent {
        responseCodes = List.copyOf(responseCodes);
    }

    /** Receipt 1: accepted for processing. */
    public static ReceiptContent accepted() {
        return new ReceiptContent(1, List.of(), null, null, null);
    }

    /** The content a mapping's transformer parameters describe. */
    public static ReceiptContent of(Parameters parameters) {
        if (parameters == null) {
            return accepted();
        }
        int result = parameters.containsKey("resultIdentifier") ? parameters.getInt("resultIdentifier") : 1;
        List<Integer> codes = parameters.containsKey("responseCodes")
                ? parameters.getList("responseCodes").stream().map(code -> Integer.valueOf(code.toString())).toList()
                : List.of();
        String reason = parameters.containsKey("reason") ? parameters.getString("reason") : null;
        Integer status = parameters.containsKey("transactionStatus") ? parameters.getInt("transactionStatus") : null;
        Refusal refusal = null;
        if (parameters.get("refusal") instanceof Map<?, ?> detail) {
            refusal = new Refusal(Integer.parseInt(String.valueOf(detail.get("responseCode"))),
                    String.valueOf(detail.get("reason")));
        }
        return new ReceiptContent(result, codes, reason, status, refusal);
    }
}
