package org.itlgateway.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's direct path beyond what the signed-message tests already show: what it does with anything but a
 * POSTed envelope, with a header block it does not understand, and what the steps around it are told.
 */
class SignedEnvelopeEndpointTest {

    private static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final RecordingReceiver RECEIVER = new RecordingReceiver();
    private static final List<String> REFUSALS = new CopyOnWriteArrayList<>();
    private static Server itl;
    private static String address;

    @BeforeAll
    static void publishTheTransactionLog() {
        address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        itl = RECEIVER.publishAsTheLog(address);
        SoapEndpoints.addSteps(itl, new ExchangeSteps() {
            @Override
            public void refused(String operation, int code) {
                REFUSALS.add(operation + " " + code);
            }
        });
    }

    @AfterAll
    static void stop() {
        itl.destroy();
    }

    @BeforeEach
    void forget() {
        RECEIVER.received().clear();
        REFUSALS.clear();
    }

    @Test
    void theWsdlIsStillServedOnAGet() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(address + "?wsdl")).GET());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("TransactionLogService") && response.body().contains("acceptProposal"),
                response.body());
    }

    @Test
    void anyOtherGetOrMethodIsAnswered405NamingPost() throws Exception {
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(address)).GET());
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(address))
                .PUT(HttpRequest.BodyPublishers.ofString("<x/>")));

        assertEquals(405, get.statusCode());
        assertEquals(405, put.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertTrue(RECEIVER.received().isEmpty());
    }

    @Test
    void aHeaderBlockThatMustBeUnderstoodAndIsNotIsRefusedWith1011Signed() throws Exception {
        String signed = SignedEnvelopes.sign(ProposalEnvelopes.proposal("CDM", "CDM3100001"), TestPki.credential("CDM"),
                Instant.now());
        // outside what the signature covers (Body and Timestamp), as a relay could add it
        String routed = signed.replaceFirst("(<(\\w+):Header[^>]*>)", "$1<r:route xmlns:r=\"urn:example:routing\" "
                + "$2:mustUnderstand=\"1\">ITL</r:route>");

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, routed.getBytes(StandardCharsets.UTF_8));

        assertEquals(1011, RawSoap.refusalCode(response.body()), response.body());
        assertTrue(response.body().contains("route must be understood"), response.body());
        assertTrue(response.body().contains("SignatureValue"), "the sender authenticated: the refusal is signed");
        assertTrue(RECEIVER.received().isEmpty());
    }

    @Test
    void theStepsAroundTheEndpointAreToldEachRefusalWithItsCodeAndTheOperationOnceKnown() throws Exception {
        String signed = SignedEnvelopes.sign(new String(ProposalEnvelopes.proposal("CDM", "CDM3100002"),
                StandardCharsets.UTF_8).replace("<des:unitType>5</des:unitType>", "<des:unitType>9</des:unitType>")
                .getBytes(StandardCharsets.UTF_8), TestPki.credential("CDM"), Instant.now());

        RawSoap.post(address, ACCEPT_PROPOSAL, ProposalEnvelopes.proposal("CDM", "CDM3100003"));
        RawSoap.post(address, ACCEPT_PROPOSAL, signed.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("unknown 1002", "acceptProposal 1011"), REFUSALS);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
