package org.itlgateway.simulator.reconciliation;

import static org.itlgateway.simulator.support.PlantedHoldings.aaus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.holding.HoldingGroup;
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
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.reconciliation.RecordedReconciliation;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.ReconciliationMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesChunk;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlockList;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.reconciliation.Reconciliation.Phase;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.PlantedHoldings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation between the ITL and registry nodes over the real network: signed SOAP over HTTP, PostgreSQL,
 * the simulated clock. Discrepancies are planted by writing to one side's holdings directly; each test plants in
 * its own registry or puts the holdings right again, so the tests do not disturb each other.
 */
class ReconciliationIT {

    private static Network network;
    private static PlantedHoldings holdings;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withStart(Instant.parse("2014-03-03T09:00:00Z")));
        holdings = new PlantedHoldings(network);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void aConsistentRegistryIsValidated() {
        issueCers(1234, 10_000);

        Reconciliation reconciliation = reconcile("CDM");

        assertEquals(ReconciliationStatus.VALIDATED, reconciliation.status(), reconciliation.toString());
        assertEquals(Phase.DECIDED, reconciliation.phase());
        assertEquals(List.of(), reconciliation.results());
        RecordedReconciliation recorded = recordedByRegistry("CDM", reconciliation.id());
        assertEquals(ReconciliationStatus.VALIDATED, recorded.status());
        assertEquals(reconciliation.snapshot(), recorded.snapshot());
    }

    @Test
    void aBlockTheRegistryDoesNotReportIsFoundMissingInTheUnitBlockPhase() {
        AccountRef account = account("JP", 20045);
        holdings.plant("JP", account, aaus("JP", 1, 1_000));
        holdings.plant("ITL", account, aaus("JP", 1, 1_000));
        holdings.plant("ITL", account, aaus("JP", 5_001, 5_500));

        Reconciliation reconciliation = reconcile("JP");

        assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, reconciliation.status(), reconciliation.toString());
        assertNames(reconciliation, ResponseCode.TOTALS_DIFFER, List.of());
        assertNames(reconciliation, ResponseCode.BLOCK_MISSING, List.of(UnitBlockId.of(RegistryCode.of("JP"), 5_001, 5_500)));
        RecordedReconciliation recorded = recordedByRegistry("JP", reconciliation.id());
        assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, recorded.status());
        assertTrue(recorded.results().stream().anyMatch(r -> r.code() == ResponseCode.BLOCK_MISSING
                && r.blocks().equals(List.of(UnitBlockId.of(RegistryCode.of("JP"), 5_001, 5_500)))), recorded.toString());
    }

    @Test
    void aBlockOnlyTheRegistryHoldsIsFoundExtraInTheUnitBlockPhase() {
        AccountRef account = account("CH", 3001);
        holdings.plant("CH", account, aaus("CH", 1, 2_000));
        holdings.plant("ITL", account, aaus("CH", 1, 2_000));
        holdings.plant("CH", account, aaus("CH", 7_001, 7_010));

        Reconciliation reconciliation = reconcile("CH");

        assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, reconciliation.status(), reconciliation.toString());
        assertNames(reconciliation, ResponseCode.BLOCK_EXTRA, List.of(UnitBlockId.of(RegistryCode.of("CH"), 7_001, 7_010)));
        assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, recordedByRegistry("CH", reconciliation.id()).status());
    }

    @Test
    void aBlockHeldInAnotherAccountIsFoundInTheUnitBlockPhaseAndManualInterventionCompletesTheReconciliation() {
        AccountRef party = new AccountRef(RegistryCode.of("NZ"), AccountType.PARTY_HOLDING, 1, CommitmentPeriod.CP2);
        AccountRef entity = account("NZ", 5001);
        holdings.plant("NZ", party, aaus("NZ", 1, 3_000));
        holdings.plant("ITL", party, aaus("NZ", 1, 3_000));
        holdings.plant("NZ", entity, aaus("NZ", 3_001, 3_400));
        holdings.plant("ITL", party, aaus("NZ", 3_001, 3_400));

        Reconciliation reconciliation = reconcile("NZ");

        assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, reconciliation.status(), reconciliation.toString());
        assertNames(reconciliation, ResponseCode.BLOCK_IN_WRONG_ACCOUNT,
                List.of(UnitBlockId.of(RegistryCode.of("NZ"), 3_001, 3_400)));

        Reconciliation resolved = network.reconciliation().resolveManually(reconciliation.id(), "operator@itl",
                "the registry's account is right; the log's record is corrected");
        network.settle();

        assertEquals(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION, resolved.status());
        assertEquals("operator@itl", resolved.resolvedBy());
        assertEquals(ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION,
                recordedByRegistry("NZ", reconciliation.id()).status());
    }

    @Test
    void aTransactionCommittedAfterTheSnapshotDoesNotDisturbTheReconciliation() throws SQLException {
        issueCers(4321, 5_000);
        network.clock().advance(Duration.ofHours(1));
        Instant snapshot = network.clock().instant();
        network.clock().advance(Duration.ofHours(1));
        ProposalOutcome later = issueCers(115, 7_000);
        UnitBlock planted = UnitBlock.of(900_000_001L, 900_000_100L, UnitAttributes.cer(115, CommitmentPeriod.CP2));
        holdings.plant("CDM", CdmAccounts.PENDING, planted);
        try {
            Reconciliation asOfSnapshot = reconcile("CDM", snapshot);

            assertEquals(ReconciliationStatus.VALIDATED, asOfSnapshot.status(), asOfSnapshot.toString());
            assertEquals(TransactionStatus.COMPLETED, cdmTransaction(later).status());

            long running = network.reconciliation().initiate(RegistryCode.CDM);
            network.clock().advance(Duration.ofMinutes(1));
            issueCersWithoutSettling(116, 3_000);
            network.settle();

            Reconciliation whileTransacting = network.reconciliation().find(running).orElseThrow();
            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, whileTransacting.status(),
                    "the block planted before this snapshot is found: " + whileTransacting);
            assertNames(whileTransacting, ResponseCode.BLOCK_EXTRA, List.of(planted.id()));
            network.reconciliation().resolveManually(running, "operator@itl", "planted by the test");
            network.settle();
        } finally {
            holdings.remove("CDM", planted.id());
        }
    }

    @Test
    void unitsUnderAnOpenInconsistencyRefuseTransactionsUntilItIsResolved() throws SQLException {
        issueCers(2207, 1_000);
        List<UnitBlock> pending = cdm(() -> network.cdm().freeUnits(CdmAccounts.PENDING, 2207, 980)).orElseThrow();
        UnitBlockId moved = pending.get(0).id();
        AccountRef holding = cdm(() -> network.cdm().openHoldingAccount(AccountType.ENTITY_HOLDING, "Reconciled Ltd"));
        setMirrorAccount(moved, 9_999);
        try {
            Reconciliation reconciliation = reconcile("CDM");
            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, reconciliation.status(), reconciliation.toString());
            assertNames(reconciliation, ResponseCode.BLOCK_IN_WRONG_ACCOUNT, List.of(moved));

            ProposalOutcome refused = forward(holding, 2207, 100);

            Transaction transaction = cdmTransaction(refused);
            assertFalse(transaction.status() == TransactionStatus.COMPLETED, transaction.toString());
            assertTrue(transaction.history().stream().flatMap(c -> c.results().stream())
                    .anyMatch(r -> r.code() == ResponseCode.UNITS_UNDER_INCONSISTENCY), transaction.history().toString());

            setMirrorAccount(moved, CdmAccounts.PENDING.identifier());
            network.reconciliation().resolveManually(reconciliation.id(), "operator@itl", "the log's account corrected");
            network.settle();

            ProposalOutcome accepted = forward(holding, 2207, 100);
            assertEquals(TransactionStatus.COMPLETED, cdmTransaction(accepted).status(), cdmTransaction(accepted).history().toString());
        } finally {
            setMirrorAccount(moved, CdmAccounts.PENDING.identifier());
        }
    }

    @Test
    void aSecondStartWhileAReconciliationRunsIsDenied() {
        long first = network.reconciliation().initiate(RegistryCode.of("FR"));
        long second = network.reconciliation().initiate(RegistryCode.of("FR"));
        network.settle();

        assertEquals(ReconciliationStatus.START_REQUEST_DENIED, network.reconciliation().find(second).orElseThrow().status());
        assertEquals(ReconciliationStatus.VALIDATED, network.reconciliation().find(first).orElseThrow().status());
    }

    @Test
    void scheduledReconciliationsRunDailyOnTheSimulatedClock() {
        int before = network.reconciliation().ofRegistry(RegistryCode.of("GB")).size();
        network.reconciliation().schedule(RegistryCode.of("GB"), ReconciliationDriver.DAILY);

        network.advance(Duration.ofHours(23));
        assertEquals(before, network.reconciliation().ofRegistry(RegistryCode.of("GB")).size());
        network.advance(Duration.ofHours(2));
        network.advance(Duration.ofDays(1));

        List<Reconciliation> gb = network.reconciliation().ofRegistry(RegistryCode.of("GB"));
        assertEquals(before + 2, gb.size());
        assertTrue(gb.stream().allMatch(r -> r.status() == ReconciliationStatus.VALIDATED), gb.toString());
    }

    @Test
    void aSnapshotAheadOfTheRegistrysClockIsRefusedInTheReceiptWith6008AndTheLogEndsTheReconciliationDenied() {
        Instant future = network.clock().instant().plus(Duration.ofDays(1));
        Reconciliation reconciliation = reconcile("NZ", future);

        assertEquals(ReconciliationStatus.START_REQUEST_DENIED, reconciliation.status(), reconciliation.toString());
        assertEquals(Phase.DECIDED, reconciliation.phase());
        assertNames(reconciliation, ResponseCode.SNAPSHOT_IN_FUTURE, List.of());
        assertTrue(network.registryNode("NZ").reconciliation().find("ITL", reconciliation.id()).isEmpty(),
                "a start refused in the receipt is not kept by the registry");
        assertTrue(network.journal().find(null, "ITL", Direction.SENT, 1000, false).stream()
                        .anyMatch(e -> e.operation().equals("initiateReconciliation") && e.outcome().contains("6008")),
                "the ITL's journal shows the refusal of the start");
        assertTrue(network.journal().find(null, "NZ", Direction.PROCESSED, 1000, false).stream()
                        .anyMatch(e -> e.operation().equals("provideTotals") && e.outcome().contains("(6006)")),
                "the request for totals of a refused reconciliation is answered with nothing (6006)");
    }

    @Test
    void aSnapshotAFewSecondsAheadOfTheRegistrysClockIsTakenAsClockSkew() {
        Instant ahead = network.clock().instant().plusSeconds(3);

        Reconciliation reconciliation = reconcile("GB", ahead);

        assertEquals(ReconciliationStatus.VALIDATED, reconciliation.status(), reconciliation.toString());
        assertEquals(ahead.truncatedTo(java.time.temporal.ChronoUnit.MICROS), recordedByRegistry("GB", reconciliation.id()).snapshot());
    }

    @Test
    void aTransactionInTheRegistrysAuditTrailThatTheLogDoesNotKnowIsNamedWith6011() {
        AccountRef account = account("DE", 4001);
        UnitBlock block = aaus("DE", 70_001, 70_100);
        holdings.plant("DE", account, block);
        Proposal unknownToTheLog = new Proposal(TransactionId.parse("DE990001"), TransactionType.INTERNAL_TRANSFER, 0,
                RegistryCode.of("DE"), AccountRef.of(RegistryCode.of("DE"), AccountType.PARTY_HOLDING, 1),
                RegistryCode.of("DE"), account, null, List.of(block), Map.of(), network.clock().instant());
        Transaction completed = Transaction.propose(unknownToTheLog, network.clock().instant());
        completed.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, network.clock().instant());
        completed.finalise(network.clock().instant());
        NodeStores de = network.stores("DE");
        de.database().run(() -> de.transactions().save(completed));

        Reconciliation reconciliation = reconcile("DE");

        assertNames(reconciliation, ResponseCode.BLOCK_EXTRA, List.of(block.id()));
        assertNames(reconciliation, ResponseCode.AUDIT_TRAIL_DIFFERS, List.of());
    }

    @Test
    void aChunkForAReconciliationAlreadyDecidedIsIgnoredWith6009() throws Exception {
        Reconciliation decided = reconcile("CH");
        assertEquals(Phase.DECIDED, decided.phase());
        DesUnitBlocks late = new DesUnitBlocks();
        late.setReconciliationIdentifier(Long.toString(decided.id()));
        DesChunk chunk = new DesChunk();
        chunk.setChunkNumber(7);
        chunk.setLastChunk(true);
        late.setChunk(chunk);
        late.setUnitBlocks(new DesHeldUnitBlockList());
        TransactionLogPortType itl = SoapClients.transactionLog(network.addressOf("ITL"), "ITL",
                network.signaturesOf("CH"), Duration.ofSeconds(10));
        try {
            Envelope header = new Envelope("CH", "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION);
            assertEquals(1, itl.receiveUnitBlocks(Wire.LOG_RECEIVE_UNIT_BLOCKS.element(header, late)).getResultIdentifier());
        } finally {
            ((java.io.Closeable) itl).close();
        }
        network.settle();

        assertTrue(network.journal().find(null, "ITL", Direction.PROCESSED, 5000, false).stream()
                .anyMatch(e -> e.operation().equals("receiveUnitBlocks") && e.outcome().contains("(6009)")));
        assertEquals(ReconciliationStatus.VALIDATED, network.reconciliation().find(decided.id()).orElseThrow().status());
    }

    @Test
    void aRegistryAnswersProvideTotalsWithOnlyTheTotalsTheDesFiltersName() throws Exception {
        issueCers(1234, 2_000);
        Reconciliation decided = reconcile("CDM");
        assertTrue(accountTypesIn(latestTotalsFromCdm()).contains(100), "unfiltered, the Adaptation Fund counts");

        RegistryPortType cdm = SoapClients.registry(network.addressOf("CDM"), "CDM", network.signaturesOf("ITL"),
                Duration.ofSeconds(10));
        try {
            Envelope header = new Envelope("ITL", "CDM", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION);
            assertEquals(1, cdm.provideTotals(Wire.REGISTRY_PROVIDE_TOTALS.element(header, ReconciliationMapping.totalsRequest(decided.id(),
                    new HoldingGroup(AccountType.PENDING, null, null, UnitType.CER, null), false))).getResultIdentifier());
        } finally {
            ((java.io.Closeable) cdm).close();
        }
        network.settle();

        String answer = latestTotalsFromCdm();
        assertEquals(Set.of(110), Set.copyOf(accountTypesIn(answer)), answer);
        assertTrue(Pattern.compile("<(\\w+:)?unitType>5<").matcher(answer).find(), answer);
        assertFalse(Pattern.compile("<(\\w+:)?unitType>[^5]").matcher(answer).find(), answer);
    }

    /** The last receiveTotals the ITL received from the CDM registry, as signed XML. */
    private static String latestTotalsFromCdm() {
        List<String> received = network.journal().find(null, "ITL", Direction.RECEIVED, "receiveTotals", "CDM", 1000, true)
                .stream().map(e -> e.rawXml()).toList();
        return received.get(received.size() - 1);
    }

    private static List<Integer> accountTypesIn(String xml) {
        var matcher = Pattern.compile("<(?:\\w+:)?accountType>(\\d+)<").matcher(xml);
        List<Integer> types = new ArrayList<>();
        while (matcher.find()) {
            types.add(Integer.parseInt(matcher.group(1)));
        }
        return types;
    }

    // ---- helpers ----

    private static Reconciliation reconcile(String registry) {
        long id = network.reconciliation().initiate(RegistryCode.of(registry));
        network.settle();
        return network.reconciliation().find(id).orElseThrow();
    }

    private static Reconciliation reconcile(String registry, Instant snapshot) {
        long id = network.reconciliation().initiate(RegistryCode.of(registry), snapshot);
        network.settle();
        return network.reconciliation().find(id).orElseThrow();
    }

    private static RecordedReconciliation recordedByRegistry(String registry, long id) {
        return network.registryNode(registry).reconciliation().find("ITL", id).orElseThrow();
    }

    private static void assertNames(Reconciliation reconciliation, ResponseCode code, List<UnitBlockId> blocks) {
        List<EvaluationResult> withCode = reconciliation.results().stream().filter(r -> r.code() == code).toList();
        assertFalse(withCode.isEmpty(), () -> "no " + code.code() + " in " + reconciliation.results());
        if (!blocks.isEmpty()) {
            assertEquals(blocks, withCode.stream().flatMap(r -> r.blocks().stream()).toList(), withCode.toString());
        }
    }

    private static ProposalOutcome issueCers(long project, long quantity) {
        ProposalOutcome outcome = issueCersWithoutSettling(project, quantity);
        network.settle();
        return outcome;
    }

    private static ProposalOutcome issueCersWithoutSettling(long project, long quantity) {
        ProposalOutcome outcome = network.registryNode("CDM").submit(
                () -> network.cdm().issue(IssuanceRequest.cers(project, CommitmentPeriod.CP2, quantity)));
        assertTrue(outcome.isRecorded(), outcome::toString);
        return outcome;
    }

    private static ProposalOutcome forward(AccountRef to, long project, long quantity) {
        ProposalOutcome outcome = network.registryNode("CDM").submit(() -> network.cdm().forward(to,
                network.cdm().freeUnits(CdmAccounts.PENDING, project, quantity).orElseThrow()));
        assertTrue(outcome.isRecorded(), outcome::toString);
        network.settle();
        return outcome;
    }

    private static Transaction cdmTransaction(ProposalOutcome outcome) {
        NodeStores cdm = network.stores("CDM");
        return cdm.database().call(() -> cdm.transactions().find(outcome.transaction().id())).orElseThrow();
    }

    private static <T> T cdm(java.util.function.Supplier<T> work) {
        return network.stores("CDM").database().call(work);
    }

    private static AccountRef account(String registry, long identifier) {
        return AccountRef.of(RegistryCode.of(registry), AccountType.ENTITY_HOLDING, identifier);
    }

    /** Moves the ITL's record of the CDM's units to another pending account, history and all. */
    private static void setMirrorAccount(UnitBlockId block, long account) throws SQLException {
        execute("ITL", "update held_pieces set account_identifier = ? where account_registry = 'CDM'"
                        + " and originating_registry = ? and serial_start <= ? and serial_end >= ? and account_type = 110",
                account, block.originatingRegistry().value(), block.range().end(), block.range().start());
    }

    private static void execute(String node, String sql, Object... parameters) throws SQLException {
        try (Connection connection = network.stores(node).database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
