package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/**
 * The registry's side of a reconciliation, in the domain's words: what the ITL asks (a request of each
 * reconciliation operation as a record) and what the registry answers (totals, held blocks and audit trail entries
 * in numbered chunks). The registry's reconciliation never sees a generated wire type.
 */
public final class RegistryReconciliationMessages {

    /** What the ITL asks of a registry in a reconciliation. */
    public sealed interface Asked {
        /** The reconciliation asked about. */
        long reconciliation();
    }

    /** initiateReconciliation: fix the holdings as of {@code snapshot}. */
    public record Initiation(long reconciliation, Instant snapshot) implements Asked {
    }

    /**
     * provideTotals: the totals of the groups {@code only} covers (the DES filters; {@link HoldingGroup#any()} when
     * none is given), per group, or per account when {@code perAccount} (the DES's byAccountFlag); {@code snapshot} is
     * the moment the log names, or {@code null}.
     */
    public record TotalsAsked(long reconciliation, Instant snapshot, HoldingGroup only, boolean perAccount)
            implements Asked {
    }

    /** provideUnitBlocks: the held blocks of these groups (every group when empty). */
    public record UnitBlocksAsked(long reconciliation, List<HoldingGroup> groups) implements Asked {
    }

    /**
     * provideAuditTrail: the transactions that touched these blocks (any, when empty) in the period, narrowed by the
     * DES filters in {@code only}: a transaction is kept when it moved units of that unit type and supplementary unit
     * type from or to an account of that type, identifier and period (each filter absent matches anything).
     */
    public record AuditTrailAsked(long reconciliation, Instant from, Instant to, List<UnitBlockId> blocks,
                                  HoldingGroup only) implements Asked {
    }

    /** receiveReconciliationResult: the ITL's decision. */
    public record Result(long reconciliation, ReconciliationStatus status, Instant at, List<EvaluationResult> results)
            implements Asked {
    }

    private RegistryReconciliationMessages() {
    }

    /**
     * The request a reconciliation message carries, to a registry's RegistryService or to a supplementary log's
     * TransactionLogService (the same requests); fails for another operation.
     */
    public static Asked askedIn(InboundMessage message) {
        return switch (message.operation()) {
            case REGISTRY_INITIATE_RECONCILIATION -> initiation(message.content(Wire.REGISTRY_INITIATE_RECONCILIATION));
            case REGISTRY_PROVIDE_TOTALS -> totalsAsked(message.content(Wire.REGISTRY_PROVIDE_TOTALS));
            case LOG_PROVIDE_TOTALS -> totalsAsked(message.content(Wire.LOG_PROVIDE_TOTALS));
            case REGISTRY_PROVIDE_UNIT_BLOCKS -> unitBlocksAsked(message.content(Wire.REGISTRY_PROVIDE_UNIT_BLOCKS));
            case LOG_PROVIDE_UNIT_BLOCKS -> unitBlocksAsked(message.content(Wire.LOG_PROVIDE_UNIT_BLOCKS));
            case REGISTRY_PROVIDE_AUDIT_TRAIL -> auditTrailAsked(message.content(Wire.REGISTRY_PROVIDE_AUDIT_TRAIL));
            case LOG_PROVIDE_AUDIT_TRAIL -> auditTrailAsked(message.content(Wire.LOG_PROVIDE_AUDIT_TRAIL));
            case REGISTRY_RECEIVE_RECONCILIATION_RESULT -> result(message.content(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT));
            case LOG_RECEIVE_RECONCILIATION_RESULT -> result(message.content(Wire.LOG_RECEIVE_RECONCILIATION_RESULT));
            default -> throw new IllegalArgumentException(message.operation() + " is not a reconciliation message");
        };
    }

    private static TotalsAsked totalsAsked(DesTotalsRequest wire) {
        return new TotalsAsked(ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()),
                wire.getReconciliationSnapshotDatetime(), ReconciliationMapping.filterOf(wire),
                Boolean.TRUE.equals(wire.isByAccountFlag()));
    }

    private static UnitBlocksAsked unitBlocksAsked(DesUnitBlocksRequest wire) {
        return new UnitBlocksAsked(ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()),
                ReconciliationMapping.groupsOf(wire));
    }

    private static AuditTrailAsked auditTrailAsked(DesAuditTrailRequest wire) {
        return new AuditTrailAsked(ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()),
                wire.getAuditTrailBeginDatetime(), wire.getAuditTrailEndDatetime(),
                ReconciliationMapping.blocksOf(wire), ReconciliationMapping.filterOf(wire));
    }

    private static Result result(DesReconciliationResult wire) {
        return new Result(ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()),
                ReconciliationStatus.fromCode(wire.getReconciliationStatus()), wire.getStatusDateTime(),
                ReconciliationMapping.resultsOf(wire));
    }

    /** The initiation, when the message is an initiateReconciliation. */
    public static Optional<Initiation> initiationIn(InboundMessage message) {
        return message.contentIf(Wire.REGISTRY_INITIATE_RECONCILIATION).map(RegistryReconciliationMessages::initiation);
    }

    private static Initiation initiation(DesReconciliationSnapshot wire) {
        return new Initiation(ReconciliationMapping.identifierOf(wire.getReconciliationIdentifier()),
                wire.getSnapshotDatetime());
    }

    /** receiveTotals. */
    public static Outgoing<?> totals(long reconciliation, List<HoldingTotal> totals) {
        return new Outgoing<>(Wire.LOG_RECEIVE_TOTALS, ReconciliationMapping.totals(reconciliation, totals));
    }

    /** One chunk of receiveUnitBlocks. */
    public static Outgoing<?> unitBlocks(long reconciliation, int chunk, boolean last, List<HeldBlock> blocks) {
        return new Outgoing<>(Wire.LOG_RECEIVE_UNIT_BLOCKS, ReconciliationMapping.unitBlocks(reconciliation, chunk, last,
                blocks.stream().map(ReconciliationMapping::heldBlock).toList()));
    }

    /** One chunk of receiveAuditTrail: each transaction with its proposal and latest status. */
    public static Outgoing<?> auditTrail(long reconciliation, int chunk, boolean last, List<Transaction> transactions) {
        return new Outgoing<>(Wire.LOG_RECEIVE_AUDIT_TRAIL, ReconciliationMapping.auditTrail(reconciliation, chunk, last,
                transactions.stream().map(ReconciliationMapping::auditTrailEntry).toList()));
    }
}
