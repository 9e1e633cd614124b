package org.itlgateway.simulator.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.reconciliation.BlockDifference;
import org.itlgateway.core.reconciliation.HoldingComparison;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.reconciliation.TotalDifference;
import org.itlgateway.core.reconciliation.TotalsComparison;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.ReconciliationMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.gateway.wire.WireOperation;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailEntry;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.simulator.itl.InconsistentUnits;
import org.itlgateway.simulator.reconciliation.Reconciliation.Phase;
import org.itlgateway.simulator.reconciliation.ReconciliationRecords.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A log's reconciliation of the parties it follows against its own records of their holdings, on demand and on a
 * schedule: the ITL's of every registry and of the CITL (its records of the EU registries, compared with the ITL's
 * mirror of them), the CITL's of the EU registries. Each log runs its own driver, on its own schema, numbering its
 * reconciliations on its own.
 *
 * <ol>
 *   <li>{@link #initiate}: fixes the snapshot time, sends initiateReconciliation (to a registry; a supplementary log
 *       has none) and provideTotals (per account, naming the snapshot time).</li>
 *   <li>receiveTotals: compares with the mirror's totals of the same snapshot; equal totals validate (2);
 *       otherwise the differing groups (6001) are asked for with provideUnitBlocks.</li>
 *   <li>receiveUnitBlocks, chunk by chunk: the blocks are kept; once every chunk is in, they are compared unit by
 *       unit with the mirror's blocks of the same groups, in one streamed pass (missing 6002, extra 6003, another
 *       account 6004, other attributes 6005). No block difference leaves the totals inconsistent (3); otherwise
 *       provideAuditTrail asks for the transactions that touched the differing blocks since the last consistent
 *       reconciliation.</li>
 *   <li>receiveAuditTrail: each entry is compared with the log's own record of the transaction (6011); after the
 *       last chunk the unit blocks are inconsistent (4), and the result names what differs.</li>
 * </ol>
 * An inconsistency stays open, and the units it names refuse transactions (6010), until an operator resolves it by
 * manual intervention ({@link #resolveManually}), saying which side was right: the reconciliation then completes with
 * status 6, and when the registry was right the log's records of the differing units are corrected to its holdings.
 */
public final class ReconciliationDriver implements InconsistentUnits {

    /** The default period of scheduled reconciliations, on the simulated clock. */
    public static final Duration DAILY = Duration.ofDays(1);
    private static final String ALL = "*";
    private static final int MAX_GROUPS_PER_REQUEST = 5000;
    private static final Logger LOGGER = LoggerFactory.getLogger(ReconciliationDriver.class);

    private final String self;
    private final Database database;
    private final HoldingSnapshots mirror;
    private final GroupSnapshots mirrorBlocks;
    private final Transactions transactions;
    private final Ledger ledger;
    private final Supplier<List<ReconciledParty>> parties;
    private final Clock clock;
    private volatile BiConsumer<ReconciliationStatus, Duration> decided = (status, took) -> { };

    /**
     * @param self         the log's node code (ITL, CITL), the sender of every reconciliation message
     * @param database     the log's database (its schema gets the reconciliation tables)
     * @param repositories the log's repositories on it: its records of the registries' holdings, as of any moment,
     *                     and the transactions it has seen
     * @param parties      whom it reconciles: a reconciliation of all covers each of them, and no other is started
     */
    public ReconciliationDriver(String self, Database database, Repositories repositories,
                                Supplier<List<ReconciledParty>> parties, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.database = Objects.requireNonNull(database, "database");
        this.mirror = repositories.snapshots();
        this.mirrorBlocks = repositories.groupSnapshots();
        this.transactions = repositories.transactions();
        this.ledger = repositories.ledger();
        this.parties = Objects.requireNonNull(parties, "parties");
        this.clock = Objects.requireNonNull(clock, "clock");
        SimulatorSchema.migrate(database.dataSource(), database.schema());
    }

    /**
     * Tells {@code observer} of every reconciliation decided from now on: its status and how long it took on this
     * log's clock, from its start to its decision (for the log's meters).
     */
    public void onDecided(BiConsumer<ReconciliationStatus, Duration> observer) {
        this.decided = Objects.requireNonNull(observer, "observer");
    }

    private void decided(Connection connection, long id, ReconciliationStatus status, Instant now) throws SQLException {
        Optional<Instant> started = ReconciliationRecords.startedAt(connection, id);
        decided.accept(status, started.map(at -> Duration.between(at, now)).orElse(Duration.ZERO));
    }

    /** The log that runs these reconciliations. */
    public String self() {
        return self;
    }

    /** Whether this log reconciles {@code party} (a registry code, or CITL). */
    public boolean reconciles(String party) {
        return parties.get().stream().anyMatch(p -> p.code().equals(party));
    }

    // ---- starting: on demand and on a schedule ----

    /**
     * Starts a reconciliation of {@code registry} as of now; answers its identifier. When one of the registry's
     * reconciliations is still running, the start is denied (status 7, 6007) and recorded as such.
     */
    public long initiate(RegistryCode registry) {
        return initiate(registry.value());
    }

    /** Starts a reconciliation of {@code registry} as of an earlier moment; answers its identifier. */
    public long initiate(RegistryCode registry, Instant snapshot) {
        return initiate(registry.value(), snapshot);
    }

    /**
     * Starts a reconciliation of {@code party} (a registry code, or CITL) as of now; answers its identifier. Fails
     * when this log does not reconcile it.
     */
    public long initiate(String party) {
        ReconciledParty reconciled = party(party);
        return inUnitOfWork(connection -> initiate(connection, reconciled, clock.instant()));
    }

    /** Starts a reconciliation of {@code party} as of an earlier moment; answers its identifier. */
    public long initiate(String party, Instant snapshot) {
        ReconciledParty reconciled = party(party);
        return inUnitOfWork(connection -> initiate(connection, reconciled, snapshot));
    }

    /** Starts a reconciliation of every party this log reconciles; answers their identifiers. */
    public List<Long> initiateAll() {
        List<Long> ids = new ArrayList<>();
        for (ReconciledParty party : parties.get()) {
            ids.add(inUnitOfWork(connection -> initiate(connection, party, clock.instant())));
        }
        return ids;
    }

    /**
     * Reconciles {@code registry} (or every registry, when {@code null}) every {@code every} on the simulated
     * clock, the first time {@code every} from now.
     */
    public void schedule(RegistryCode registry, Duration every) {
        schedule(registry == null ? null : registry.value(), every);
    }

    /**
     * Reconciles {@code party} (a registry code, or CITL; every party of this log when {@code null}) every
     * {@code every} on the simulated clock, the first time {@code every} from now.
     */
    public void schedule(String party, Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a schedule needs a positive period");
        }
        if (party != null) {
            party(party);
        }
        inUnitOfWork(connection -> {
            ReconciliationRecords.schedule(connection, party == null ? ALL : party, every, clock.instant().plus(every));
            return null;
        });
    }

    /** Reconciles every party daily on the simulated clock. */
    public void scheduleDaily() {
        schedule((String) null, DAILY);
    }

    /** Starts the scheduled reconciliations that are due; answers how many started. A node's periodic duty. */
    public int runDue() {
        return inUnitOfWork(connection -> {
            int started = 0;
            for (String due : ReconciliationRecords.takeDue(connection, clock.instant())) {
                List<ReconciledParty> targets = ALL.equals(due) ? parties.get()
                        : parties.get().stream().filter(p -> p.code().equals(due)).toList();
                for (ReconciledParty party : targets) {
                    initiate(connection, party, clock.instant());
                    started++;
                }
            }
            return started;
        });
    }

    // ---- what operators and testers see and do ----

    public Optional<Reconciliation> find(long id) {
        return inUnitOfWork(connection -> ReconciliationRecords.find(connection, id).map(row -> toReconciliation(connection, row)));
    }

    /** The registry's reconciliations by this log, latest first. */
    public List<Reconciliation> ofRegistry(RegistryCode registry) {
        return ofParty(registry.value());
    }

    /** The reconciliations of {@code party} (a registry code, or CITL) by this log, latest first. */
    public List<Reconciliation> ofParty(String party) {
        return inUnitOfWork(connection -> {
            List<Reconciliation> found = new ArrayList<>();
            for (long id : ReconciliationRecords.ofRegistry(connection, party)) {
                ReconciliationRecords.find(connection, id).ifPresent(row -> found.add(toReconciliation(connection, row)));
            }
            return found;
        });
    }

    /**
     * Resolves an open inconsistency by manual intervention, the log's records standing ({@link RightSide#LOG}).
     *
     * @see #resolveManually(long, String, String, RightSide)
     */
    public Reconciliation resolveManually(long id, String operator, String note) {
        return resolveManually(id, operator, note, RightSide.LOG);
    }

    /**
     * Resolves an open inconsistency by manual intervention: the administrator says which side was right. When it is
     * the registry, the log's records of every unit found differing (6002-6005) are set to what the registry
     * reported, so the next reconciliation validates; when it is the log, nothing changes here and the registry
     * corrects its own holdings. The reconciliation completes with status 6, recorded with who, why and what was
     * corrected; the registry is told, and the units take transactions again. Refused when the reconciliation is
     * not an open inconsistency.
     */
    public Reconciliation resolveManually(long id, String operator, String note, RightSide rightSide) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(rightSide, "right side");
        return inUnitOfWork(connection -> {
            Row row = ReconciliationRecords.lock(connection, id)
                    .orElseThrow(() -> new IllegalArgumentException("no reconciliation " + id + " (6006)"));
            if (!row.status().isInconsistent()) {
                throw new IllegalStateException("reconciliation " + id + " is " + row.status() + ", not an open inconsistency");
            }
            ReconciledParty party = party(row.registry());
            if (rightSide == RightSide.REGISTRY && party.isSupplementaryLog()) {
                throw new IllegalStateException("reconciliation " + id + " is of " + party.code() + ", whose reported"
                        + " blocks name no registry: the log's records cannot be set to them");
            }
            Instant now = clock.instant();
            long corrected = rightSide == RightSide.REGISTRY ? correctLogToRegistry(connection, row, party, now) : 0;
            ReconciliationRecords.resolve(connection, id, operator, note, now);
            Interventions.record(connection, id, rightSide, corrected);
            ReportedBlocks.clear(connection, id);
            List<EvaluationResult> results = Findings.results(connection, id);
            send(connection, row.registry(), Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT, ReconciliationMapping.result(id,
                    ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION, now, results));
            LOGGER.info("reconciliation {} of {} completed after manual intervention by {}: the {} was right{}", id,
                    row.registry(), operator, rightSide == RightSide.LOG ? "log" : "registry",
                    corrected == 0 ? "" : "; " + corrected + " units of the log's records corrected");
            return toReconciliation(connection, ReconciliationRecords.find(connection, id).orElseThrow());
        });
    }

    /** Sets the log's records of every differing unit to what the registry reported; answers how many units. */
    private long correctLogToRegistry(Connection connection, Row row, ReconciledParty party, Instant now)
            throws SQLException {
        long units = 0;
        for (UnitBlockId block : Findings.differingBlocks(connection, row.id())) {
            List<HeldBlock> asReported = ReportedBlocks.overlapping(connection, row.id(), party.accountsOf(), block);
            ledger.correct(block.originatingRegistry(), block.range(), asReported, now);
            units += block.range().quantity();
        }
        return units;
    }

    @Override
    public List<UnitBlockId> openAmong(List<UnitBlockId> blocks) {
        return inUnitOfWork(connection -> Findings.openAmong(connection, blocks));
    }

    // ---- the registries' answers, from the ITL's inbox ----

    /**
     * A registry refused one of the reconciliation's messages in its receipt. A refused start (initiateReconciliation,
     * e.g. 6008 for a snapshot time ahead of the registry's clock) ends the reconciliation, if it still waits for its
     * totals, as start request denied (7) with the registry's codes as findings; the registry is not told again.
     * Run in the transaction that records the refusal in the outbox. Other refusals change nothing here.
     */
    public void refusedByRegistry(Connection connection, OutboundMessage message, List<Integer> codes) throws SQLException {
        Optional<DesReconciliationSnapshot> refusedStart = message.contentIf(Wire.REGISTRY_INITIATE_RECONCILIATION);
        if (refusedStart.isEmpty()) {
            return;
        }
        long id = ReconciliationMapping.identifierOf(refusedStart.get().getReconciliationIdentifier());
        Optional<Row> row = ReconciliationRecords.lock(connection, id)
                .filter(found -> found.registry().equals(message.destination()) && found.phase() == Phase.TOTALS);
        if (row.isEmpty()) {
            return;
        }
        Instant deniedAt = clock.instant();
        ReconciliationRecords.moveTo(connection, id, Phase.DECIDED, ReconciliationStatus.START_REQUEST_DENIED, deniedAt);
        decided(connection, id, ReconciliationStatus.START_REQUEST_DENIED, deniedAt);
        try (Findings findings = Findings.of(connection, id)) {
            for (int code : codes) {
                ResponseCode.find(code).ifPresent(known -> findings.add(known, null,
                        message.destination() + " refused the start of the reconciliation (" + code + ")"));
            }
        }
        LOGGER.info("reconciliation {} of {}: the registry refused its start {}; start request denied (7)", id,
                message.destination(), codes);
    }

    /** Whether this is an answer to a reconciliation, which {@link #handle} processes. */
    public static boolean handles(Operation operation) {
        return operation == Operation.LOG_RECEIVE_TOTALS || operation == Operation.LOG_RECEIVE_UNIT_BLOCKS
                || operation == Operation.LOG_RECEIVE_AUDIT_TRAIL;
    }

    /** Processes one registry answer inside the inbox's unit of work; answers what happened, for the journal. */
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        return switch (message.operation()) {
            case LOG_RECEIVE_TOTALS -> totals(connection, message.signer(), message.content(Wire.LOG_RECEIVE_TOTALS));
            case LOG_RECEIVE_UNIT_BLOCKS ->
                    unitBlocks(connection, message.signer(), message.content(Wire.LOG_RECEIVE_UNIT_BLOCKS));
            case LOG_RECEIVE_AUDIT_TRAIL ->
                    auditTrail(connection, message.signer(), message.content(Wire.LOG_RECEIVE_AUDIT_TRAIL));
            default -> throw new IllegalArgumentException(message.operation() + " is not a reconciliation answer");
        };
    }

    private String totals(Connection connection, String sender, DesTotals wire) throws SQLException {
        long id = ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier());
        Optional<Row> found = expecting(connection, id, sender, Phase.TOTALS);
        if (found.isEmpty()) {
            return ignored(id, sender, "totals");
        }
        Row row = found.get();
        List<RegistryCode> holders = party(row.registry()).holders();
        List<HoldingTotal> reported = ReconciliationMapping.totalsOf(wire);
        boolean perAccount = reported.stream().anyMatch(t -> t.accountIdentifier() != null);
        List<HoldingTotal> recorded = perAccount ? mirror.accountTotalsAsOf(holders, row.snapshot())
                : mirror.totalsAsOf(holders, row.snapshot());
        List<TotalDifference> differences = TotalsComparison.differences(reported, recorded);
        Instant now = clock.instant();
        ReconciliationRecords.stampComparison(connection, id, true, now);
        if (differences.isEmpty()) {
            decide(connection, row, ReconciliationStatus.VALIDATED, now);
            return "reconciliation " + id + ": " + reported.size() + " totals agree; validated (2)";
        }
        try (Findings findings = Findings.of(connection, id)) {
            for (TotalDifference difference : differences) {
                findings.add(ResponseCode.TOTALS_DIFFER, null, difference.toString());
            }
        }
        List<HoldingGroup> groups = differences.stream().map(TotalDifference::group).toList();
        ReconciliationRecords.saveGroups(connection, id, groups);
        ReconciliationRecords.moveTo(connection, id, Phase.UNIT_BLOCKS, ReconciliationStatus.INITIATED, now);
        send(connection, row.registry(), Wire.REGISTRY_PROVIDE_UNIT_BLOCKS, ReconciliationMapping.unitBlocksRequest(id,
                groups.size() > MAX_GROUPS_PER_REQUEST ? List.of() : groups));
        return "reconciliation " + id + ": " + differences.size() + " groups differ (6001); their unit blocks asked for";
    }

    private String unitBlocks(Connection connection, String sender, DesUnitBlocks wire) throws SQLException {
        long id = ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier());
        Optional<Row> found = expecting(connection, id, sender, Phase.UNIT_BLOCKS);
        if (found.isEmpty()) {
            return ignored(id, sender, "unit blocks chunk " + wire.getChunk().getChunkNumber() + " (6009)");
        }
        int chunk = wire.getChunk().getChunkNumber();
        ReportedBlocks.add(connection, id, chunk, wire.getUnitBlocks().getUnitBlock());
        Row row = ReconciliationRecords.countChunk(connection, id, true, chunk, wire.getChunk().isLastChunk());
        if (row.lastBlockChunk() == null || row.blockChunks() < row.lastBlockChunk()) {
            return "reconciliation " + id + ": chunk " + chunk + " of unit blocks kept";
        }
        return compareBlocks(connection, row);
    }

    /** Every chunk is in: the reported blocks against the mirror's, in one streamed pass. */
    private String compareBlocks(Connection connection, Row row) throws SQLException {
        long id = row.id();
        ReconciledParty party = party(row.registry());
        List<HoldingGroup> groups = ReconciliationRecords.groups(connection, id);
        List<UnitBlockId> differing = new ArrayList<>();
        long[] count = new long[1];
        try (Findings findings = Findings.of(connection, id);
             HeldBlockCursor reported = ReportedBlocks.inOrder(connection, id, party.accountsOf());
             HeldBlockCursor recorded = party.asCompared(mirrorBlocks.holdingsAsOf(party.holders(), row.snapshot(),
                     groups.size() > MAX_GROUPS_PER_REQUEST ? List.of() : groups))) {
            HoldingComparison.compare(reported, recorded, (BlockDifference difference) -> {
                findings.add(difference.code(), difference.block(), difference.detail());
                count[0]++;
                if (differing.size() < Findings.MAX_BLOCKS_PER_CODE) {
                    differing.add(difference.block());
                }
            });
        }
        Instant now = clock.instant();
        ReconciliationRecords.stampComparison(connection, id, false, now);
        if (count[0] == 0) {
            ReportedBlocks.clear(connection, id);
            decide(connection, row, ReconciliationStatus.TOTALS_INCONSISTENT, now);
            return "reconciliation " + id + ": the blocks agree although the totals differ; totals inconsistent (3)";
        }
        ReconciliationRecords.moveTo(connection, id, Phase.AUDIT_TRAIL, ReconciliationStatus.INITIATED, now);
        Instant from = ReconciliationRecords.lastConsistentSnapshot(connection, row.registry(), row.snapshot())
                .orElse(Instant.EPOCH);
        send(connection, row.registry(), Wire.REGISTRY_PROVIDE_AUDIT_TRAIL,
                ReconciliationMapping.auditTrailRequest(id, from, row.snapshot(), differing));
        return "reconciliation " + id + ": " + count[0] + " blocks differ; the audit trail asked for";
    }

    private String auditTrail(Connection connection, String sender, DesAuditTrail wire) throws SQLException {
        long id = ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier());
        Optional<Row> found = expecting(connection, id, sender, Phase.AUDIT_TRAIL);
        if (found.isEmpty()) {
            return ignored(id, sender, "audit trail chunk " + wire.getChunk().getChunkNumber() + " (6009)");
        }
        int differing = 0;
        try (Findings findings = Findings.of(connection, id)) {
            for (DesAuditTrailEntry entry : wire.getTransactions().getAuditTrailEntry()) {
                String difference = differenceFromLog(entry);
                if (difference != null) {
                    differing++;
                    for (UnitBlockId block : ReconciliationMapping.blocksOf(entry)) {
                        findings.add(ResponseCode.AUDIT_TRAIL_DIFFERS, block, difference);
                    }
                }
            }
        }
        int chunk = wire.getChunk().getChunkNumber();
        Row row = ReconciliationRecords.countChunk(connection, id, false, chunk, wire.getChunk().isLastChunk());
        if (row.lastAuditChunk() == null || row.auditChunks() < row.lastAuditChunk()) {
            return "reconciliation " + id + ": audit trail chunk " + chunk + " compared (" + differing + " differ)";
        }
        decide(connection, row, ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, clock.instant());
        return "reconciliation " + id + ": unit blocks inconsistent (4)";
    }

    /** How the registry's record of a transaction differs from the log's, or {@code null} when it does not. */
    private String differenceFromLog(DesAuditTrailEntry entry) {
        TransactionId id = TransactionId.parse(entry.getTransactionIdentifier());
        Optional<Transaction> known = transactions.find(id);
        if (known.isEmpty()) {
            return "transaction " + id + " is in the registry's audit trail but unknown to the log";
        }
        Transaction transaction = known.get();
        if (transaction.status().code() != entry.getTransactionStatus()) {
            return "transaction " + id + " has status " + entry.getTransactionStatus() + " in the registry, "
                    + transaction.status().code() + " in the log";
        }
        List<UnitBlockId> moved = transaction.proposal().blocks().stream().map(UnitBlock::id).toList();
        if (!moved.equals(ReconciliationMapping.blocksOf(entry))) {
            return "transaction " + id + " moved other blocks in the registry than in the log";
        }
        return null;
    }

    // ---- plumbing ----

    private long initiate(Connection connection, ReconciledParty party, Instant at) throws SQLException {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        String registry = party.code();
        long id = ReconciliationRecords.nextId(connection);
        Optional<Long> running = ReconciliationRecords.running(connection, registry);
        if (running.isPresent()) {
            ReconciliationRecords.insert(connection, id, registry, now, now, Phase.DECIDED,
                    ReconciliationStatus.START_REQUEST_DENIED);
            try (Findings findings = Findings.of(connection, id)) {
                findings.add(ResponseCode.RECONCILIATION_ALREADY_RUNNING, null,
                        "reconciliation " + running.get() + " of " + registry + " is still running");
            }
            return id;
        }
        ReconciliationRecords.insert(connection, id, registry, now, now, Phase.TOTALS, ReconciliationStatus.INITIATED);
        if (!party.isSupplementaryLog()) {
            send(connection, registry, Wire.REGISTRY_INITIATE_RECONCILIATION, ReconciliationMapping.snapshot(id, now));
        }
        send(connection, registry, Wire.REGISTRY_PROVIDE_TOTALS,
                ReconciliationMapping.totalsRequest(id, now, HoldingGroup.any(), true));
        LOGGER.info("{}'s reconciliation {} of {} initiated as of {}", self, id, registry, now);
        return id;
    }

    /** The party of that code this log reconciles; fails for another. */
    private ReconciledParty party(String code) {
        return parties.get().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(self + " does not reconcile " + code));
    }

    private void decide(Connection connection, Row row, ReconciliationStatus status, Instant now) throws SQLException {
        ReconciliationRecords.moveTo(connection, row.id(), Phase.DECIDED, status, now);
        decided(connection, row.id(), status, now);
        List<EvaluationResult> results = status == ReconciliationStatus.VALIDATED ? List.of()
                : Findings.results(connection, row.id());
        send(connection, row.registry(), Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT,
                ReconciliationMapping.result(row.id(), status, now, results));
        LOGGER.info("reconciliation {} of {}: {}", row.id(), row.registry(), status);
    }

    /** The reconciliation, when it exists, belongs to the sender and waits for this phase's answer. */
    private static Optional<Row> expecting(Connection connection, long id, String sender, Phase phase) throws SQLException {
        return ReconciliationRecords.lock(connection, id)
                .filter(row -> row.registry().equals(sender) && row.phase() == phase);
    }

    private static String ignored(long id, String sender, String what) {
        return "reconciliation " + id + " does not wait for " + what + " from " + sender + "; ignored";
    }

    private Reconciliation toReconciliation(Connection connection, Row row) {
        try {
            return new Reconciliation(row.id(), self, row.registry(), row.snapshot(), row.phase(), row.status(), row.statusAt(),
                    row.resolvedBy(), Findings.results(connection, row.id()), row.totalsComparedAt(),
                    row.blocksComparedAt(), Interventions.of(connection, row.id()).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a reconciliation request to {@code party}: the RegistryService operation named, or for a supplementary log
     * the TransactionLogService operation of the same name.
     */
    private <C> void send(Connection connection, String party, WireOperation<?, C> operation, C content)
            throws SQLException {
        Outbox.enqueue(connection, OutboundMessage.of(self, party, party(party).addressed(operation), content),
                clock.instant());
    }

    private <T> T inUnitOfWork(ConnectionWork<T> work) {
        return database.call(() -> database.session().doReturningWork(work::run));
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
