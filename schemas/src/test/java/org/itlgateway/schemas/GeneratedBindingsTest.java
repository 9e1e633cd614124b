package org.itlgateway.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.itlgateway.schemas.v1.registry.AcceptITLNotice;
import org.itlgateway.schemas.v1.transactionlog.AcceptProposal;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesUnitBlock;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The Java generated from the contract reads the golden messages field for field. */
class GeneratedBindingsTest {

    @Test
    void theIssuanceProposalReadsIntoTheGeneratedWireTypes() throws Exception {
        AcceptProposal request = read("golden/transaction-log/acceptProposal-cdm-issuance.xml", AcceptProposal.class);

        assertEquals("CDM", request.getFrom());
        assertEquals("ITL", request.getTo());
        assertEquals(1, request.getMajorVersion());
        DesProposal proposal = request.getProposedTransaction();
        assertEquals("CDM1000001", proposal.getTransactionIdentifier());
        assertEquals(1, proposal.getTransactionType());
        assertEquals(Integer.valueOf(110), proposal.getAcquiringRegistryAccountType());
        assertNull(proposal.getTransferringRegistryAccountType());
        assertEquals(Instant.parse("2024-03-14T09:30:00Z"), proposal.getProposalDateTime());
        DesUnitBlock block = proposal.getProposalUnitBlocks().getUnitBlock().get(0);
        assertEquals(1_000_001L, block.getUnitSerialBlockStart());
        assertEquals(1_010_000L, block.getUnitSerialBlockEnd());
        assertEquals(5, block.getUnitType());
        assertEquals(Integer.valueOf(1234), block.getProjectIdentifier());
    }

    @Test
    void aNoticeDueDateReadsAsACalendarDate() throws Exception {
        AcceptITLNotice request = read("golden/registry/acceptITLNotice.xml", AcceptITLNotice.class);

        assertEquals(6, request.getNotificationType());
        assertEquals(LocalDate.of(2024, 4, 30), request.getTargetDate());
        assertEquals(Long.valueOf(1500L), request.getTargetValue());
    }

    @Test
    void serialNumbersAreSixtyFourBit() throws Exception {
        String sample = Samples.read("golden/transaction-log/acceptProposal-cdm-issuance.xml")
                .replace("<des:unitSerialBlockEnd>1010000<", "<des:unitSerialBlockEnd>9000000000000000000<");
        java.nio.file.Path file = Files.createTempFile("big-serial", ".xml");
        try {
            Files.writeString(file, sample);
            assertEquals(java.util.List.of(), ValidateMessage.validateFile(DesSchema.load(), file));
            AcceptProposal request = unmarshal(file, AcceptProposal.class);
            assertEquals(9_000_000_000_000_000_000L, request.getProposedTransaction().getProposalUnitBlocks().getUnitBlock().get(0).getUnitSerialBlockEnd());
        } finally {
            Files.delete(file);
        }
    }

    private static <T> T read(String resource, Class<T> type) throws Exception {
        return unmarshal(Samples.path(resource), type);
    }

    private static <T> T unmarshal(java.nio.file.Path file, Class<T> type) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Element payload = SoapPayload.of(DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().parse(in).getDocumentElement());
            return JAXBContext.newInstance(type).createUnmarshaller().unmarshal(payload, type).getValue();
        } catch (JAXBException e) {
            throw new AssertionError(e);
        }
    }
}
