package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itlgateway.gateway.delivery.MessageKeys;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Operation;
import org.junit.jupiter.api.Test;

/**
 * The stored form of a request of each operation (the outbox's and the inbox's {@code payload_xml}) and its message
 * key, as recorded in {@code stored-requests.tsv}: rows a running system keeps are read back and compared with
 * new ones, so the XML written for the same message never changes unnoticed. A change of the contract that changes it
 * comes with a migration of the stored rows (db/gateway, tested by StoredRequestsMigrationTest) and rewrites the
 * record: {@code mvn -pl gateway -am test -Dtest=StoredRequestsTest -Dstored-requests.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StoredRequestsTest {

    @Test
    void everyOperationIsStoredAsBefore() throws IOException {
        if (Boolean.getBoolean("stored-requests.write")) {
            rewrite();
        }
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

    /** Writes the record again from the requests of today's contract, into the sources. */
    private static void rewrite() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Operation operation : Operation.values()) {
            Request<?> request = RequestExamples.of(operation);
            String xml = PayloadCodec.marshal(request);
            rows.append(operation.name()).append('\t').append(MessageKeys.keyOf(request, PayloadCodec.digestOf(xml)))
                    .append('\t').append(xml).append('\n');
        }
        Path source = Path.of("src/test/resources/org/itlgateway/gateway/wire/stored-requests.tsv");
        Files.writeString(source, rows.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target/test-classes/org/itlgateway/gateway/wire/stored-requests.tsv"), rows.toString(),
                StandardCharsets.UTF_8);
    }

    /** Operation name → {message key, stored XML}. */
    static Map<String, String[]> recorded() throws IOException {
        return recorded("stored-requests.tsv");
    }

    /** Operation name → {message key, stored XML}, from a record of this package's test resources. */
    static Map<String, String[]> recorded(String name) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (InputStream in = StoredRequestsTest.class.getResourceAsStream(name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t", 3);
                rows.put(fields[0], new String[] {fields[1], fields[2]});
            }
        }
        return rows;
    }
}
