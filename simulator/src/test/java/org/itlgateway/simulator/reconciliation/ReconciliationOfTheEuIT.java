package org.itlgateway.simulator.reconciliation;

import static org.itlgateway.simulator.support.PlantedHoldings.aaus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.gateway.node.reconciliation.RecordedReconciliation;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.reconciliation.Reconciliation.Phase;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.PlantedHoldings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ITL reconciles the CITL, and the CITL reconciles the EU registries, over the real network: the ITL asks the CITL
 * through its TransactionLogService for the totals, blocks and audit trail of its records of the EU registries and
 * compares them with its own mirror of those registries; the CITL asks DE and FR as the ITL asks any registry, and
 * compares with its records. Differences are planted by writing to one side's holdings directly, in units no other test
 * uses, and removed afterwards.
 */
class ReconciliationOfTheEuIT {

    private static final AccountRef DE_ENTITY = CdmActions.account("DE", 4001);
    private static final AccountRef FR_ENTITY = CdmActions.account("FR", 5001);

    private static Network network;
    private static PlantedHoldings holdings;
    private static CdmActions cdm;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withStart(Instant.parse("2016-09-01T09:00:00Z")));
        holdings = new PlantedHoldings(network);
        cdm = new CdmActions(network);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void afterEuTransfersCompleteTheItlsReconciliationOfTheCitlIsValidated() throws SQLException {
        transferCersTo(DE_ENTITY, 1234, 300);
        transferCersTo(FR_ENTITY, 4321, 200);

        Reconciliation reconciliation = reconcile(network.reconciliation(), "CITL");

        assertEquals(ReconciliationStatus.VALIDATED, reconciliation.status(), reconciliation.toString());
        assertEquals("ITL", reconciliation.by());
        assertEquals(Phase.DECIDED, reconciliation.phase());
        assertEquals(List.of(), reconciliation.results());
        assertEquals(Optional.of(ReconciliationStatus.VALIDATED), statusAtTheCitl(reconciliation.id()),
                "the CITL records the ITL's result");
        assertEquals(Optional.of(reconciliation.snapshot()), snapshotAtTheCitl(reconciliation.id()),
                "the CITL totals its records as of the snapshot the ITL names in provideTotals");
        assertTrue(network.journal().find(null, "ITL", Direction.SENT, "provideTotals", "CITL", 1000, false).size() >= 1,
                "the ITL asks the CITL for its totals");
        assertTrue(network.journal().find(null, "CITL", Direction.SENT, "receiveTotals", "ITL", 1000, false).size() >= 1,
                "the CITL answers with its totals");
        assertEquals(List.of(), network.journal().find(null, "ITL", Direction.SENT, "initiateReconciliation", "CITL",
                1000, false), "a supplementary log has no initiateReconciliation");
        assertTrue(network.reconciliation().ofParty("CITL").contains(reconciliation));
    }

    @Test
    void theCitlTotalsItsRecordsAsOfTheEarlierSnapshotTheItlNames() throws SQLException {
        Instant earlier = network.clock().instant().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        transferCersTo(DE_ENTITY, 1234, 50);

        long id = network.reconciliation().initiate("CITL", earlier);
        network.settle();
        Reconciliation reconciliation = network.reconciliation().find(id).orElseThrow();

        assertEquals(earlier, reconciliation.snapshot());
        assertEquals(Optional.of(earlier), snapshotAtTheCitl(id), "not the moment the request arrived");
        assertEquals(ReconciliationStatus.VALIDATED, reconciliation.status(), reconciliation.toString());
    }

    @Test
    void theCitlsReconciliationOfAnEuRegistryIsValidatedAndTheRegistryKeepsItApartFromTheItls() {
        transferCersTo(DE_ENTITY, 1234, 150);

        Reconciliation byTheCitl = reconcile(citl(), "DE");
        Reconciliation byTheItl = reconcile(network.reconciliation(), "DE");

        assertEquals(ReconciliationStatus.VALIDATED, byTheCitl.status(), byTheCitl.toString());
        assertEquals("CITL", byTheCitl.by());
        assertEquals(ReconciliationStatus.VALIDATED, byTheItl.status(), byTheItl.toString());
        RecordedReconciliation recordedForTheCitl = atDe("CITL", byTheCitl.id());
        assertEquals(ReconciliationStatus.VALIDATED, recordedForTheCitl.status());
        assertEquals("CITL", recordedForTheCitl.requestedBy());
        assertEquals(byTheCitl.snapshot(), recordedForTheCitl.snapshot());
        assertEquals(ReconciliationStatus.VALIDATED, atDe("ITL", byTheItl.id()).status());
        assertTrue(network.journal().find(null, "CITL", Direction.SENT, "initiateReconciliation", "DE", 1000, false)
                .size() >= 1, "the CITL starts its reconciliation at the registry");
        assertEquals(List.of(byTheCitl), citl().ofParty("DE").stream().filter(r -> r.id() == byTheCitl.id()).toList());
    }

    @Test
    void aBlockPlantedInTheCitlsRecordsIsFoundMissingAtDeByTheCitlAndExtraInTheCitlByTheItl() throws SQLException {
        UnitBlock planted = aaus("DE", 80_001, 80_500);
        holdings.plant("CITL", DE_ENTITY, planted);
        try {
            Reconciliation ofDe = reconcile(citl(), "DE");

            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, ofDe.status(), ofDe.toString());
            assertNames(ofDe, ResponseCode.TOTALS_DIFFER, List.of());
            assertNames(ofDe, ResponseCode.BLOCK_MISSING, List.of(planted.id()));
            RecordedReconciliation atDe = atDe("CITL", ofDe.id());
            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, atDe.status());
            assertTrue(atDe.results().stream().anyMatch(r -> r.code() == ResponseCode.BLOCK_MISSING
                    && r.blocks().equals(List.of(planted.id()))), atDe.toString());

            Reconciliation ofTheCitl = reconcile(network.reconciliation(), "CITL");

            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, ofTheCitl.status(), ofTheCitl.toString());
            assertNames(ofTheCitl, ResponseCode.TOTALS_DIFFER, List.of());
            assertNames(ofTheCitl, ResponseCode.BLOCK_EXTRA, List.of(planted.id()));
            assertEquals(Optional.of(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT), statusAtTheCitl(ofTheCitl.id()));

            holdings.remove("CITL", planted.id());
            Reconciliation resolved = network.reconciliation().resolveManually(ofTheCitl.id(), "operator@itl",
                    "the block was written into the CITL's records by hand; removed");
            network.settle();
            assertEquals(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION, resolved.status());
            assertEquals(Optional.of(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION),
                    statusAtTheCitl(ofTheCitl.id()), "the CITL hears of the manual intervention");
        } finally {
            holdings.remove("CITL", planted.id());
        }
    }

    @Test
    void aBlockDeHoldsInAnotherAccountThanTheCitlRecordsIsFoundInTheWrongAccountByTheCitl() throws SQLException {
        UnitBlock planted = aaus("DE", 81_001, 81_040);
        AccountRef party = AccountRef.of(RegistryCode.of("DE"), org.itlgateway.core.account.AccountType.PARTY_HOLDING, 1);
        holdings.plant("DE", DE_ENTITY, planted);
        holdings.plant("CITL", party, planted);
        try {
            Reconciliation ofDe = reconcile(citl(), "DE");

            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, ofDe.status(), ofDe.toString());
            assertNames(ofDe, ResponseCode.TOTALS_DIFFER, List.of());
            assertNames(ofDe, ResponseCode.BLOCK_IN_WRONG_ACCOUNT, List.of(planted.id()));
            assertFalse(ofDe.results().stream().anyMatch(r -> r.code() == ResponseCode.BLOCK_MISSING
                    || r.code() == ResponseCode.BLOCK_EXTRA), ofDe.results().toString());
        } finally {
            holdings.remove("DE", planted.id());
            holdings.remove("CITL", planted.id());
        }
    }

    @Test
    void unitsUnderAnOpenInconsistencyOfTheCitlAreRefusedWith6010UntilItsManualInterventionCorrectsItsRecords()
            throws SQLException {
        UnitBlock planted = aaus("DE", 82_001, 82_040);
        AccountRef party = AccountRef.of(RegistryCode.of("DE"), org.itlgateway.core.account.AccountType.PARTY_HOLDING, 1);
        AccountRef japan = CdmActions.account("JP", 20045);
        holdings.plant("DE", DE_ENTITY, planted);
        holdings.plant("ITL", DE_ENTITY, planted);
        holdings.plant("CITL", party, planted);
        try {
            Reconciliation found = reconcile(citl(), "DE");
            assertNames(found, ResponseCode.BLOCK_IN_WRONG_ACCOUNT, List.of(planted.id()));

            Transaction refused = proposeFromGermany(990_001, planted, japan);
            assertEquals(TransactionStatus.TERMINATED, refused.status(), refused.history().toString());
            assertTrue(refused.latestResults().stream().anyMatch(r -> r.code() == ResponseCode.UNITS_UNDER_INCONSISTENCY),
                    "the CITL refused the units its open inconsistency names: " + refused.history());

            Reconciliation resolved = citl().resolveManually(found.id(), "ops@citl", "DE's account is right",
                    RightSide.REGISTRY);
            network.settle();
            assertEquals(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION, resolved.status());
            assertEquals(40, resolved.intervention().correctedUnits());
            assertEquals(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION, atDe("CITL", found.id()).status());

            Transaction accepted = proposeFromGermany(990_002, planted, japan);
            assertEquals(TransactionStatus.COMPLETED, accepted.status(), accepted.history().toString());
            assertEquals(ReconciliationStatus.VALIDATED, reconcile(citl(), "DE").status(), "the CITL's records agree again");
        } finally {
            for (String node : List.of("DE", "ITL", "CITL", "JP")) {
                holdings.remove(node, planted.id());
            }
        }
    }

    @Test
    void theControlApiStartsAndListsEachLogsReconciliationsAndRefusesWhatALogDoesNotReconcile() {
        try (ControlApi control = ControlApi.start(network, "127.0.0.1", 0)) {
            OperatorClient api = new OperatorClient(control.address());

            OperatorClient.Answer byTheCitl = api.post("/reconciliations", "{\"registry\": \"FR\", \"by\": \"CITL\"}");
            assertEquals(200, byTheCitl.status(), byTheCitl.text());
            assertEquals("CITL", byTheCitl.json().get(0).path("by").asText(), byTheCitl.text());
            assertEquals("FR", byTheCitl.json().get(0).path("registry").asText(), byTheCitl.text());
            assertEquals("VALIDATED", byTheCitl.json().get(0).path("status").asText(), byTheCitl.text());
            long id = byTheCitl.json().get(0).path("id").asLong();

            OperatorClient.Answer ofTheCitl = api.post("/reconciliations", "{\"registry\": \"CITL\"}");
            assertEquals(200, ofTheCitl.status(), ofTheCitl.text());
            assertEquals("ITL", ofTheCitl.json().get(0).path("by").asText(), ofTheCitl.text());
            assertEquals("CITL", ofTheCitl.json().get(0).path("registry").asText(), ofTheCitl.text());

            OperatorClient.Answer one = api.get("/reconciliations/" + id + "?by=CITL");
            assertEquals(200, one.status(), one.text());
            assertEquals("FR", one.json().path("registry").asText(), one.text());

            api.post("/reconciliations", "{\"registry\": \"FR\"}");
            OperatorClient.Answer listed = api.get("/reconciliations?registry=FR");
            assertEquals(200, listed.status(), listed.text());
            List<String> by = new java.util.ArrayList<>();
            listed.json().forEach(r -> by.add(r.path("by").asText()));
            assertTrue(by.contains("ITL") && by.contains("CITL"), "both logs' reconciliations of FR: " + listed.text());
            OperatorClient.Answer onlyTheCitls = api.get("/reconciliations?registry=FR&by=CITL");
            onlyTheCitls.json().forEach(r -> assertEquals("CITL", r.path("by").asText(), onlyTheCitls.text()));
            OperatorClient.Answer malformed = api.get("/reconciliations?registry=fr");
            assertEquals(400, malformed.status(), malformed.text());
            assertEquals("registry", malformed.json().path("field").asText(), malformed.text());

            OperatorClient.Answer notEu = api.post("/reconciliations", "{\"registry\": \"GB\", \"by\": \"CITL\"}");
            assertEquals(400, notEu.status(), notEu.text());
            assertEquals("registry", notEu.json().path("field").asText(), notEu.text());
            OperatorClient.Answer noSuchLog = api.post("/reconciliations", "{\"registry\": \"DE\", \"by\": \"JP\"}");
            assertEquals(400, noSuchLog.status(), noSuchLog.text());
            assertEquals("by", noSuchLog.json().path("field").asText(), noSuchLog.text());

            OperatorClient.Answer scheduled = api.put("/reconciliations/schedule",
                    "{\"registry\": \"DE\", \"by\": \"CITL\", \"every\": \"PT12H\"}");
            assertEquals(200, scheduled.status(), scheduled.text());
            assertEquals("CITL", scheduled.json().path("by").asText(), scheduled.text());
            int before = citl().ofParty("DE").size();
            network.advance(Duration.ofHours(12));
            assertEquals(before + 1, citl().ofParty("DE").size(), "the CITL reconciled DE when due");
        }
    }

    // ---- helpers ----

    private static ReconciliationDriver citl() {
        return network.reconciliationBy("CITL").orElseThrow();
    }

    private static Reconciliation reconcile(ReconciliationDriver log, String party) {
        long id = log.initiate(party);
        network.settle();
        return log.find(id).orElseThrow();
    }

    /** Germany proposes an external transfer of {@code block} from its entity account; answers it as Germany ends it. */
    private static Transaction proposeFromGermany(long sequence, UnitBlock block, AccountRef to) {
        RegistryCode germany = RegistryCode.of("DE");
        Proposal proposal = new Proposal(TransactionId.of(germany, sequence), TransactionType.EXTERNAL_TRANSFER, 0, germany,
                DE_ENTITY, to.registry(), to, null, List.of(block), Map.of(), network.clock().instant());
        ProposalOutcome outcome = network.registryNode("DE").submit(() -> network.lifecycle("DE").propose(proposal));
        assertTrue(outcome.isRecorded(), () -> "Germany refused its own proposal: " + outcome.refusals());
        network.settle();
        return cdm.at("DE", proposal.id());
    }

    /** CERs issued in the CDM registry, forwarded to a holding account there, then transferred to an EU account. */
    private static void transferCersTo(AccountRef account, long project, long quantity) {
        String now = network.clock().instant().plus(Duration.ofMinutes(1)).toString();
        AccountRef held = cdm.holdingOf(project, CommitmentPeriod.CP2, quantity * 2, now);
        TransactionId id = cdm.transfer(held, account, project, quantity, network.clock().instant().toString());
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status(), cdm.at("CDM", id).history().toString());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CITL", id).status(), "the CITL's records follow");
    }

    private static RecordedReconciliation atDe(String log, long id) {
        return network.registryNode("DE").reconciliation().find(log, id).orElseThrow();
    }

    /** The snapshot time the CITL took for the ITL's reconciliation of it. */
    private static Optional<Instant> snapshotAtTheCitl(long id) throws SQLException {
        try (Connection connection = network.stores("CITL").database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select snapshot_at from registry_reconciliation where requested_by = 'ITL' and id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /** The status the CITL recorded for the ITL's reconciliation of it. */
    private static Optional<ReconciliationStatus> statusAtTheCitl(long id) throws SQLException {
        try (Connection connection = network.stores("CITL").database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status from registry_reconciliation where requested_by = 'ITL' and id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ReconciliationStatus.fromCode(row.getShort(1))) : Optional.empty();
            }
        }
    }

    private static void assertNames(Reconciliation reconciliation, ResponseCode code, List<UnitBlockId> blocks) {
        List<EvaluationResult> withCode = reconciliation.results().stream().filter(r -> r.code() == code).toList();
        assertFalse(withCode.isEmpty(), () -> "no " + code.code() + " in " + reconciliation.results());
        if (!blocks.isEmpty()) {
            assertEquals(blocks, withCode.stream().flatMap(r -> r.blocks().stream()).toList(), withCode.toString());
        }
    }

}
