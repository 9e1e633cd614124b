package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.evidence.ArchiveVerdict;
import org.itlgateway.gateway.evidence.ArchiveVerification;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.evidence.EvidenceRecord;
import org.itlgateway.gateway.evidence.StatusChangeText;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.TrustAsOf;
import org.itlgateway.gateway.security.VerifiedSignature;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry's evidence archive after a transaction went through the ITL: the proposal it sent, the notification
 * it received, as on the wire, and every status the transaction reached, in order, chained and intact; a unit of
 * work that is rolled back leaves neither its status nor its record.
 */
class EvidenceArchiveIT {

    private static Network network;
    private static ProposalOutcome issued;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withStart(Instant.parse("2014-03-03T09:00:00Z")));
        issued = network.registryNode("CDM").submit(
                () -> network.cdm().issue(IssuanceRequest.cers(1234, CommitmentPeriod.CP2, 10_000)));
        assertTrue(issued.isRecorded(), () -> issued.toString());
        network.settle();
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void theRegistrysArchiveHoldsWhatItSentAndReceivedAndEveryStatusInOrderAndVerifies() throws SQLException {
        NodeStores cdm = network.stores("CDM");
        Transaction transaction = cdm.database().call(() -> cdm.transactions().find(issued.transaction().id())).orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, transaction.status(), transaction.history().toString());

        List<EvidenceRecord> all = new ArrayList<>();
        try (Connection connection = cdm.database().dataSource().getConnection()) {
            ArchiveVerdict verdict = ArchiveVerification.verify(connection);
            assertTrue(verdict.intact(), verdict.summary());
            EvidenceArchive.readAll(connection, 100, all::add);
            assertEquals(all.size(), verdict.checked());
        }
        List<Long> sequences = all.stream().map(EvidenceRecord::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertEquals(i + 1, sequences.get(i), "no gap");
        }
        Set<EvidenceKind> kinds = all.stream().map(EvidenceRecord::kind).collect(Collectors.toSet());
        assertEquals(Set.of(EvidenceKind.values()), kinds, "messages sent and received, and status changes");

        String id = transaction.id().toString();
        List<EvidenceRecord> statuses = all.stream()
                .filter(record -> record.kind() == EvidenceKind.STATUS_CHANGE && id.equals(record.subject())).toList();
        List<StatusChange> history = transaction.history();
        assertEquals(history.size(), statuses.size(), "each status once: " + history);
        for (int i = 0; i < history.size(); i++) {
            assertArrayEquals(StatusChangeText.of(transaction.id(), i + 1, history.get(i)).getBytes(StandardCharsets.UTF_8),
                    statuses.get(i).content(), "status " + (i + 1));
        }
        for (EvidenceRecord record : all) {
            if (record.kind() != EvidenceKind.STATUS_CHANGE) {
                String xml = new String(record.content(), StandardCharsets.UTF_8);
                assertTrue(xml.contains("Signature"), "a message as signed on the wire: " + xml);
                assertTrue(record.peer() != null && record.operation() != null, record.toString());
            }
        }
        assertTrue(all.stream().anyMatch(record -> record.kind() == EvidenceKind.MESSAGE_SENT && "ITL".equals(record.peer())),
                "the proposal sent to the ITL");
        assertTrue(all.stream().anyMatch(record -> record.kind() == EvidenceKind.MESSAGE_RECEIVED && "ITL".equals(record.peer())),
                "the ITL's notification, signed by the ITL");
    }

    @Test
    void everyArchivedMessageAsItWasOnTheWireVerifiesByItsOwnSignatureAgainstTheNetworksCa() throws SQLException {
        NodeStores cdm = network.stores("CDM");
        List<EvidenceRecord> messages = new ArrayList<>();
        try (Connection connection = cdm.database().dataSource().getConnection()) {
            EvidenceArchive.readAll(connection, 100, record -> {
                if (record.kind() != EvidenceKind.STATUS_CHANGE) {
                    messages.add(record);
                }
            });
        }
        // the simulated network's certificates are issued on the real clock, its records kept on the simulated one:
        // the signatures are judged as of now
        Instant now = Instant.now();
        TrustAsOf trust = new TrustAsOf(network.ca().certificate(), List.of(network.ca().publishCrl(now, Duration.ofDays(1))));

        assertTrue(messages.size() >= 2, messages.toString());
        for (EvidenceRecord message : messages) {
            VerifiedSignature signature = trust.verifyEnvelope(message.content(), now);
            String signer = SignerIdentity.nodeCodeOf(signature.signer());
            assertEquals(message.kind() == EvidenceKind.MESSAGE_RECEIVED ? message.peer() : "CDM", signer,
                    "record " + message.sequence());
        }
    }

    @Test
    void aStatusSavedInAUnitOfWorkThatRollsBackLeavesNeitherTheStatusNorItsRecord() throws SQLException {
        NodeStores cdm = network.stores("CDM");
        Transaction transaction = cdm.database().call(() -> cdm.transactions().find(issued.transaction().id())).orElseThrow();
        List<StatusChange> changed = new ArrayList<>(transaction.history());
        changed.add(new StatusChange(TransactionStatus.CANCELLED, Instant.parse("2014-03-03T10:00:00Z"), List.of()));
        long before = lastSequence(cdm);

        assertThrows(IllegalStateException.class, () -> cdm.database().run(() -> {
            cdm.transactions().save(Transaction.restore(transaction.proposal(), changed));
            throw new IllegalStateException("the unit of work failed after the save");
        }));

        Transaction kept = cdm.database().call(() -> cdm.transactions().find(issued.transaction().id())).orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, kept.status());
        assertEquals(before, lastSequence(cdm));
        try (Connection connection = cdm.database().dataSource().getConnection()) {
            assertTrue(EvidenceArchive.about(connection, transaction.id().toString()).stream()
                    .noneMatch(record -> new String(record.content(), StandardCharsets.UTF_8).contains("CANCELLED")));
            assertTrue(ArchiveVerification.verify(connection).intact());
        }
    }

    private static long lastSequence(NodeStores stores) throws SQLException {
        try (Connection connection = stores.database().dataSource().getConnection()) {
            return EvidenceArchive.head(connection).lastSequence();
        }
    }
}
