package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itlgateway.gateway.delivery.MessageKeys;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.gateway.support.WireSamples;
import org.junit.jupiter.api.Test;

/**
 * The stored form of a request of each operation (the outbox's and the inbox's {@code payload_xml}) and its message
 * key, as recorded in {@code stored-requests.tsv}: rows a running system keeps are read back and compared with
 * new ones, so the XML written for the same message never changes.
 */
class StoredRequestsTest {

    @Test
    void everyOperationIsStoredAsBefore() throws IOException {
        Map<String, String[]> recorded = recorded();
        assertEquals(Operation.values().length, recorded.size());
        for (Operation operation : Operation.values()) {
            String[] expected = recorded.get(operation.name());
            String xml = PayloadCodec.marshal(PayloadCodec.wrap(operation, header(operation), content(operation)));
            assertEquals(expected[1], xml, operation + ": stored XML");
            assertEquals(expected[0], MessageKeys.keyOf(operation, content(operation), PayloadCodec.digestOf(xml)),
                    operation + ": message key");
        }
    }

    private static org.itlgateway.schemas.v1.types.DesMessageHeader header(Operation operation) {
        return operation.service() == Service.REGISTRY ? WireSamples.header("ITL", "CDM") : WireSamples.header("CDM", "ITL");
    }

    private static Object content(Operation operation) {
        return switch (operation) {
            case REGISTRY_ACCEPT_PROPOSAL, LOG_ACCEPT_PROPOSAL -> ContentExamples.proposal();
            case REGISTRY_ACCEPT_NOTIFICATION, LOG_ACCEPT_NOTIFICATION -> ContentExamples.notification();
            case REGISTRY_ACCEPT_ITL_NOTICE -> ContentExamples.notice();
            case REGISTRY_ACCEPT_MESSAGE, LOG_ACCEPT_MESSAGE -> ContentExamples.message();
            case REGISTRY_PROVIDE_TIME -> null;
            case REGISTRY_INITIATE_RECONCILIATION -> ContentExamples.snapshot();
            case REGISTRY_PROVIDE_TOTALS, LOG_PROVIDE_TOTALS -> ContentExamples.totalsRequest();
            case REGISTRY_PROVIDE_UNIT_BLOCKS, LOG_PROVIDE_UNIT_BLOCKS -> ContentExamples.unitBlocksRequest();
            case REGISTRY_PROVIDE_AUDIT_TRAIL, LOG_PROVIDE_AUDIT_TRAIL -> ContentExamples.auditTrailRequest();
            case REGISTRY_RECEIVE_RECONCILIATION_RESULT, LOG_RECEIVE_RECONCILIATION_RESULT -> ContentExamples.result();
            case LOG_GET_TRANSACTION_STATUS -> ContentExamples.transactionId();
            case LOG_RECEIVE_TOTALS -> ContentExamples.totals();
            case LOG_RECEIVE_UNIT_BLOCKS -> ContentExamples.unitBlocks();
            case LOG_RECEIVE_AUDIT_TRAIL -> ContentExamples.auditTrail();
        };
    }

    /** Operation name → {message key, stored XML}. */
    private static Map<String, String[]> recorded() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (InputStream in = StoredRequestsTest.class.getResourceAsStream("stored-requests.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t", 3);
                rows.put(fields[0], new String[] {fields[1], fields[2]});
            }
        }
        return rows;
    }
}
