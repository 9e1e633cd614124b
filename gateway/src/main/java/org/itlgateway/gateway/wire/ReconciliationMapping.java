package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailEntry;
import org.itlgateway.schemas.v1.types.DesAuditTrailEntryList;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesChunk;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlock;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlockList;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotal;
import org.itlgateway.schemas.v1.types.DesTotalList;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsGroup;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifierList;
import org.itlgateway.schemas.v1.types.DesUnitBlockRequest;
import org.itlgateway.schemas.v1.types.DesUnitBlockRequestList;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/** Reconciliation messages between the domain and the wire, in both directions. */
public final class ReconciliationMapping {

    private ReconciliationMapping() {
    }

    /** A reconciliation's identifier as the DES types it: a string (this log's are decimal numbers). */
    public static String identifier(long reconciliation) {
        return Long.toString(reconciliation);
    }

    /** The number behind an identifier; the schema lets through only the decimal numbers this log writes. */
    public static long identifierOf(String wire) {
        return Long.parseLong(wire);
    }

    public static DesReconciliationSnapshot snapshot(long reconciliation, Instant snapshot) {
        DesReconciliationSnapshot wire = new DesReconciliationSnapshot();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setSnapshotDatetime(snapshot);
        return wire;
    }

    /** provideTotals, with the DES filters of {@code only} that are given, by account when {@code perAccount}. */
    public static DesTotalsRequest totalsRequest(long reconciliation, HoldingGroup only, boolean perAccount) {
        return totalsRequest(reconciliation, null, only, perAccount);
    }

    /** The same naming the snapshot time ({@code null}: none), as the DES's reconciliationSnapshotDatetime. */
    public static DesTotalsRequest totalsRequest(long reconciliation, Instant snapshot, HoldingGroup only,
                                                 boolean perAccount) {
        DesTotalsRequest wire = new DesTotalsRequest();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setReconciliationSnapshotDatetime(snapshot);
        wire.setUnitType(only.unitType() == null ? null : only.unitType().code());
        wire.setSuppUnitType(only.suppUnitType());
        wire.setAccountCommitPeriod(only.accountPeriod() == null ? null : only.accountPeriod().code());
        wire.setAccountType(only.accountType() == null ? null : only.accountType().code());
        wire.setByAccountFlag(perAccount);
        return wire;
    }

    /** The filters a provideTotals gives (account type, period, unit type, supplementary unit type), any when absent. */
    public static HoldingGroup filterOf(DesTotalsRequest wire) {
        return new HoldingGroup(wire.getAccountType() == null ? null : AccountType.fromCode(wire.getAccountType()), null,
                wire.getAccountCommitPeriod() == null ? null : CommitmentPeriod.fromCode(wire.getAccountCommitPeriod()),
                wire.getUnitType() == null ? null : UnitType.fromCode(wire.getUnitType()), wire.getSuppUnitType());
    }

    public static DesTotals totals(long reconciliation, List<HoldingTotal> totals) {
        DesTotalList list = new DesTotalList();
        for (HoldingTotal total : totals) {
            DesTotal wire = new DesTotal();
            fill(wire, HoldingGroup.of(total));
            wire.setUnitCount(total.units());
            list.getTotal().add(wire);
        }
        DesTotals wire = new DesTotals();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setTotals(list);
        return wire;
    }

    public static List<HoldingTotal> totalsOf(DesTotals wire) {
        List<HoldingTotal> totals = new ArrayList<>();
        for (DesTotal total : wire.getTotals().getTotal()) {
            HoldingGroup group = groupOf(total);
            totals.add(new HoldingTotal(group.accountType(), group.accountIdentifier(), group.accountPeriod(),
                    group.unitType(), group.suppUnitType(), total.getUnitCount()));
        }
        return totals;
    }

