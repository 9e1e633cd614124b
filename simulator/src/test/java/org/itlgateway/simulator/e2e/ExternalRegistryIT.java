package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
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
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tester's own registry, added by code, address and certificate in a profile file, is routed to by the ITL
 * like any other: it receives the forwarded proposal, answers with its signed acceptance, and hears of the
 * completion. Its certificate comes from the network's CA kept in a directory (--pki-dir), issued offline with
 * the PKI tool, as the README's steps say.
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
        return new org.itlgateway.gateway.delivery.PostgresSeenMessages(
                new org.itlgateway.gateway.node.DatabaseTransactor(norwayStores.database()), Clock.systemUTC());
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

        InboundMessage forwarded = RECEIVED.stream().filter(m -> m.contentIf(Wire.REGISTRY_ACCEPT_PROPOSAL).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("the proposal did not reach the tester's registry"));
        assertEquals("ITL", forwarded.signer());
        assertEquals(id.toString(), forwarded.content(Wire.REGISTRY_ACCEPT_PROPOSAL).getTransactionIdentifier());

        TransactionLogPortType itl = SoapClients.transactionLog(network.addressOf("ITL"), "ITL", norwaySignatures,
                Duration.ofSeconds(10));
        try {
            DesTransactionNotification accepted = new DesTransactionNotification();
            accepted.setTransactionIdentifier(id.toString());
            accepted.setTransactionStatus(TransactionStatus.ACCEPTED.code());
            accepted.setStatusDateTime(Instant.parse("2016-09-02T09:05:00Z"));
            DesMessageHeader header = new DesMessageHeader();
            header.setFrom("NO");
            header.setTo("ITL");
            header.setMajorVersion(DesContract.MAJOR_VERSION);
            header.setMinorVersion(DesContract.MINOR_VERSION);
            assertEquals(1, itl.acceptNotification(header, accepted).getResultIdentifier());
        } finally {
            ((Closeable) itl).close();
        }
        network.settle();

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertTrue(RECEIVED.stream().anyMatch(m -> m.contentIf(Wire.REGISTRY_ACCEPT_NOTIFICATION)
                        .filter(n -> n.getTransactionIdentifier().equals(id.toString()) && n.getTransactionStatus() == 4)
                        .isPresent()),
                "the tester's registry heard of the completion, to credit the units");
    }
}
