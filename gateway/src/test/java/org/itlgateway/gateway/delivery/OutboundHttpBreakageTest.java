package org.itlgateway.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.ClientProxy;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.RefusalFault;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a peer whose HTTP breaks (a WireMock stand-in for the ITL): a reset connection, an empty reply,
 * a malformed chunk, random bytes, a body that dribbles in slower than the client's timeout, an HTML error page, an
 * unsigned receipt and a receipt signed by another node. Each attempt is no receipt, recorded with what broke; the
 * message stays pending on the retry schedule, and once the peer answers with the real ITL's signed receipt (WireMock
 * passes the request on to it) the message is delivered, once. On the real outbox, PostgreSQL and HTTP.
 */
class OutboundHttpBreakageTest {

    private static final Instant START = Instant.parse("2024-03-14T09:30:00Z");
    /** The client's timeout: connection, the reply's headers, and (since then) the reply's body. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final String UNSIGNED_RECEIPT = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><ns2:acceptProposalResponse xmlns=\"urn:itlgateway:des:1.0\" xmlns:ns2=\"urn:itlgateway:des:1.0:transactionlog\">"
            + "<resultIdentifier>1</resultIdentifier></ns2:acceptProposalResponse></soap:Body></soap:Envelope>";
    private static final String BROKEN = "broken";
    private static final String BROKEN_AGAIN = "broken again";
    private static final String HEALTHY = "healthy";
    private static final RecordingReceiver LOG = new RecordingReceiver();
    private static Server itl;
    private static Server impostor;
    private static String itlBase;
    private static String impostorBase;

    private final MutableClock clock = new MutableClock(START);
    private WireMockServer peer;
    private String schema;
    private Database database;
    private OutboxSender sender;

    @BeforeAll
    static void publishTheLogAndAnImpostor() {
        itlBase = "http://127.0.0.1:" + FreePorts.next();
        itl = LOG.publishAsTheLog(itlBase + "/itl");
        impostorBase = "http://127.0.0.1:" + FreePorts.next();
        impostor = SoapEndpoints.publishTransactionLog(impostorBase + "/itl",
                new TransactionLogEndpoint(message -> Receipt.acceptedForProcessing(), Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages());
        // The first answer of a JVM is slow (classes loaded, caches built): given here, not to an attempt under test.
        TransactionLogPortType warmUp = SoapClients.transactionLog(itlBase + "/itl", "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(60));
        try {
            assertEquals(1, warmUp.acceptProposal(WireSamples.proposalToLog("CDM", "ITL",
                    WireSamples.cdmIssuance("CDM3000000"))).getResultIdentifier());
        } catch (RefusalFault refused) {
            throw new IllegalStateException(refused);
        } finally {
            ClientProxy.getClient(warmUp).destroy();
        }
    }

    @AfterAll
    static void stopTheLogAndTheImpostor() {
        itl.destroy();
        impostor.destroy();
    }

    @BeforeEach
    void startTheOutboxAndThePeer() {
        peer = new WireMockServer(options().dynamicPort());
        peer.start();
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 2);
        Peers peers = code -> Optional.of(Peer.transactionLog("ITL", peer.baseUrl() + "/itl"));
        sender = new OutboxSender(TestDatabase.transactor(database), peers, TestPki.signatures(TestPki.credential("CDM")),
                RetrySchedule.standard(), clock, CLIENT_TIMEOUT);
    }

    @AfterEach
    void stop() {
        sender.close();
        peer.stop();
        database.close();
    }

    @Test
    void aConnectionResetByThePeerIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000001", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertTrue(reason.endsWith("SocketException: Connection reset"), reason);
    }

    @Test
    void anEmptyReplyIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000002", aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertTrue(reason.contains("IOException: HTTP/1.1 header parser received no bytes <- EOFException"), reason);
    }

    @Test
    void aMalformedChunkIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000003", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        // The JDK's HTTP client meets the broken chunk as the body is read, or, should the bytes come together with the
        // headers, while the reply is still awaited: the cause is the same.
        assertTrue(reason.startsWith("WebServiceException: the answer from ITL could not be read whole")
                || reason.startsWith("WebServiceException: could not send the message to ITL"), reason);
        assertTrue(reason.endsWith("IOException: Illegal character in chunk size: 108"), reason);
    }

    @Test
    void randomBytesThenACloseAreNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000004", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        assertTrue(reason.contains("IOException: parsing HTTP/1.1 status line"), reason);
    }

    @Test
    void aReceiptThatDribblesInSlowerThanTheClientsTimeoutIsNoReceiptAndHoldsNoThread() {
        // the real ITL's signed receipt, in 300 chunks over five minutes: each read returns, the whole never in time
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000005",
                aResponse().proxiedFrom(itlBase).withChunkedDribbleDelay(300, 300_000), 1);

        assertTrue(reason.endsWith("IOException: the reply did not arrive whole within " + CLIENT_TIMEOUT.toMillis()
                + " ms of its headers"), reason);
    }

    @Test
    void anHtmlErrorPageIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000006", aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Internal Server Error</body></html>"));

        assertTrue(reason.startsWith("WebServiceException: the answer from ITL is HTTP 500 of type text/html, not a SOAP"
                + " envelope"), reason);
        assertTrue(reason.contains("Internal Server Error"), reason);
    }

    @Test
    void anUnsignedReceiptIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000007", aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(UNSIGNED_RECEIPT));

        assertTrue(reason.contains("An error was discovered processing the <wsse:Security> header"), reason);
    }

    @Test
    void aReceiptSignedByAnotherNodeIsNoReceiptUntilThePeerAnswers() {
        String reason = deliveredAfterTwoBrokenAttempts("CDM3000008", aResponse().proxiedFrom(impostorBase));

        assertTrue(reason.endsWith("SecurityException: the answer from ITL is signed by JP"), reason);
    }

    /** The last cause a recorded reason names ("top <- cause <- innermost"). */
    private static String innermostCause(String reason) {
        int last = reason.lastIndexOf(" <- ");
        return last < 0 ? reason : reason.substring(last + " <- ".length());
    }

