package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.Attempt;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.HandSignedEnvelopes;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tester's own registry, added by code, address and certificate in a profile file, is routed to by the ITL
 * like any other: it receives the forwarded proposal, answers with its signed acceptance, and hears of the
 * completion. Its certificate comes from the network's CA kept in a directory (--pki-dir), issued offline with
 * the PKI tool, as the README's steps say. A registry that speaks DES 1.1 as registries did in production is
 * understood.
 */
class ExternalRegistryIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static Server norway;
    private static org.itlgateway.gateway.node.NodeStores norwayStores;
    private static final List<InboundMessage> RECEIVED = new CopyOnWriteArrayList<>();
    private static MessageSignatures norwaySignatures;
    private static Credential norwayCredential;

    @BeforeAll
    static void startTheNetworkAndTheTestersRegistry() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NO"));
        int port = FreePorts.next();
        String address = "http://127.0.0.1:" + port + "/registry";
        Files.writeString(profiles.resolve("no.json"), """
                { "code": "NO", "name": "Norwegian registry under test", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Test holder" } ] }
                """.formatted(address));
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles));

        Credential credential = PkiFiles.readCredential(pki.resolve("NO.crt.pem"), pki.resolve("NO.key.pem"));
        norwayCredential = credential;
        CertificateAuthority ca = network.ca();
        norwaySignatures = new MessageSignatures(new SigningSettings(credential,
                TrustSettings.of(ca.certificate(), () -> List.of(network.currentCrl()))));
        norway = SoapEndpoints.publishRegistry(address, new RegistryEndpoint(message -> {
            RECEIVED.add(message);
            return Receipt.acceptedForProcessing();
        }, Clock.systemUTC()), norwaySignatures, InboundLimits.defaults(), norwaysReplayStore());
    }

    /** The tester's registry keeps what it has seen in a schema of its own on the network's server. */
    private static org.itlgateway.gateway.security.SeenMessages norwaysReplayStore() {
        norwayStores = org.itlgateway.gateway.node.NodeStores.open(network.databaseServer(), "norway_under_test");
        return new org.itlgateway.gateway.delivery.PostgresSeenMessages(norwayStores.database().dataSource(),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        norway.destroy();
        norwayStores.close();
        network.close();
    }

    @Test
    void theItlForwardsATransferToTheTestersRegistryAndCompletesItOnItsSignedAcceptance() throws Exception {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("NO", 77), 4321, 100, "2016-09-02T09:00:00Z");
        network.settle();

        InboundMessage forwarded = forwardedToNorway(id);
        assertEquals("ITL", forwarded.signer());
        assertEquals(id.toString(), forwarded.content(Wire.REGISTRY_ACCEPT_PROPOSAL).getTransactionIdentifier());

        acceptAsNorway(id);
        network.settle();

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertTrue(norwayHeardOfTheCompletionOf(id.toString()), "the tester's registry heard of the completion, to credit the units");
    }

    /**
     * A registry speaking DES 1.1 as the UK's did in production: header version 1.1, and no supplementary
     * transaction type for a Kyoto transaction type. Its hand-written, signed proposal is taken, checked, forwarded to
     * Japan and completed, and the registry hears of the completion.
     */
    @Test
    void aDes11ProposalThatOmitsTheSupplementaryTypeAsTheUkRegistryDidIsProcessedToCompletion() throws Exception {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId toNorway = cdm.transfer(held, CdmActions.account("NO", 77), 4321, 30, "2016-09-02T09:00:00Z");
        network.settle();
        forwardedToNorway(toNorway);
        acceptAsNorway(toNorway);
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", toNorway).status());
        UnitBlock received = cdm.at("ITL", toNorway).proposal().blocks().get(0);
        assertEquals(UnitAttributes.cer(4321, CommitmentPeriod.CP2), received.attributes());

        AccountRef japan = CdmActions.account("JP", 20045);
        long japanBefore = cdm.heldBy("ITL", japan);
        String id = "NO900001";
        String des11 = new HandSignedEnvelopes.Proposal("NO", "ITL", "1", "1", id, "NO", "JP",
                HandSignedEnvelopes.block(received.start(), received.start() + 9)).envelope()
                .replace("<des:suppTransactionType>0</des:suppTransactionType>", "");
        assertFalse(des11.contains("suppTransactionType"), "the proposal names no supplementary type");
        Attempt.Answer answer = Attempt.of(HandSignedEnvelopes.sign(des11, HandSignedEnvelopes.Signing.by(norwayCredential)))
                .sendTo(network.addressOf("ITL"));
        assertTrue(answer.receipted(), "the ITL receipts the DES 1.1 proposal: " + answer);
        network.settle();
        assertTrue(norwayHeardOf(id, TransactionStatus.ACCEPTED), "the ITL tells the registry that Japan accepted");

        notifyAsNorway(TransactionId.parse(id), TransactionStatus.COMPLETED);
        network.settle();
        Transaction atItl = cdm.at("ITL", TransactionId.parse(id));
        assertEquals(TransactionStatus.COMPLETED, atItl.status(), () -> "at the ITL: " + atItl.history());
        assertEquals(0, atItl.proposal().supplementaryType());
        assertEquals(japanBefore + 10, cdm.heldBy("ITL", japan));
    }

    private static InboundMessage forwardedToNorway(TransactionId id) {
        return RECEIVED.stream().filter(m -> m.contentIf(Wire.REGISTRY_ACCEPT_PROPOSAL)
                        .filter(p -> p.getTransactionIdentifier().equals(id.toString())).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("the proposal " + id + " did not reach the tester's registry"));
    }

    private static boolean norwayHeardOfTheCompletionOf(String id) {
        return norwayHeardOf(id, TransactionStatus.COMPLETED);
    }

    private static boolean norwayHeardOf(String id, TransactionStatus status) {
        return RECEIVED.stream().anyMatch(m -> m.contentIf(Wire.REGISTRY_ACCEPT_NOTIFICATION)
                .filter(n -> n.getTransactionIdentifier().equals(id) && n.getTransactionStatus() == status.code())
                .isPresent());
    }

    /** The tester's registry accepts the forwarded proposal: its signed acceptNotification to the ITL. */
    private static void acceptAsNorway(TransactionId id) throws IOException {
        notifyAsNorway(id, TransactionStatus.ACCEPTED);
    }

    /** The tester's registry's signed acceptNotification of {@code status} to the ITL. */
    private static void notifyAsNorway(TransactionId id, TransactionStatus status) throws IOException {
        TransactionLogPortType itl = SoapClients.transactionLog(network.addressOf("ITL"), "ITL", norwaySignatures,
                Duration.ofSeconds(10));
        try {
            DesTransactionNotification accepted = new DesTransactionNotification();
            accepted.setTransactionIdentifier(id.toString());
            accepted.setTransactionStatus(status.code());
            accepted.setStatusDateTime(Instant.parse("2016-09-02T09:05:00Z"));
            Envelope header = new Envelope("NO", "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION);
            assertEquals(1, itl.acceptNotification(Wire.LOG_ACCEPT_NOTIFICATION.element(header, accepted)).getResultIdentifier());
        } catch (org.itlgateway.schemas.v1.transactionlog.RefusalFault e) {
            throw new AssertionError("the ITL refused the acceptance: " + e.getMessage(), e);
        } finally {
            ((Closeable) itl).close();
        }
    }
}
