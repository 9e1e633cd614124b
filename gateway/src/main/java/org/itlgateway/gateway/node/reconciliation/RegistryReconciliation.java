package org.itlgateway.gateway.node.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.TransactionsTouching;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Outgoing;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Asked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.AuditTrailAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Initiation;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Result;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.TotalsAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.UnitBlocksAsked;
import org.itlgateway.schemas.DesContract;

/**
 * The side of a reconciliation that is reconciled: a registry, or a supplementary log (the CITL) that the ITL
 * reconciles like a registry. initiateReconciliation records the reconciliation and its snapshot time;
 * every later request is answered from the holdings as they were at that moment, so transactions processed
 * meanwhile change nothing that is reported. provideTotals answers with receiveTotals; provideUnitBlocks streams
 * the held blocks of the groups asked for, a chunk of at most 5,000 blocks per receiveUnitBlocks message, each
 * written to the outbox as soon as it is full; provideAuditTrail answers with the transactions that touched the
 * given blocks in the period, in chunks; receiveReconciliationResult records the log's decision. Every answer goes to
 * the log that asked, and a reconciliation is known by that log and its identifier, so the ITL's and the CITL's
 * reconciliations of an EU registry stay apart.
 *
 * <p>A supplementary log is asked through its TransactionLogService, which has no initiateReconciliation: it takes
 * the snapshot the first provideTotals of a reconciliation names (the moment it arrives when it names none), and
 * reports the holdings
 * of the registries it follows (the EU registries, added up across them).
 */
public final class RegistryReconciliation {

    /** The most audit trail entries in one receiveAuditTrail message. */
    static final int MAX_ENTRIES_PER_CHUNK = 1000;
    /**
     * The unit blocks in one receiveUnitBlocks message: fewer than the contract's most ({@link
     * DesContract#MAX_BLOCKS_PER_CHUNK}), chosen by measurement (BENCHMARKS.md, "Reconciliation"): a chunk is signed,
     * sent, verified and kept as one document, so smaller ones keep the sender's and receiver's memory low, and at
     * 1 M blocks a phase with chunks of 1,000 took 2.6 s against 3.3 s with chunks of 5,000 (250: 2.6 s).
     */
    static final int BLOCKS_PER_CHUNK = 1000;
    /**
     * How far ahead of the registry's clock a snapshot time may be and still be taken: the clocks of the ITL and the
     * registries are synchronised, and this covers what synchronisation leaves (a message is signed, sent and
     * verified in less). Further ahead, the start is refused with 6008.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    private final String self;
    private final Supplier<List<RegistryCode>> holders;
    private final boolean snapshotAtFirstRequest;
    private final Database database;
    private final HoldingSnapshots snapshots;
    private final GroupSnapshots groupSnapshots;
    private final Transactions transactions;
    private final TransactionsTouching touching;
    private final Clock clock;

    public RegistryReconciliation(RegistryCode code, Repositories repositories, Database database, Clock clock) {
        this(code.value(), () -> List.of(code), false, repositories, database, clock);
    }

    private RegistryReconciliation(String self, Supplier<List<RegistryCode>> holders, boolean snapshotAtFirstRequest,
                                   Repositories repositories, Database database, Clock clock) {
        this.self = self;
        this.holders = holders;
        this.snapshotAtFirstRequest = snapshotAtFirstRequest;
        this.database = database;
        this.snapshots = repositories.snapshots();
        this.groupSnapshots = repositories.groupSnapshots();
        this.transactions = repositories.transactions();
        this.touching = repositories.touching();
        this.clock = clock;
    }

    /**
     * A supplementary log's side: {@code self} is its code; it reports the holdings of the registries {@code followed}
     * gives at the time (the EU registries), from its own records of them in {@code repositories}.
     */
    public static RegistryReconciliation ofSupplementaryLog(String self, Supplier<List<RegistryCode>> followed,
                                                            Repositories repositories, Database database, Clock clock) {
        return new RegistryReconciliation(self, followed, true, repositories, database, clock);
    }

    /**
     * Whether this is a reconciliation request to the reconciled side, which {@link #handle} processes: those of the
     * RegistryService, and those of the TransactionLogService by which the ITL reconciles a supplementary log.
     */
    public static boolean handles(Operation operation) {
        return switch (operation) {
            case REGISTRY_INITIATE_RECONCILIATION, REGISTRY_PROVIDE_TOTALS, REGISTRY_PROVIDE_UNIT_BLOCKS,
                    REGISTRY_PROVIDE_AUDIT_TRAIL, REGISTRY_RECEIVE_RECONCILIATION_RESULT, LOG_PROVIDE_TOTALS,
                    LOG_PROVIDE_UNIT_BLOCKS, LOG_PROVIDE_AUDIT_TRAIL, LOG_RECEIVE_RECONCILIATION_RESULT -> true;
            default -> false;
        };
    }