    /** provideUnitBlocks: one DES UnitBlockRequest per group, its fields left out where the group leaves them open. */
    public static DesUnitBlocksRequest unitBlocksRequest(long reconciliation, List<HoldingGroup> groups) {
        DesUnitBlocksRequest wire = new DesUnitBlocksRequest();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        if (!groups.isEmpty()) {
            DesUnitBlockRequestList list = new DesUnitBlockRequestList();
            for (HoldingGroup group : groups) {
                DesUnitBlockRequest request = new DesUnitBlockRequest();
                request.setUnitType(group.unitType() == null ? null : group.unitType().code());
                request.setSuppUnitType(group.suppUnitType());
                request.setAccountCommitPeriod(group.accountPeriod() == null ? null : group.accountPeriod().code());
                request.setAccountType(group.accountType() == null ? null : group.accountType().code());
                request.setAccountIdentifier(group.accountIdentifier());
                list.getUnitBlockRequest().add(request);
            }
            wire.setUnitBlockRequests(list);
        }
        return wire;
    }

    /** The groups a provideUnitBlocks asks for (none: every block); a field left out matches any value. */
    public static List<HoldingGroup> groupsOf(DesUnitBlocksRequest wire) {
        if (wire.getUnitBlockRequests() == null) {
            return List.of();
        }
        return wire.getUnitBlockRequests().getUnitBlockRequest().stream()
                .map(request -> new HoldingGroup(
                        request.getAccountType() == null ? null : AccountType.fromCode(request.getAccountType()),
                        request.getAccountIdentifier(),
                        request.getAccountCommitPeriod() == null ? null
                                : CommitmentPeriod.fromCode(request.getAccountCommitPeriod()),
                        request.getUnitType() == null ? null : UnitType.fromCode(request.getUnitType()),
                        request.getSuppUnitType()))
                .toList();
    }

    public static DesUnitBlocks unitBlocks(long reconciliation, int chunkNumber, boolean lastChunk,
                                           List<DesHeldUnitBlock> blocks) {
        DesHeldUnitBlockList list = new DesHeldUnitBlockList();
        list.getUnitBlock().addAll(blocks);
        DesUnitBlocks wire = new DesUnitBlocks();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setChunk(chunk(chunkNumber, lastChunk));
        wire.setUnitBlocks(list);
        return wire;
    }

    public static DesHeldUnitBlock heldBlock(HeldBlock piece) {
        DesHeldUnitBlock wire = UnitBlockMapping.write(piece.block(), new DesHeldUnitBlock());
        wire.setAccountType(piece.account().type().code());
        wire.setAccountIdentifier(piece.account().identifier());
        wire.setAccountCommitPeriod(piece.account().period().code());
        return wire;
    }

    /** A reported block as a piece held by an account of {@code registry} (reported blocks are never reserved). */
    public static HeldBlock heldBlockOf(RegistryCode registry, DesHeldUnitBlock wire) {
        AccountRef account = new AccountRef(registry, AccountType.fromCode(wire.getAccountType()),
                wire.getAccountIdentifier(), CommitmentPeriod.fromCode(wire.getAccountCommitPeriod()));
        return HeldBlock.free(UnitBlockMapping.read(wire), account);
    }

    /** The identities of the blocks an audit trail entry says its transaction moved, in the entry's order. */
    public static List<UnitBlockId> blocksOf(DesAuditTrailEntry wire) {
        return wire.getTransactionBlocks() == null ? List.of()
                : wire.getTransactionBlocks().getUnitBlock().stream().map(UnitBlockMapping::idOf).toList();
    }

    public static DesAuditTrailRequest auditTrailRequest(long reconciliation, Instant periodStart, Instant periodEnd,
                                                         List<UnitBlockId> blocks) {
        DesAuditTrailRequest wire = new DesAuditTrailRequest();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setAuditTrailBeginDatetime(periodStart);
        wire.setAuditTrailEndDatetime(periodEnd);
        if (!blocks.isEmpty()) {
            DesUnitBlockIdentifierList list = new DesUnitBlockIdentifierList();
            blocks.forEach(block -> list.getUnitBlockIdentifier().add(ResultMapping.toWire(block)));
            wire.setUnitBlockIdentifiers(list);
        }
        return wire;
    }

    /**
     * The DES filters a provideAuditTrail gives (the account's type, identifier and period, the unit type and
     * supplementary unit type), any when absent.
     */
    public static HoldingGroup filterOf(DesAuditTrailRequest wire) {
        return new HoldingGroup(wire.getAccountType() == null ? null : AccountType.fromCode(wire.getAccountType()),
                wire.getAccountIdentifier(),
                wire.getAccountCommitPeriod() == null ? null : CommitmentPeriod.fromCode(wire.getAccountCommitPeriod()),
                wire.getUnitType() == null ? null : UnitType.fromCode(wire.getUnitType()), wire.getSuppUnitType());
    }

