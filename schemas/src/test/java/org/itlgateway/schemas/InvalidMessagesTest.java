package org.itlgateway.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidMessagesTest {

    private static DesSchema schema;

    @BeforeAll
    static void compileContract() {
        schema = DesSchema.load();
    }

    /** Each invalid sample, with words its refusal must contain so that a reader can tell what is wrong. */
    static Stream<Arguments> invalidSamples() {
        return Stream.of(
                Arguments.of("unknown-unit-type.xml", "'9'", "unitType"),
                Arguments.of("unknown-account-type.xml", "'150'", "acquiringRegistryAccountType"),
                Arguments.of("unknown-transaction-type.xml", "'9'", "transactionType"),
                Arguments.of("unknown-transaction-status.xml", "'11'", "transactionStatus"),
                Arguments.of("malformed-registry-code.xml", "'Japan'", "acquiringRegistryCode"),
                Arguments.of("malformed-transaction-identifier.xml", "'TX-42'", "transactionIdentifier"),
                Arguments.of("missing-header.xml", "from", "proposedTransaction"),
                Arguments.of("missing-block-end.xml", "unitSerialBlockEnd", "originatingRegistryCode"),
                Arguments.of("negative-serial.xml", "'-5'", "unitSerialBlockStart"),
                Arguments.of("no-unit-blocks.xml", "unitBlock", "proposalUnitBlocks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void everyInvalidSampleFailsWithAReasonNamingWhatIsWrong(String file, String offendingValue, String element) throws IOException {
        List<SchemaViolation> violations = ValidateMessage.validateFile(schema, Samples.path("invalid/" + file));
        assertFalse(violations.isEmpty(), file + " passed validation");
        String reasons = violations.stream().map(SchemaViolation::message).collect(Collectors.joining(" | "));
        assertTrue(reasons.contains(offendingValue), () -> file + ": the reason does not name " + offendingValue + ": " + reasons);
        assertTrue(reasons.contains(element), () -> file + ": the reason does not name " + element + ": " + reasons);
    }

    @Test
    void everyInvalidSampleIsCovered() throws IOException {
        List<String> files = Samples.under("invalid").map(p -> p.getFileName().toString()).sorted().toList();
        List<String> covered = invalidSamples().map(a -> (String) a.get()[0]).sorted().toList();
        assertEquals(files, covered);
    }

    @Test
    void aProposalOfExactly3000BlocksIsValid() throws IOException {
        assertEquals(List.of(), schema.validate(proposalWithBlocks(DesContract.MAX_BLOCKS_PER_PROPOSAL)));
    }

    @Test
    void aProposalOf3001BlocksIsRefusedForTooManyBlocks() throws IOException {
        List<SchemaViolation> violations = schema.validate(proposalWithBlocks(DesContract.MAX_BLOCKS_PER_PROPOSAL + 1));
        assertEquals(1, violations.size(), () -> violations.toString());
        String reason = violations.get(0).message();
        assertTrue(reason.contains("unitBlock"), reason);
        assertTrue(reason.contains("cvc-complex-type.2.4"), reason);
        assertTrue(violations.get(0).line() > 0, "a streamed message's refusal carries its line");
    }

    @Test
    void aFileThatIsNotXmlIsReportedAsNotWellFormed() throws IOException {
        Path notXml = Files.createTempFile("not-xml", ".xml");
        try {
            Files.writeString(notXml, "acceptProposal CDM1000001");
            List<SchemaViolation> violations = ValidateMessage.validateFile(schema, notXml);
            assertEquals(1, violations.size());
            assertTrue(violations.get(0).message().startsWith("not well-formed XML"), violations.get(0).message());
        } finally {
            Files.delete(notXml);
        }
    }

    @Test
    void aMessageWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() throws IOException {
        Path hostile = Files.createTempFile("xxe", ".xml");
        try {
            Files.writeString(hostile, """
                    <?xml version="1.0"?>
                    <!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                    <x>&secret;</x>
                    """);
            List<SchemaViolation> violations = ValidateMessage.validateFile(schema, hostile);
            assertEquals(1, violations.size());
            assertTrue(violations.get(0).message().contains("DOCTYPE"), violations.get(0).message());
        } finally {
            Files.delete(hostile);
        }
    }

    /** The issuance sample's payload with its one block repeated {@code count} times, as a stream with lines. */
    private static StreamSource proposalWithBlocks(int count) throws IOException {
        String sample = Samples.read("golden/transaction-log/acceptProposal-cdm-issuance.xml");
        String payload = sample.substring(sample.indexOf("<svc:acceptProposal>"), sample.indexOf("</soap:Body>"))
                .replace("<svc:acceptProposal>", "<svc:acceptProposal xmlns:svc=\"" + DesContract.TRANSACTION_LOG_NAMESPACE
                        + "\" xmlns:des=\"" + DesContract.TYPES_NAMESPACE + "\">");
        int from = payload.indexOf("<des:unitBlock>");
        int to = payload.indexOf("</des:unitBlock>") + "</des:unitBlock>".length();
        String block = payload.substring(from, to);
        StringBuilder blocks = new StringBuilder();
        for (long i = 0; i < count; i++) {
            long start = 1_000_001 + i * 10;
            blocks.append(block.replace("1000001", Long.toString(start)).replace("1010000", Long.toString(start + 9))).append('\n');
        }
        return new StreamSource(new StringReader(payload.substring(0, from) + blocks + payload.substring(to)));
    }
}
