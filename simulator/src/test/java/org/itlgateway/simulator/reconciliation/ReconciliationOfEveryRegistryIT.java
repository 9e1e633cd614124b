package org.itlgateway.simulator.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "All", for a reconciliation the ITL starts, is every registry of the network (a tester's own too) and the CITL; for
 * the CITL, every EU registry.
 */
class ReconciliationOfEveryRegistryIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static Server norway;
    private static final List<InboundMessage> RECEIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheNetworkWithATestersRegistry() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NO"));
        String address = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        Files.writeString(profiles.resolve("no.json"), """
                { "code": "NO", "name": "Norwegian registry under test", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Test holder" } ] }
                """.formatted(address));
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles));
        MessageSignatures signatures = new MessageSignatures(new SigningSettings(
                PkiFiles.readCredential(pki.resolve("NO.crt.pem"), pki.resolve("NO.key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl()))));
        norway = SoapEndpoints.publishRegistry(address, new RegistryEndpoint(message -> {
            RECEIVED.add(message);
            return Receipt.acceptedForProcessing();
        }, Clock.systemUTC()), signatures, InboundLimits.defaults(), (fingerprint, signer, keepUntil) -> true);
    }

    @AfterAll
    static void stop() {
        norway.destroy();
        network.close();
    }

    @Test
    void aScheduleSetThroughTheControlApiReconcilesEveryRegistryWhenItIsDue() {
        try (ControlApi control = ControlApi.start(network, "127.0.0.1", 0)) {
            OperatorClient api = new OperatorClient(control.address());
            Map<String, Integer> before = reconciliationsPerRegistry();

            OperatorClient.Answer set = api.put("/reconciliations/schedule", "{\"registry\": \"all\", \"every\": \"PT6H\"}");
            assertEquals(200, set.status(), set.text());
            assertEquals("PT6H", set.json().path("every").asText());
            network.advance(Duration.ofHours(5));
            assertEquals(before, reconciliationsPerRegistry(), "not due before six hours");
            network.advance(Duration.ofHours(1));

            Map<String, Integer> after = reconciliationsPerRegistry();
            for (String registry : before.keySet()) {
                assertEquals(before.get(registry) + 1, after.get(registry), registry + " was reconciled once more");
            }
            assertEquals("all", set.json().path("by").asText(), "every log's schedule: " + set.text());
            OperatorClient.Answer never = api.put("/reconciliations/schedule", "{\"registry\": \"all\", \"every\": \"PT0S\"}");
            assertEquals(400, never.status(), never.text());
            assertEquals("every", never.json().path("field").asText(), never.text());
        }
    }

    /** How many reconciliations each log ran of each registry and of the CITL, e.g. {@code "CITL of DE" -> 2}. */
    private static Map<String, Integer> reconciliationsPerRegistry() {
        Map<String, Integer> counts = new TreeMap<>();
        for (var log : network.reconciliations()) {
            for (var registry : network.profiles().registries()) {
                if (log.reconciles(registry.code())) {
                    counts.put(log.self() + " of " + registry.code(), log.ofParty(registry.code()).size());
                }
            }
        }
        counts.put("ITL of CITL", network.reconciliation().ofParty("CITL").size());
        assertEquals(Set.of("CITL of DE", "CITL of FR"), counts.keySet().stream().filter(k -> k.startsWith("CITL "))
                .collect(Collectors.toSet()), "the CITL reconciles the EU registries");
        return counts;
    }

    @Test
    void reconcilingAllStartsAReconciliationOfEveryRegistryATestersOwnIncludedAndOfTheCitl() {
        List<Long> started = network.reconciliation().initiateAll();
        network.settle();

        Set<String> reconciled = started.stream()
                .map(id -> network.reconciliation().find(id).orElseThrow().registry()).collect(Collectors.toSet());
        Set<String> parties = network.profiles().registries().stream().map(profile -> profile.code())
                .collect(Collectors.toSet());
        parties.add("CITL");
        assertEquals(parties, reconciled);
        assertTrue(reconciled.contains("NO"), "the tester's registry is reconciled too: " + reconciled);
        assertTrue(RECEIVED.stream().anyMatch(message -> message.contentIf(Wire.REGISTRY_INITIATE_RECONCILIATION).isPresent()),
                "the tester's registry was asked to fix its holdings");
    }
}
