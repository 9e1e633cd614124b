package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.simulator.support.Attempt;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.HandSignedEnvelopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network's meters at the control API's {@code GET /metrics}, in one registry with every node's meters tagged with
 * its node: after a transfer from the CDM registry to Japan completes and a proposal is refused at the ITL's door, the
 * messages each node received and sent, the refusal's code, the inboxes and outboxes, the transactions by status, the
 * connection pools and the JVM are there; and after the ITL reconciles Japan, the ITL's reconciliation and the phases
 * Japan answered.
 */
class NetworkMetricsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static ControlledNetwork controlled;
    private static TransactionId completed;
    private static Attempt.Answer refused;
    private static String metrics;

    @BeforeAll
    static void moveATransactionAndRefuseAProposal() throws Exception {
        controlled = ControlledNetwork.start();
        CdmActions cdm = new CdmActions(controlled.network());
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        completed = cdm.transfer(held, CdmActions.account("JP", 20045), 4321, 100, "2016-09-02T09:00:00Z");
        controlled.network().settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", completed).status());

        Instant now = Instant.now();
        Credential britain = controlled.network().ca().issueNodeCertificate("GB", KeyAlgorithm.EC_P256,
                now.minus(Duration.ofHours(1)), Duration.ofDays(2));
        String unsupportedVersion = new HandSignedEnvelopes.Proposal("GB", "ITL", "9", "0", "GB900001", "GB", "JP",
                HandSignedEnvelopes.block(900_000_001L, 900_000_010L)).envelope();
        refused = Attempt.of(HandSignedEnvelopes.sign(unsupportedVersion, HandSignedEnvelopes.Signing.by(britain)))
                .sendTo(controlled.network().addressOf("ITL"));
        assertTrue(refused.refused() && refused.code() > 0, "the ITL refuses a proposal of major version 9: " + refused);

        controlled.network().reconciliation().initiate(RegistryCode.of("JP"));
        controlled.network().settle();

        HttpResponse<String> answer = get(null);
        assertEquals(200, answer.statusCode(), answer.body());
        String type = answer.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        metrics = answer.body();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @Test
    void eachNodeCountsTheMessagesItReceivedAndSentByOperationAndOutcome() {
        assertTrue(value("itl_messages_received_total", "node=\"ITL\"", "operation=\"acceptProposal\"",
                "outcome=\"accepted\"") >= 1, metrics);
        assertTrue(value("itl_messages_received_total", "node=\"JP\"", "operation=\"acceptProposal\"",
                "outcome=\"accepted\"") >= 1, metrics);
        assertTrue(value("itl_messages_received_total", "node=\"CDM\"", "operation=\"acceptNotification\"",
                "outcome=\"accepted\"") >= 1, metrics);
        assertTrue(value("itl_messages_sent_total", "node=\"CDM\"", "operation=\"acceptProposal\"",
                "outcome=\"receipt\"") >= 1, metrics);
        assertTrue(value("itl_messages_sent_total", "node=\"ITL\"", "operation=\"acceptNotification\"",
                "outcome=\"receipt\"") >= 1, metrics);
        assertTrue(value("itl_inbound_handling_seconds_count", "node=\"ITL\"", "operation=\"acceptProposal\"",
                "outcome=\"accepted\"") >= 1, metrics);
        assertTrue(value("itl_outbound_round_trip_seconds_count", "node=\"CDM\"", "operation=\"acceptProposal\"",
                "outcome=\"receipt\"") >= 1, metrics);
        assertTrue(line("itl_outbound_round_trip_seconds_bucket", "node=\"CDM\"", "le=\"+Inf\"").isPresent(), metrics);
    }

    @Test
    void theRefusalAtTheItlsDoorIsCountedWithItsCode() {
        assertTrue(value("itl_refusals_total", "node=\"ITL\"", "code=\"" + refused.code() + "\"") >= 1, metrics);
        assertTrue(value("itl_messages_received_total", "node=\"ITL\"", "operation=\"acceptProposal\"",
                "outcome=\"refused_message\"") >= 1, metrics);
    }

    @Test
    void theInboxesOutboxesAndTransactionsOfEachNodeAreGauges() {
        for (String node : List.of("ITL", "CDM", "JP")) {
            String tag = "node=\"" + node + "\"";
            assertEquals(0, value("itl_inbox_waiting", tag), metrics);
            assertEquals(0, value("itl_outbox_waiting", tag), metrics);
            assertTrue(line("itl_inbox_oldest_age_seconds", tag).isPresent(), metrics);
            assertTrue(line("itl_outbox_oldest_age_seconds", tag).isPresent(), metrics);
            assertTrue(line("itl_dead_letters", tag, "box=\"inbox\"").isPresent(), metrics);
            assertTrue(value("itl_transactions", tag, "status=\"completed\"") >= 1, node + " " + metrics);
        }
    }

    @Test
    void theItlTimesItsReconciliationOfJapanAndJapanCountsThePhasesItAnswered() {
        assertTrue(value("itl_reconciliations_seconds_count", "node=\"ITL\"") >= 1, metrics);
        assertTrue(value("itl_reconciliation_phases_answered_total", "node=\"JP\"", "phase=\"totals\"") >= 1, metrics);
        assertTrue(value("itl_messages_received_total", "node=\"JP\"", "operation=\"initiateReconciliation\"") >= 1,
                metrics);
    }

    @Test
    void theConnectionPoolsAndTheJvmHaveTheirMeters() {
        assertTrue(line("hikaricp_connections_max", "node=\"ITL\"").isPresent(), metrics);
        assertTrue(line("hikaricp_connections_max", "node=\"CDM\"").isPresent(), metrics);
        assertTrue(line("jvm_memory_used_bytes").isPresent(), metrics);
        assertTrue(line("jvm_gc_").isPresent() || line("jvm_threads_live_threads").isPresent(), metrics);
        assertTrue(line("jvm_classes_loaded_classes").isPresent(), metrics);
        assertTrue(line("system_cpu_count").isPresent(), metrics);
    }

    @Test
    void openMetricsIsAnsweredToAScrapeThatAsksForIt() throws Exception {
        HttpResponse<String> answer = get("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                answer.headers().toString());
        assertTrue(answer.body().strip().endsWith("# EOF"), answer.body());
    }

    private static HttpResponse<String> get(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controlled.controlAddress() + "/metrics"))
                .timeout(Duration.ofSeconds(60));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The line of the meter {@code name} with every label given. */
    private static Optional<String> line(String name, String... labels) {
        return metrics.lines().filter(line -> line.startsWith(name) && !line.startsWith("#"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains)).findFirst();
    }

    /** The value of that line; fails when there is none. */
    private static double value(String name, String... labels) {
        String found = line(name, labels).orElseThrow(() -> new AssertionError(name + " " + List.of(labels)
                + " is not among the meters:\n" + metrics));
        return Double.parseDouble(found.substring(found.lastIndexOf(' ') + 1));
    }
}
