package org.itlgateway.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenMessagesTest {

    private static DesSchema schema;

    @BeforeAll
    static void compileContract() {
        schema = DesSchema.load();
    }

    static Stream<Path> goldenMessages() throws IOException {
        return Samples.under("golden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenMessages")
    void everyGoldenMessageValidatesAgainstTheContract(Path message) throws IOException {
        List<SchemaViolation> violations = ValidateMessage.validateFile(schema, message);
        assertTrue(violations.isEmpty(), () -> message.getFileName() + " breaks the schema: " + violations);
    }

    @Test
    void everyOperationOfBothServicesHasAGoldenRequest() throws IOException, URISyntaxException {
        assertEveryOperationHasASample(DesContract.REGISTRY_WSDL, "golden/registry");
        assertEveryOperationHasASample(DesContract.TRANSACTION_LOG_WSDL, "golden/transaction-log");
    }

    @Test
    void theGoldenProposalsIncludeACdmIssuanceAForwardingWithShareOfProceedsAndAVoluntaryCancellation() throws IOException {
        List<String> names = Samples.under("golden/transaction-log").map(p -> p.getFileName().toString()).toList();
        assertTrue(names.contains("acceptProposal-cdm-issuance.xml"));
        assertTrue(names.contains("acceptProposal-cdm-share-of-proceeds.xml"));
        assertTrue(names.contains("acceptProposal-cdm-forwarding-to-jp.xml"));
        assertTrue(names.contains("acceptProposal-cdm-voluntary-cancellation.xml"));
    }

    private static void assertEveryOperationHasASample(String wsdl, String folder) throws IOException {
        List<String> operations = WsdlOperations.of(wsdl);
        assertFalse(operations.isEmpty(), wsdl + " lists no operations");
        List<String> samples = Samples.under(folder).map(p -> p.getFileName().toString()).toList();
        for (String operation : operations) {
            assertTrue(samples.stream().anyMatch(s -> s.equals(operation + ".xml") || s.startsWith(operation + "-")),
                    () -> "no golden request for " + operation + " in " + folder);
        }
    }

    @Test
    void registryServiceOffersTheOperationsTheItlCalls() {
        assertEquals(List.of("acceptProposal", "acceptNotification", "acceptITLNotice", "acceptMessage", "provideTime",
                        "initiateReconciliation", "provideTotals", "provideUnitBlocks", "provideAuditTrail",
                        "receiveReconciliationResult"),
                WsdlOperations.of(DesContract.REGISTRY_WSDL));
    }

    @Test
    void transactionLogServiceOffersTheOperationsRegistriesCall() {
        assertEquals(List.of("acceptProposal", "acceptNotification", "getTransactionStatus", "acceptMessage",
                        "provideTotals", "provideUnitBlocks", "provideAuditTrail", "receiveTotals", "receiveUnitBlocks",
                        "receiveAuditTrail", "receiveReconciliationResult", "acceptEvidenceCheckpoint"),
                WsdlOperations.of(DesContract.TRANSACTION_LOG_WSDL));
    }
}