    public static List<UnitBlockId> blocksOf(DesAuditTrailRequest wire) {
        if (wire.getUnitBlockIdentifiers() == null) {
            return List.of();
        }
        return wire.getUnitBlockIdentifiers().getUnitBlockIdentifier().stream().map(ResultMapping::fromWire).toList();
    }

    public static DesAuditTrail auditTrail(long reconciliation, int chunkNumber, boolean lastChunk,
                                           List<DesAuditTrailEntry> entries) {
        DesAuditTrailEntryList list = new DesAuditTrailEntryList();
        list.getAuditTrailEntry().addAll(entries);
        DesAuditTrail wire = new DesAuditTrail();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setChunk(chunk(chunkNumber, lastChunk));
        wire.setTransactions(list);
        return wire;
    }

    /** A transaction as an audit trail entry: its proposal and its latest status. */
    public static DesAuditTrailEntry auditTrailEntry(Transaction transaction) {
        Proposal proposal = transaction.proposal();
        DesAuditTrailEntry wire = new DesAuditTrailEntry();
        wire.setTransactionIdentifier(proposal.id().toString());
        wire.setTransactionType(proposal.type().code());
        wire.setSuppTransactionType(proposal.supplementaryType());
        wire.setTransactionStatus(transaction.status().code());
        wire.setTransactionStatusDateTime(transaction.history().get(transaction.history().size() - 1).at());
        wire.setTransferringRegistryCode(proposal.transferringRegistry().value());
        AccountRef from = proposal.transferringAccount();
        if (from != null) {
            wire.setTransferringRegistryAccountType(from.type().code());
            wire.setTransferringRegistryAccountIdentifier(from.identifier());
            wire.setTransferringRegistryAccountCommitPeriod(from.period().code());
        }
        wire.setAcquiringRegistryCode(proposal.acquiringRegistry().value());
        AccountRef to = proposal.acquiringAccount();
        if (to != null) {
            wire.setAcquiringRegistryAccountType(to.type().code());
            wire.setAcquiringRegistryAccountIdentifier(to.identifier());
            wire.setAcquiringRegistryAccountCommitPeriod(to.period().code());
        }
        wire.setTransactionBlocks(ProposalMapping.toWire(proposal).getProposalUnitBlocks());
        return wire;
    }

    public static DesReconciliationResult result(long reconciliation, ReconciliationStatus status, Instant at,
                                                 List<EvaluationResult> results) {
        DesReconciliationResult wire = new DesReconciliationResult();
        wire.setReconciliationIdentifier(identifier(reconciliation));
        wire.setReconciliationStatus(status.code());
        wire.setStatusDateTime(at);
        if (!results.isEmpty()) {
            wire.setEvaluationResults(ResultMapping.toWire(results));
        }
        return wire;
    }

    public static List<EvaluationResult> resultsOf(DesReconciliationResult wire) {
        return wire.getEvaluationResults() == null ? List.of() : ResultMapping.fromWire(wire.getEvaluationResults());
    }

    private static DesChunk chunk(int number, boolean last) {
        DesChunk chunk = new DesChunk();
        chunk.setChunkNumber(number);
        chunk.setLastChunk(last);
        return chunk;
    }

    private static void fill(DesTotalsGroup wire, HoldingGroup group) {
        wire.setAccountType(group.accountType().code());
        wire.setAccountIdentifier(group.accountIdentifier());
        wire.setAccountCommitPeriod(group.accountPeriod().code());
        wire.setUnitType(group.unitType().code());
        wire.setSuppUnitType(group.suppUnitType());
    }

    private static HoldingGroup groupOf(DesTotalsGroup wire) {
        return new HoldingGroup(AccountType.fromCode(wire.getAccountType()), wire.getAccountIdentifier(),
                CommitmentPeriod.fromCode(wire.getAccountCommitPeriod()), UnitType.fromCode(wire.getUnitType()),
                wire.getSuppUnitType());
    }
}
