package org.itlgateway.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.ReferenceData;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * This project's registry gateway, run on its own as {@code ./itl-registry} runs it, passes the conformance plan:
 * a national registry (New Zealand) and the CDM registry, both outside the simulator, each driven through its
 * operator API while the network and the gateways run in the background, unattended.
 */
class OwnGatewayConformanceIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;
    @TempDir
    static Path reports;

    private static Network network;
    private static RegistryGateway newZealand;
    private static RegistryGateway cdm;

    @BeforeAll
    static void startTheNetworkAndBothGateways() throws Exception {
        OwnGateways.issueCertificate(pki, "NZ");
        if (PkiTool.run("issue", "--dir", pki.toString(), "CDM") != 0) {
            throw new IllegalStateException("the PKI tool failed for CDM");
        }
        String newZealandAddress = OwnGateways.freeRegistryAddress();
        String cdmAddress = OwnGateways.freeRegistryAddress();
        OwnGateways.writeNewZealandProfile(profiles, newZealandAddress);
        Files.writeString(profiles.resolve("cdm.json"), """
                { "code": "CDM", "name": "CDM registry (own gateway)", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s" }
                """.formatted(cdmAddress));
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles)
                .withClientTimeout(Duration.ofSeconds(30)));
        network.clock().set(Instant.parse("2016-09-01T09:00:00Z"));
        newZealand = OwnGateways.start(network, pki, "NZ", newZealandAddress, List.of());
        cdm = OwnGateways.start(network, pki, "CDM", cdmAddress, ReferenceData.projects());
        network.clock().run();
        network.startLoops(Duration.ofMillis(100));
        newZealand.startLoops(Duration.ofMillis(100));
        cdm.startLoops(Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() {
        for (RegistryGateway gateway : new RegistryGateway[] {newZealand, cdm}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aNationalRegistrysOwnGatewayPassesEveryTestOfItsKind() throws Exception {
        List<TestResult> results = play(newZealand, "NZ");

        assertEveryApplicableTestPassed(results);
        assertEquals(List.of(172, 200, 201), notApplicable(results),
                "the CDM registry's retirement and the tCERs' expiry date change (the CDM registry issues them) are not a "
                        + "national registry's");
        assertReportsAreWellFormed(reports.resolve("NZ"), results);
    }

    @Test
    void theCdmRegistrysOwnGatewayPassesEveryTestOfItsKind() throws Exception {
        List<TestResult> results = play(cdm, "CDM");

        assertEveryApplicableTestPassed(results);
        assertEquals(List.of(122, 130, 131, 151, 152, 170, 171, 180, 181, 182, 190, 191), notApplicable(results),
                "AAU issuance, conversion, transfers into the CDM registry, a Party's retirement, carry-over and "
                        + "replacement are not its kind's");
        assertReportsAreWellFormed(reports.resolve("CDM"), results);
    }

    private static synchronized List<TestResult> play(RegistryGateway gateway, String code) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<TestResult> results = new ConformanceRun(network, new OperatorApiRegistry(code, gateway.operatorAddress(),
                OwnGateways.OPERATOR_TOKEN), false, Duration.ofSeconds(60), out).play();
        boolean passed = ConformanceRun.report(results, code, reports.resolve(code), out);
        System.out.println(printed.toString(StandardCharsets.UTF_8));
        assertEquals(ConformanceReports.allApplicablePassed(results), passed);
        return results;
    }

    private static List<Integer> notApplicable(List<TestResult> results) {
        return results.stream().filter(r -> r.outcome() == Outcome.NOT_APPLICABLE).map(r -> r.test().number()).toList();
    }

    private static void assertEveryApplicableTestPassed(List<TestResult> results) {
        String failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.SKIPPED)
                .map(r -> r.test().number() + " " + r.outcome() + ": " + r.reason()).collect(Collectors.joining("\n"));
        assertEquals("", failed);
        assertEquals(ConformancePlan.tests().size(), results.size());
    }

    private static void assertReportsAreWellFormed(Path directory, List<TestResult> results) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(directory.resolve(ConformanceReports.XML_REPORT).toFile());
        NodeList suites = xml.getDocumentElement().getElementsByTagName("testsuite");
        assertEquals(Category.values().length, suites.getLength(), "a test suite per category");
        NodeList cases = xml.getDocumentElement().getElementsByTagName("testcase");
        assertEquals(results.size(), cases.getLength(), "a test case per test");
        assertEquals(0, xml.getDocumentElement().getElementsByTagName("failure").getLength());
        assertTrue(((Element) cases.item(0)).getAttribute("name").startsWith("100 "));

        JsonNode json = new ObjectMapper().readTree(directory.resolve(ConformanceReports.JSON_REPORT).toFile());
        assertTrue(json.path("passed").asBoolean());
        assertEquals(results.size(), json.path("tests").size());
        JsonNode issuance = json.path("tests").get(results.indexOf(results.stream()
                .filter(r -> r.test().number() == 120).findFirst().orElseThrow()));
        assertEquals("PASSED", issuance.path("outcome").asText());
        assertTrue(issuance.path("messages").size() >= 2, "the issuance's messages: " + issuance);
        assertTrue(issuance.path("messages").findValuesAsText("rawXml").stream().anyMatch(x -> x.contains("Signature")),
                "with their signed XML");
    }
}