    /** Processes one reconciliation message from the log, inside the inbox's unit of work. */
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        String log = message.signer();
        Asked asked = RegistryReconciliationMessages.askedIn(message);
        if (asked instanceof Initiation initiation) {
            return initiate(connection, log, initiation);
        } else if (asked instanceof TotalsAsked totals) {
            return totals(connection, log, totals);
        } else if (asked instanceof UnitBlocksAsked blocks) {
            return unitBlocks(connection, log, blocks);
        } else if (asked instanceof AuditTrailAsked trail) {
            return auditTrail(connection, log, trail);
        }
        return result(connection, log, (Result) asked);
    }

    /**
     * The refusal, given in the receipt of initiateReconciliation, of a snapshot time further ahead of this
     * registry's clock than {@link #CLOCK_TOLERANCE} (6008): the ITL learns at once that this reconciliation will not
     * run and ends it. Empty for every other message.
     */
    public Optional<Receipt> refusalAtReceipt(InboundMessage message) {
        Optional<Initiation> asked = RegistryReconciliationMessages.initiationIn(message);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant snapshot = asked.get().snapshot();
        if (snapshot == null || !tooFarAhead(snapshot, now)) {
            return Optional.empty();
        }
        return Optional.of(Receipt.refusal(ResponseCode.SNAPSHOT_IN_FUTURE, "the snapshot time " + snapshot
                + " of reconciliation " + asked.get().reconciliation() + " is later than " + self
                + "'s clock " + now + " (by more than " + CLOCK_TOLERANCE.toSeconds() + " s)"));
    }

    private static boolean tooFarAhead(Instant snapshot, Instant now) {
        return snapshot.isAfter(now.plus(CLOCK_TOLERANCE));
    }

    /** A reconciliation {@code log} started, as recorded here, with the log's result once it arrived. */
    public Optional<RecordedReconciliation> find(String log, long id) {
        return database.call(() -> database.session().doReturningWork(c -> RegistryReconciliations.find(c, log, id)));
    }

    /** The reconciliations recorded here, most recently started first, at most {@code limit}. */
    public List<RecordedReconciliation> recent(int limit) {
        return database.call(() -> database.session().doReturningWork(c -> RegistryReconciliations.recent(c, limit)));
    }

    private String initiate(Connection connection, String log, Initiation request) throws SQLException {
        Instant now = clock.instant();
        Instant snapshot = request.snapshot();
        long id = request.reconciliation();
        if (tooFarAhead(snapshot, now)) {
            RegistryReconciliations.record(connection, log, id, snapshot, now, ReconciliationStatus.START_REQUEST_DENIED,
                    "6008 the snapshot time " + snapshot + " is later than the registry's clock " + now);
            return "reconciliation " + id + " denied: snapshot in the future (6008)";
        }
        boolean recorded = RegistryReconciliations.record(connection, log, id, snapshot, now,
                ReconciliationStatus.INITIATED, null);
        return recorded ? "reconciliation " + id + " initiated; holdings fixed as of " + snapshot
                : "reconciliation " + id + " was initiated before";
    }

    private String totals(Connection connection, String log, TotalsAsked request) throws SQLException {
        long id = request.reconciliation();
        if (snapshotAtFirstRequest && RegistryReconciliations.find(connection, log, id).isEmpty()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant named = request.snapshot();
            if (named != null && tooFarAhead(named, now)) {
                RegistryReconciliations.record(connection, log, id, named, now, ReconciliationStatus.START_REQUEST_DENIED,
                        "6008 the snapshot time " + named + " is later than the clock " + now);
                return "reconciliation " + id + " denied: snapshot in the future (6008)";
            }
            RegistryReconciliations.record(connection, log, id, named == null ? now : named, now,
                    ReconciliationStatus.INITIATED, named == null ? "the snapshot is fixed by the first request for totals"
                            : "the snapshot is the one the first request for totals names");
        }
        Optional<RecordedReconciliation> known = usable(connection, log, id);
        if (known.isEmpty()) {
            return unknown(id);
        }
        Instant snapshot = known.get().snapshot();
        HoldingGroup only = request.only();
        List<RegistryCode> held = holders.get();
        List<HoldingTotal> totals = request.perAccount()
                ? covered(snapshots.accountTotalsAsOf(held, snapshot), only) : List.of();
        if (totals.isEmpty() || totals.size() > DesContract.MAX_BLOCKS_PER_CHUNK) {
            // Per account would not fit one message: the totals per group answer instead.
            totals = covered(snapshots.totalsAsOf(held, snapshot), only);
        }
        send(connection, log, RegistryReconciliationMessages.totals(id, totals));
        return totals.size() + " totals as of " + snapshot + (only.equals(HoldingGroup.any()) ? "" : " of " + only)
                + " sent";
    }

    private String unitBlocks(Connection connection, String log, UnitBlocksAsked request) throws SQLException {
        long id = request.reconciliation();
        Optional<RecordedReconciliation> known = usable(connection, log, id);
        if (known.isEmpty()) {
            return unknown(id);
        }
        List<HoldingGroup> groups = request.groups();
        Chunks<HeldBlock> chunks = new Chunks<>(BLOCKS_PER_CHUNK, (number, last, blocks) ->
                sendUnchecked(connection, log, RegistryReconciliationMessages.unitBlocks(id, number, last, blocks)));
        try (HeldBlockCursor pieces = groupSnapshots.holdingsAsOf(holders.get(), known.get().snapshot(), groups)) {
            pieces.forEachRemaining(chunks::add);
        }
        int sent = chunks.finish();
        return chunks.items() + " unit blocks of " + (groups.isEmpty() ? "all groups" : groups.size() + " groups")
                + " sent in " + sent + " chunks";
    }

    private String auditTrail(Connection connection, String log, AuditTrailAsked request) throws SQLException {
        long id = request.reconciliation();
        if (usable(connection, log, id).isEmpty()) {
            return unknown(id);
        }
        Chunks<Transaction> chunks = new Chunks<>(MAX_ENTRIES_PER_CHUNK, (number, last, entries) ->
                sendUnchecked(connection, log, RegistryReconciliationMessages.auditTrail(id, number, last, entries)));
        touching.find(request.from(), request.to(), request.blocks(),
                transactionId -> transactions.find(transactionId).filter(t -> concerns(t, request.only()))
                        .ifPresent(chunks::add));
        int sent = chunks.finish();
        return chunks.items() + " audit trail entries sent in " + sent + " chunks";
    }

    private String result(Connection connection, String log, Result result) throws SQLException {
        long id = result.reconciliation();
        if (RegistryReconciliations.find(connection, log, id).isEmpty()) {
            return unknown(id);
        }
        ReconciliationStatus status = result.status();
        RegistryReconciliations.recordResult(connection, log, id, status, result.at(), result.results());
        return "reconciliation " + id + ": " + status;
    }

    /** The totals of the groups {@code only} covers. */
    private static List<HoldingTotal> covered(List<HoldingTotal> totals, HoldingGroup only) {
        return totals.stream().filter(only::covers).toList();
    }

    /**
     * Whether a transaction is one an audit trail narrowed by the DES filters asks for: it moved a block of the unit
     * type and supplementary unit type asked, from or to an account of the type, identifier and period asked.
     */
    static boolean concerns(Transaction transaction, HoldingGroup only) {
        Proposal proposal = transaction.proposal();
        boolean units = proposal.blocks().stream().anyMatch(block ->
                (only.unitType() == null || block.unitType() == only.unitType())
                        && (only.suppUnitType() == null || block.attributes().suppUnitType() == only.suppUnitType()));
        boolean anyAccount = only.accountType() == null && only.accountIdentifier() == null && only.accountPeriod() == null;
        boolean account = anyAccount || matches(proposal.transferringAccount(), only)
                || matches(proposal.acquiringAccount(), only);
        return units && account;
    }

    private static boolean matches(AccountRef account, HoldingGroup only) {
        return account != null && (only.accountType() == null || account.type() == only.accountType())
                && (only.accountIdentifier() == null || account.identifier() == only.accountIdentifier())
                && (only.accountPeriod() == null || account.period() == only.accountPeriod());
    }

    /** The reconciliation, unless it is unknown here or its start was denied. */
    private static Optional<RecordedReconciliation> usable(Connection connection, String log, long id)
            throws SQLException {
        return RegistryReconciliations.find(connection, log, id)
                .filter(r -> r.status() != ReconciliationStatus.START_REQUEST_DENIED);
    }

    private static String unknown(long id) {
        return "reconciliation " + id + " is unknown or was denied (6006); nothing sent";
    }

    private void send(Connection connection, String log, Outgoing<?> message) throws SQLException {
        Outbox.enqueue(connection, OutboundMessage.of(self, log, message), clock.instant());
    }

    private void sendUnchecked(Connection connection, String log, Outgoing<?> message) {
        try {
            send(connection, log, message);
        } catch (SQLException e) {
            throw new IllegalStateException("writing a chunk to the outbox failed: " + e.getMessage(), e);
        }
    }
}
