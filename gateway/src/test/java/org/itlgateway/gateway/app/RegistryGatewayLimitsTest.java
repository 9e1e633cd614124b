package org.itlgateway.gateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.wire.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits and timeouts a registry gateway is given reach what they bound: two gateways side by side, one with the
 * defaults and one with lowered settings, over real HTTP on their own schemas; what the first takes the second refuses.
 */
class RegistryGatewayLimitsTest {

    private static final String TOKEN = "limits-test-token";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-14T09:31:00Z"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The lowered client timeout: the ITL's receipt must arrive whole within it. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
    private static final int OPERATOR_BODY_LIMIT = 1024;
    private static final int INBOUND_BYTES_LIMIT = 16 * 1024;
    /** The lowered life of a received message's timestamp. */
    private static final Duration TIMESTAMP_LIFE = Duration.ofMinutes(1);
    private static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:registry/acceptProposal";
    /**
     * An ITL whose receipts start at once and dribble in over five minutes: only the client's timeout ends a wait for
     * one, and the failure says how long it was.
     */
    private static WireMockServer itl;
    private static RegistryGateway standard;
    private static RegistryGateway lowered;
    private static String standardEndpoint;
    private static String loweredEndpoint;

    @BeforeAll
    static void startBothGateways() {
        itl = new WireMockServer(options().dynamicPort());
        itl.start();
        itl.stubFor(post(urlEqualTo("/itl")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">" + " ".repeat(6000))
                .withChunkedDribbleDelay(6000, 300_000)));
        standardEndpoint = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        loweredEndpoint = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        standard = RegistryGateway.start(settings(standardEndpoint, "nz_limits_standard", Duration.ofSeconds(10),
                TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)), CLOCK);
        lowered = RegistryGateway.start(settings(loweredEndpoint, "nz_limits_lowered", CLIENT_TIMEOUT,
                TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls, TIMESTAMP_LIFE, Duration.ofSeconds(10)))
                .withLimits(new RegistryGateway.Limits(InboundLimits.defaults().withMaxBytes(INBOUND_BYTES_LIMIT),
                        new JsonApiServer.Limits(OPERATOR_BODY_LIMIT, Duration.ofSeconds(10), 16)))
                .withStatusRecovery(new StatusRecovery(Duration.ofMinutes(1), Duration.ofMinutes(5))), CLOCK);
    }

    private static RegistryGateway.Settings settings(String endpoint, String schema, Duration clientTimeout,
                                                     TrustSettings trust) {
        return new RegistryGateway.Settings(RegistryCode.of("NZ"), endpoint, itl.baseUrl() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), trust),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(schema), "127.0.0.1", 0,
                clientTimeout, Duration.ofHours(24), false, List.of(), null, TOKEN);
    }

    @AfterAll
    static void stop() {
        lowered.close();
        standard.close();
        itl.stop();
    }

    @Test
    void aBodyOverTheLoweredOperatorLimitIsAnswered413WhereTheDefaultTakesIt() throws Exception {
        String padded = "{\"type\":120,\"identifier\":61,\"holder\":\"padded\"" + " ".repeat(2 * OPERATOR_BODY_LIMIT) + "}";

        HttpResponse<String> taken = openAccount(standard, padded);
        HttpResponse<String> refused = openAccount(lowered, padded);

        assertEquals(201, taken.statusCode(), taken.body());
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                refused.headers().toString());
        assertEquals(0L, TestDatabase.count("nz_limits_lowered", "select count(*) from accounts where identifier = 61"));
        assertEquals(201, openAccount(lowered, "{\"type\":120,\"identifier\":62,\"holder\":\"small\"}").statusCode(),
                "a body within the limit is taken");
    }

    @Test
    void aMessageOverTheLoweredInboundLimitIsRefused1012WhereTheDefaultTakesIt() throws Exception {
        byte[] signed = SignedEnvelopes.sign(proposalToNewZealand("CDM91",
                        ("<!--" + " padding".repeat(125) + "-->").repeat(INBOUND_BYTES_LIMIT / 1000)),
                TestPki.credential("ITL"), Instant.now()).getBytes(StandardCharsets.UTF_8);
        assertTrue(signed.length > INBOUND_BYTES_LIMIT, "the signed proposal is " + signed.length + " bytes");

        HttpResponse<String> taken = RawSoap.post(standardEndpoint, ACCEPT_PROPOSAL, signed);
        HttpResponse<String> refused = RawSoap.post(loweredEndpoint, ACCEPT_PROPOSAL, signed);

        assertEquals(200, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("resultIdentifier>1<"), taken.body());
        assertEquals(1012, RawSoap.refusalCode(refused.body()), refused.body());
        assertEquals(0L, TestDatabase.count("nz_limits_lowered",
                "select count(*) from inbox_message where message_key like 'CDM91%'"));
    }

    @Test
    void aTimestampOlderThanTheLoweredLifeIsRefused1009WhereTheDefaultTakesIt() throws Exception {
        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));

        HttpResponse<String> taken = RawSoap.post(standardEndpoint, ACCEPT_PROPOSAL, SignedEnvelopes.sign(
                proposalToNewZealand("CDM94", ""), TestPki.credential("ITL"), twoMinutesAgo).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = RawSoap.post(loweredEndpoint, ACCEPT_PROPOSAL, SignedEnvelopes.sign(
                proposalToNewZealand("CDM95", ""), TestPki.credential("ITL"), twoMinutesAgo).getBytes(StandardCharsets.UTF_8));

        assertTrue(taken.body().contains("resultIdentifier>1<"), taken.body());
        assertEquals(1009, RawSoap.refusalCode(refused.body()), refused.body());
    }

    @Test
    void theLoweredClientTimeoutIsTheOneTheOutboxWaitsForAReceipt() throws Exception {
        TestDatabase.transactor(lowered.stores().database()).inTransaction(connection -> Outbox.enqueue(connection,
                OutboundMessage.of("NZ", "ITL", Wire.LOG_ACCEPT_PROPOSAL, WireSamples.cdmIssuance("NZ93")),
                CLOCK.instant()));

        lowered.runOnce();

        String reason = TestDatabase.text("nz_limits_lowered",
                "select last_error from outbox_message where message_key like 'NZ93%'");
        assertTrue(reason.endsWith("the reply did not arrive whole within " + CLIENT_TIMEOUT.toMillis()
                + " ms of its headers"), reason);
    }

    @Test
    void theLoweredStatusRecoveryAsksTheItlOfAnIssuanceOpenForItsQuietTimeWhereTheDefaultWaitsAnHour()
            throws Exception {
        assertEquals(201, openAccount(lowered, "{\"type\":100,\"identifier\":7,\"holder\":\"party\"}").statusCode());
        HttpResponse<String> issued = send(lowered, "/transactions", "{\"kind\":\"ISSUANCE\","
                + "\"acquiringAccount\":\"NZ-100-7-0\",\"blocks\":[{\"originatingRegistry\":\"NZ\",\"start\":1,"
                + "\"end\":10,\"unitType\":\"AAU\",\"originalPeriod\":2}]}");
        assertTrue(issued.body().contains("RECORDED"), issued.statusCode() + " " + issued.body());
        lowered.runOnce();
        int asked = statusQueries();

        CLOCK.advance(Duration.ofMinutes(4));
        lowered.runOnce();
        assertEquals(asked, statusQueries(), "not asked before its quiet time of five minutes");
        CLOCK.advance(Duration.ofMinutes(2));
        lowered.runOnce();

        assertEquals(asked + 1, statusQueries(), "asked once it had been open five minutes");
    }

    /** How many times the ITL was asked for a transaction's status. */
    private static int statusQueries() {
        return itl.findAll(postRequestedFor(urlEqualTo("/itl"))
                .withRequestBody(containing("getTransactionStatus"))).size();
    }

    private static HttpResponse<String> openAccount(RegistryGateway gateway, String body)
            throws IOException, InterruptedException {
        return send(gateway, "/accounts", body);
    }

    private static HttpResponse<String> send(RegistryGateway gateway, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ITL's proposal of a transfer to New Zealand, unsigned, its body opening with {@code padding}. */
    private static byte[] proposalToNewZealand(String transactionId, String padding) {
        String body = ProposalEnvelopes.body("ITL", transactionId, "CDM")
                .replace("urn:itlgateway:des:1.0:transactionlog", "urn:itlgateway:des:1.0:registry")
                .replace("<des:to>ITL</des:to>", "<des:to>NZ</des:to>")
                .replace("<des:acquiringRegistryCode>CDM</des:acquiringRegistryCode>",
                        "<des:acquiringRegistryCode>NZ</des:acquiringRegistryCode>")
                .replace("<des:transactionType>1</des:transactionType>", "<des:transactionType>3</des:transactionType>")
                .replace("<soap:Body>", "<soap:Body>" + padding);
        return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  " + body
                + "\n</soap:Envelope>\n").getBytes(StandardCharsets.UTF_8);
    }
}
