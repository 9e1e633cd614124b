package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits a network is given reach its nodes: a registry's operator API answers a body over its lowered limit
 * 413, and the ITL refuses a message over its lowered inbound limit 1012 where a smaller one gets past the limit.
 */
class NodeSettingsIT {

    private static final int OPERATOR_BODY_LIMIT = 1024;
    private static final int INBOUND_BYTES_LIMIT = 2048;
    private static final int POOL_SIZE = 3;
    private static final Pattern RESPONSE_CODE = Pattern.compile("<(?:\\w+:)?responseCode>(\\d+)</");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Network network;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withNodes(new NodeSettings(RetrySchedule.standard(),
                new RegistryGateway.Limits(InboundLimits.defaults().withMaxBytes(INBOUND_BYTES_LIMIT),
                        new JsonApiServer.Limits(OPERATOR_BODY_LIMIT, Duration.ofSeconds(10), 16)),
                StatusRecovery.standard(), TrustSettings.DEFAULT_TIMESTAMP_LIFE, TrustSettings.DEFAULT_CLOCK_SKEW,
                POOL_SIZE, 3, Duration.ofHours(1))));
    }

    @Test
    void everyNodeKeepsThePoolItIsGiven() {
        for (String node : List.of("ITL", "CITL", "CDM", "JP")) {
            assertEquals(POOL_SIZE, network.stores(node).database().settings().poolSize(), node);
        }
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void aRegistrysOperatorApiAnswersABodyOverItsLoweredLimit413() {
        OperatorClient cdm = new OperatorClient(network.operatorAddressOf("CDM").orElseThrow());

        OperatorClient.Answer padded = cdm.post("/accounts",
                "{\"type\":120,\"identifier\":61,\"holder\":\"padded\"" + " ".repeat(2 * OPERATOR_BODY_LIMIT) + "}");
        OperatorClient.Answer small = cdm.post("/accounts", "{\"type\":120,\"identifier\":62,\"holder\":\"small\"}");

        assertEquals(413, padded.status(), padded.toString());
        assertNotEquals(413, small.status(), small.toString());
    }

    @Test
    void theItlRefusesAMessageOverItsLoweredInboundLimit1012AndTakesASmallerOnePastIt() throws Exception {
        String small = unsignedProposal("");
        String large = unsignedProposal("<!--" + "x".repeat(2 * INBOUND_BYTES_LIMIT) + "-->");
        assertTrue(small.length() < INBOUND_BYTES_LIMIT, small.length() + " bytes");

        assertEquals(1012, refusalCode(large), "over the limit");
        assertEquals(1002, refusalCode(small), "within the limit, refused only as unsigned");
    }

    private static String unsignedProposal(String padding) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + padding
                + "<svc:acceptProposal xmlns:svc=\"urn:itlgateway:des:1.0:transactionlog\" "
                + "xmlns:des=\"urn:itlgateway:des:1.0\"><des:from>CDM</des:from><des:to>ITL</des:to>"
                + "<des:majorVersion>1</des:majorVersion><des:minorVersion>0</des:minorVersion></svc:acceptProposal>"
                + "</soap:Body></soap:Envelope>";
    }

    private static int refusalCode(String envelope) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(network.addressOf("ITL")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "urn:itlgateway:des:1.0:transactionlog/acceptProposal")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = RESPONSE_CODE.matcher(answer.body());
        assertTrue(code.find(), answer.body());
        return Integer.parseInt(code.group(1));
    }
}
