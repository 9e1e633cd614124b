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
            Request<?> request = RequestExamples.of(operation);
            String xml = PayloadCodec.marshal(request);
            assertEquals(expected[1], xml, operation + ": stored XML");
            assertEquals(expected[0], MessageKeys.keyOf(request, PayloadCodec.digestOf(xml)), operation + ": message key");
        }
    }

    @Test
    void aStoredRequestReadsBackAsTheSameRequest() throws IOException {
        Map<String, String[]> recorded = recorded();
        for (Operation operation : Operation.values()) {
            String stored = recorded.get(operation.name())[1];
            Request<?> request = PayloadCodec.unmarshal(operation, stored);
            assertEquals(operation, request.operation());
            assertEquals(RequestExamples.envelope(operation), request.envelope(), operation + ": header");
            assertEquals(stored, PayloadCodec.marshal(request), operation + ": written again");
            assertEquals(recorded.get(operation.name())[0], MessageKeys.keyOf(request, PayloadCodec.digestOf(stored)),
                    operation + ": message key");
        }
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
