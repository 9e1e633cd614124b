package org.itlgateway.simulator.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OperatorClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry operator API over real HTTP, on the simulated network (signed SOAP between the nodes, embedded
 * PostgreSQL): the CDM registry's node and the Japanese registry's node, each on its own port.
 */
class OperatorApiIT {

    private static final String PENDING = "CDM-110-1000-0";

    private static Network network;
    private static OperatorClient cdm;
    private static OperatorClient japan;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withStart(Instant.parse("2014-03-03T09:00:00Z")));
        cdm = new OperatorClient(network.operatorAddressOf("CDM").orElseThrow());
        japan = new OperatorClient(network.operatorAddressOf("JP").orElseThrow());
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void anIssuanceProposedThroughTheApiCompletesWithItsStatusHistoryAndTheMessagesItSentAndReceived() {
        Answer proposed = cdm.post("/transactions",
                "{\"operation\":\"issue\",\"project\":1234,\"unitType\":\"CER\",\"period\":2,\"quantity\":10000}");
        assertEquals(202, proposed.status(), proposed::toString);
        String id = proposed.json().path("transaction").asText();
        assertEquals(1, proposed.json().path("status").path("code").asInt(), proposed::toString);
        assertEquals("/transactions/" + id, proposed.json().path("href").asText());

        network.settle();

        Answer seen = cdm.get("/transactions/" + id);
        assertEquals(200, seen.status(), seen::toString);
        JsonNode transaction = seen.json();
        assertEquals(4, transaction.path("status").path("code").asInt(), seen::toString);
        assertTrue(transaction.path("final").asBoolean(), seen::toString);
        assertEquals(List.of(1, 2, 4), codes(transaction.path("history"), "status"), seen::toString);
        assertEquals(10_000, transaction.path("quantity").asLong());
        assertEquals(PENDING, transaction.path("acquiringAccount").asText());
        JsonNode messages = transaction.path("messages");
        assertTrue(contains(messages, "sent", "acceptProposal", "ITL", null, "DELIVERED"), seen::toString);
        assertTrue(contains(messages, "received", "acceptNotification", "ITL", 2, "PROCESSED"), seen::toString);

        Answer completed = cdm.get("/transactions?status=completed");
        assertEquals(200, completed.status(), completed::toString);
        List<String> ids = texts(completed.json().path("transactions"), "id");
        assertTrue(ids.contains(id), completed::toString);
        boolean shareOfProceedsCompleted = StreamSupport.stream(completed.json().path("transactions").spliterator(), false)
                .anyMatch(t -> t.path("supplementaryType").path("code").asInt() == 81
                        && t.path("acquiringAccount").asText().equals("CDM-100-1100-0") && t.path("quantity").asLong() == 200);
        assertTrue(shareOfProceedsCompleted, completed::toString);
    }

    @Test
    void anOperatorCancelsAnIssuanceBeforeTheItlAnswersAndItEndsCancelledAtTheItlToo() {
        Answer proposed = cdm.post("/transactions",
                "{\"operation\":\"issue\",\"project\":1234,\"unitType\":\"CER\",\"period\":2,\"quantity\":300}");
        String id = proposed.json().path("transaction").asText();

        Answer cancelled = cdm.post("/transactions/" + id + "/cancel", "{}");

        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals(7, cancelled.json().path("status").path("code").asInt(), cancelled::toString);
        network.settle();
        assertEquals(7, cdm.get("/transactions/" + id).json().path("status").path("code").asInt(),
                "the ITL's check, arriving after, changed nothing");
        var itl = network.stores("ITL");
        assertEquals(7, itl.database().call(() -> itl.transactions().find(
                org.itlgateway.core.transaction.TransactionId.parse(id))).orElseThrow().status().code());

        Answer again = cdm.post("/transactions/" + id + "/cancel", "{}");
        assertEquals(422, again.status(), again::toString);
        assertEquals(4001, again.json().path("codes").get(0).asInt(), again::toString);
        assertEquals(404, cdm.post("/transactions/CDM99999999/cancel", "{}").status());
        Answer notTheirs = japan.post("/transactions/" + id + "/cancel", "{}");
        assertEquals(404, notTheirs.status(), "Japan never heard of an issuance in the CDM registry: " + notTheirs);
    }

    @Test
    void theNoticesTheItlSentAreListedNewestFirstWithWhatTheyAsk() {
        var notice = network.itl().issueNotice(org.itlgateway.core.registry.RegistryCode.CDM,
                org.itlgateway.core.notice.NoticeType.EXCESS_ISSUANCE, 1234L, null,
                org.itlgateway.core.unit.UnitType.CER, 300L, java.time.LocalDate.parse("2014-05-30"),
                "cancel 300 CERs of project 1234");
        network.settle();

        Answer listed = cdm.get("/notices?limit=5");

        assertEquals(200, listed.status(), listed::toString);
        JsonNode first = listed.json().path("notices").get(0);
        assertEquals(notice.id(), first.path("id").asLong(), listed::toString);
        assertEquals(6, first.path("type").path("code").asInt());
        assertEquals(1, first.path("status").path("code").asInt());
        assertEquals(1234, first.path("project").asLong());
        assertEquals(300, first.path("targetQuantity").asLong());
        assertEquals("2014-05-30", first.path("targetDate").asText());
        assertEquals("cancel 300 CERs of project 1234", first.path("content").asText());
        assertEquals(400, cdm.get("/notices?limit=0").status());
        assertTrue(StreamSupport.stream(japan.get("/notices").json().path("notices").spliterator(), false)
                .noneMatch(n -> n.path("id").asLong() == notice.id()), "a notice is its addressee's only");
    }

    @Test
    void aRefusedProposalAnswers422WithItsCodesAndBlocksAndChangesNothing() {
        String transactionsBefore = cdm.get("/transactions?limit=500").text();
        String registryBefore = cdm.get("/registry").text();
        String japanBefore = japan.get("/transactions").text();

        Answer unknownProject = cdm.post("/transactions",
                "{\"operation\":\"issue\",\"project\":999999,\"period\":2,\"quantity\":100}");
        assertEquals(422, unknownProject.status(), unknownProject::toString);
        assertEquals(List.of(2019), ints(unknownProject.json().path("codes")), unknownProject::toString);
        assertFalse(unknownProject.json().path("detail").asText().isBlank());

        Answer tooMany = cdm.post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"CDM-100-1100-0\",\"project\":4321,\"quantity\":1000000000}");
        assertEquals(422, tooMany.status(), tooMany::toString);
        assertEquals(List.of(3010), ints(tooMany.json().path("codes")), tooMany::toString);

        Answer notHeld = japan.post("/transactions", """
                {"kind": "INTERNAL_TRANSFER",
                 "transferringAccount": "JP-120-20045-0", "acquiringAccount": "JP-100-1-2",
                 "blocks": [{"originatingRegistry": "CDM", "start": 900000001, "end": 900000100,
                             "unitType": "CER", "originalPeriod": 2, "project": 1234}]}""");
        assertEquals(422, notHeld.status(), notHeld::toString);
        assertEquals(List.of(2020), ints(notHeld.json().path("codes")), notHeld::toString);
        assertEquals("CDM:900000001..900000100", notHeld.json().path("results").path(0).path("blocks").path(0).asText(),
                notHeld::toString);

        network.settle();
        assertEquals(transactionsBefore, cdm.get("/transactions?limit=500").text());
        assertEquals(registryBefore, cdm.get("/registry").text());
        assertEquals(japanBefore, japan.get("/transactions").text());
    }

    @Test
    void aRequestThatCannotBeReadAnswers400WithAReasonAndNoStackTrace() {
        Answer notJson = cdm.post("/transactions", "{\"operation\": \"issue\", ");
        assertEquals(400, notJson.status(), notJson::toString);
        assertTrue(notJson.json().path("detail").asText().contains("not valid JSON"), notJson::toString);
        assertEquals(400, notJson.json().path("status").asInt(), notJson::toString);
        assertFalse(notJson.text().contains("Exception") || notJson.text().contains("\tat "), notJson::toString);

        Answer missing = cdm.post("/transactions", "{\"operation\":\"issue\",\"project\":1234,\"period\":2}");
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.json().path("detail").asText().contains("quantity"), missing::toString);

        Answer misspelt = cdm.post("/transactions",
                "{\"operation\":\"issue\",\"project\":1234,\"period\":2,\"quantity\":5,\"quantitty\":5}");
        assertEquals(400, misspelt.status(), misspelt::toString);
        assertTrue(misspelt.json().path("detail").asText().contains("quantitty"), misspelt::toString);

        Answer badUnitType = cdm.post("/transactions",
                "{\"operation\":\"issue\",\"project\":1234,\"period\":2,\"quantity\":5,\"unitType\":\"XYZ\"}");
        assertEquals(400, badUnitType.status(), badUnitType::toString);
        assertTrue(badUnitType.json().path("detail").asText().contains("unitType"), badUnitType::toString);

        Answer badAccount = cdm.get("/accounts/CDM-120/holdings");
        assertEquals(400, badAccount.status(), badAccount::toString);
        assertEquals(404, cdm.get("/accounts/CDM-120-999999-0/holdings").status());
        assertEquals(404, cdm.get("/transactions/CDM999999").status());
        assertEquals(404, cdm.get("/nowhere").status());
        assertEquals(405, cdm.post("/registry", "{}").status());
    }

    @Test
    void holdingsShowTheUnitsEachAccountHoldsAndTheTransactionThatReservedThem() {
        String solarPark = openHoldingAccount("Rajasthan Solar Park Ltd");
        issueAndSettle(4321, 20_000);

        Answer forward = cdm.post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"" + solarPark + "\",\"project\":4321,\"quantity\":5000}");
        assertEquals(202, forward.status(), forward::toString);
        String forwardId = forward.json().path("transaction").asText();
        Answer pendingWhileForwarding = cdm.get("/accounts/" + PENDING + "/holdings");
        long reservedByForward = StreamSupport.stream(pendingWhileForwarding.json().path("blocks").spliterator(), false)
                .filter(block -> block.path("reservedBy").asText().equals(forwardId))
                .mapToLong(block -> block.path("quantity").asLong()).sum();
        assertEquals(5000, reservedByForward, pendingWhileForwarding::toString);

        network.settle();

        Answer holdings = cdm.get("/accounts/" + solarPark + "/holdings");
        assertEquals(200, holdings.status(), holdings::toString);
        assertEquals(5000, holdings.json().path("account").path("units").asLong(), holdings::toString);
        assertEquals(0, holdings.json().path("account").path("reserved").asLong(), holdings::toString);
        for (JsonNode block : holdings.json().path("blocks")) {
            assertEquals(4321, block.path("project").asLong(), holdings::toString);
            assertEquals("CER", block.path("unitType").asText(), holdings::toString);
            assertTrue(block.path("reservedBy").isMissingNode(), holdings::toString);
        }
        JsonNode inOverview = find(cdm.get("/registry").json().path("accounts"), "ref", solarPark);
        assertEquals(5000, inOverview.path("units").asLong());
        assertEquals(5000, inOverview.path("unitsByType").path("CER").asLong());
    }

    @Test
    void aProposalWrittenInFullMovesTheBlocksReadFromTheHoldings() {
        String from = openHoldingAccount("Inner Mongolia Wind Co.");
        String to = openHoldingAccount("Beijing Carbon Fund");
        issueAndSettle(1234, 1000);
        Answer forward = cdm.post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"" + from + "\",\"project\":1234,\"quantity\":300}");
        assertEquals(202, forward.status(), forward::toString);
        network.settle();
        JsonNode blocks = cdm.get("/accounts/" + from + "/holdings").json().path("blocks");

        Answer transfer = cdm.post("/transactions", "{\"kind\":\"INTERNAL_TRANSFER\",\"transferringAccount\":\"" + from
                + "\",\"acquiringAccount\":\"" + to + "\",\"blocks\":" + blocks + "}");
        assertEquals(202, transfer.status(), transfer::toString);
        network.settle();

        JsonNode done = cdm.get("/transactions/" + transfer.json().path("transaction").asText()).json();
        assertEquals(4, done.path("status").path("code").asInt(), done::toString);
        assertEquals(300, cdm.get("/accounts/" + to + "/holdings").json().path("account").path("units").asLong());
        assertEquals(0, cdm.get("/accounts/" + from + "/holdings").json().path("account").path("units").asLong());
    }

    @Test
    void aVoluntaryCancellationHasItsAttestationRenderedAndVerified() {
        String travel = openHoldingAccount("Acme Travel GmbH");
        issueAndSettle(116, 1000);
        assertEquals(202, cdm.post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"" + travel + "\",\"project\":116,\"quantity\":980}").status());
        network.settle();

        Answer cancel = cdm.post("/transactions", "{\"operation\":\"cancelVoluntarily\",\"from\":\"" + travel
                + "\",\"project\":116,\"quantity\":250,\"purpose\":\"offsetting 2013 business travel\","
                + "\"beneficiary\":\"Acme Travel GmbH\"}");
        assertEquals(202, cancel.status(), cancel::toString);
        String id = cancel.json().path("transaction").asText();
        assertEquals(409, cdm.get("/attestations/" + id).status(), "no attestation before the cancellation completes");

        network.settle();

        Answer attestation = cdm.get("/attestations/" + id);
        assertEquals(200, attestation.status(), attestation::toString);
        assertEquals(250, attestation.json().path("quantity").asLong());
        assertEquals("offsetting 2013 business travel", attestation.json().path("purpose").asText());
        String fingerprint = attestation.json().path("fingerprint").asText();
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), attestation::toString);
        assertTrue(attestation.json().path("text").asText().startsWith("ATTESTATION OF VOLUNTARY CANCELLATION"));
        assertTrue(attestation.json().path("text").asText().contains(fingerprint));

        Answer text = cdm.getText("/attestations/" + id);
        assertEquals(200, text.status());
        assertTrue(text.contentType().startsWith("text/plain"), text::toString);
        assertTrue(text.text().contains("Acme Travel GmbH") && text.text().contains(fingerprint), text::toString);

        Answer verified = cdm.get("/attestations/" + id + "/verify");
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().path("valid").asBoolean(), verified::toString);
        assertEquals(0, verified.json().path("problems").size(), verified::toString);

        assertTrue(texts(cdm.get("/reports/voluntary-cancellations").json().path("cancellations"), "transaction")
                .contains(id));
        JsonNode project = find(cdm.get("/reports/issuance").json().path("projects"), "projectId", "116");
        assertEquals(250, project.path("voluntarilyCancelled").asLong(), project::toString);
        assertEquals(404, japan.get("/attestations/" + id).status(), "only the CDM registry attests");
    }

    // ---------------------------------------------------------------- helpers

    private static String openHoldingAccount(String holder) {
        Answer opened = cdm.post("/accounts", "{\"type\":\"ENTITY_HOLDING\",\"holder\":\"" + holder + "\"}");
        assertEquals(201, opened.status(), opened::toString);
        return opened.json().path("ref").asText();
    }

    private static void issueAndSettle(long project, long quantity) {
        Answer issued = cdm.post("/transactions", "{\"operation\":\"issue\",\"project\":" + project
                + ",\"period\":\"CP2\",\"quantity\":" + quantity + "}");
        assertEquals(202, issued.status(), issued::toString);
        network.settle();
        JsonNode issuance = cdm.get("/transactions/" + issued.json().path("transaction").asText()).json();
        assertEquals(4, issuance.path("status").path("code").asInt(), issuance::toString);
    }

    private static boolean contains(JsonNode messages, String direction, String operation, String peer,
                                    Integer notifiedStatus, String state) {
        for (JsonNode message : messages) {
            if (message.path("direction").asText().equals(direction)
                    && message.path("operation").asText().equals(operation)
                    && message.path("peer").asText().equals(peer)
                    && message.path("state").asText().equals(state)
                    && (notifiedStatus == null ? message.path("notifiedStatus").isMissingNode()
                            : message.path("notifiedStatus").path("code").asInt() == notifiedStatus)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> codes(JsonNode history, String field) {
        List<Integer> codes = new ArrayList<>();
        history.forEach(change -> codes.add(change.path(field).path("code").asInt()));
        return codes;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " " + value + " in " + array);
    }
}