    /**
     * Sends a proposal to a peer that breaks as {@code broken} twice, then passes requests on to the real ITL; checks
     * that each broken attempt is no receipt, leaving the message pending on the standard schedule (10 s, then 30 s),
     * that the third attempt delivers it, and that nothing is sent after. Answers the reason recorded for the broken
     * attempts (the first; the second broke for the same innermost cause).
     */
    private String deliveredAfterTwoBrokenAttempts(String transaction, ResponseDefinitionBuilder broken) {
        return deliveredAfterTwoBrokenAttempts(transaction, broken, 0);
    }

    /** The same, when each broken attempt reached the ITL too ({@code copiesPerBrokenAttempt}: 1 for a dribbled receipt). */
    private String deliveredAfterTwoBrokenAttempts(String transaction, ResponseDefinitionBuilder broken, int copiesPerBrokenAttempt) {
        peer.stubFor(post(urlEqualTo("/itl")).inScenario(transaction).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(broken).willSetStateTo(BROKEN_AGAIN));
        peer.stubFor(post(urlEqualTo("/itl")).inScenario(transaction).whenScenarioStateIs(BROKEN_AGAIN)
                .willReturn(broken).willSetStateTo(HEALTHY));
        peer.stubFor(post(urlEqualTo("/itl")).inScenario(transaction).whenScenarioStateIs(HEALTHY)
                .willReturn(aResponse().proxiedFrom(itlBase)));
        TestDatabase.transactor(database).inTransaction(connection -> Outbox.enqueue(connection,
                OutboundMessage.of("CDM", "ITL", Wire.LOG_ACCEPT_PROPOSAL, WireSamples.cdmIssuance(transaction)),
                clock.instant()));
        long copiesBefore = copiesAtTheLog(transaction);

        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne(), BROKEN);
        String reason = pending(1, START.plusSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Optional.empty(), sender.deliverOne(), "nothing is due before the first retry delay");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne(), BROKEN_AGAIN);
        assertEquals(innermostCause(reason), innermostCause(pending(2, START.plusSeconds(40))),
                "the second attempt broke the same way");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.empty(), sender.deliverOne(), "the second retry waits 30 s");
        clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne(),
                () -> HEALTHY + ": " + TestDatabase.text(schema, "select last_error from outbox_message"));

        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DELIVERED'"
                + " and attempts = 3 and last_error is null and receipt_codes is null"));
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.empty(), sender.deliverOne(), "a delivered message is not sent again");
        assertEquals(3, peer.findAll(postRequestedFor(urlEqualTo("/itl"))).size(),
                "the peer saw the three attempts and no more");
        assertEquals(1 + 2 * copiesPerBrokenAttempt, copiesAtTheLog(transaction) - copiesBefore,
                "the ITL took the message in once from the healthy attempt (and from each broken one that reached it)");
        return reason;
    }

    /** The message is pending after {@code attempts} attempts, due at {@code next}, nothing delivered; its reason. */
    private String pending(int attempts, Instant next) {
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'PENDING'"
                + " and attempts = " + attempts + " and next_attempt_at = '" + next + "' and delivered_at is null"
                + " and receipt_codes is null and faults = 0 and claimed_by is null"),
                "pending after attempt " + attempts + ", due at " + next);
        return TestDatabase.text(schema, "select last_error from outbox_message");
    }

    private static long copiesAtTheLog(String transaction) {
        return LOG.received().stream()
                .filter(message -> transaction.equals(message.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier()))
                .count();
    }
}
