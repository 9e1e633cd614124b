package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.time.LocalDate;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailEntry;
import org.itlgateway.schemas.v1.types.DesAuditTrailEntryList;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesChunk;
import org.itlgateway.schemas.v1.types.DesEvaluationResult;
import org.itlgateway.schemas.v1.types.DesEvaluationResultList;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlock;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlockList;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotal;
import org.itlgateway.schemas.v1.types.DesTotalList;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifier;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifierList;
import org.itlgateway.schemas.v1.types.DesUnitBlockRequest;
import org.itlgateway.schemas.v1.types.DesUnitBlockRequestList;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/** One content of each kind the two services carry, every field the tests compare filled in. */
final class ContentExamples {

    static final Instant AT = Instant.parse("2024-03-14T09:30:00Z");

    private ContentExamples() {
    }

    static DesProposal proposal() {
        return WireSamples.cdmIssuance("CDM1000001");
    }

    static DesTransactionNotification notification() {
        DesTransactionNotification notification = new DesTransactionNotification();
        notification.setTransactionIdentifier("CDM1000001");
        notification.setTransactionStatus(6);
        notification.setStatusDateTime(AT);
        notification.setEvaluationResults(results());
        return notification;
    }

    static DesItlNotice notice() {
        DesItlNotice notice = new DesItlNotice();
        notice.setNotificationIdentifier(42);
        notice.setNotificationType(3);
        notice.setNotificationStatus(1);
        notice.setProjectIdentifier(1234);
        notice.setCommitPeriod(2);
        notice.setUnitType(5);
        notice.setTargetValue(500L);
        notice.setTargetDate(LocalDate.parse("2024-06-30"));
        notice.setMessageDate(AT);
        notice.setMessageContent("replace the units of project 1234");
        DesUnitBlockIdentifierList blocks = new DesUnitBlockIdentifierList();
        blocks.getUnitBlockIdentifier().add(blockId());
        notice.setUnitBlockIdentifiers(blocks);
        return notice;
    }

    static DesAdministrativeMessage message() {
        DesAdministrativeMessage message = new DesAdministrativeMessage();
        message.setMessageDateTime(AT);
        message.setMessageContent("maintenance tonight from 22:00 UTC");
        return message;
    }

    static DesEvidenceCheckpoint evidenceCheckpoint() {
        DesEvidenceCheckpoint checkpoint = new DesEvidenceCheckpoint();
        checkpoint.setNode("CDM");
        checkpoint.setSequenceNumber(42);
        checkpoint.setRecordHash("ab".repeat(32));
        checkpoint.setSignedDateTime(AT);
        checkpoint.setSignatureAlgorithm("SHA256withECDSA");
        checkpoint.setSignature(new byte[] {1, 2, 3});
        return checkpoint;
    }

    static DesReconciliationSnapshot snapshot() {
        DesReconciliationSnapshot snapshot = new DesReconciliationSnapshot();
        snapshot.setReconciliationIdentifier("7");
        snapshot.setSnapshotDatetime(AT);
        return snapshot;
    }

    static DesTotalsRequest totalsRequest() {
        DesTotalsRequest request = new DesTotalsRequest();
        request.setReconciliationIdentifier("7");
        request.setByAccountFlag(Boolean.TRUE);
        return request;
    }

    static DesUnitBlocksRequest unitBlocksRequest() {
        DesUnitBlocksRequest request = new DesUnitBlocksRequest();
        request.setReconciliationIdentifier("7");
        DesUnitBlockRequest group = new DesUnitBlockRequest();
        group.setAccountType(110);
        group.setAccountIdentifier(1000L);
        group.setUnitType(5);
        group.setSuppUnitType(0);
        group.setAccountCommitPeriod(2);
        DesUnitBlockRequestList groups = new DesUnitBlockRequestList();
        groups.getUnitBlockRequest().add(group);
        request.setUnitBlockRequests(groups);
        return request;
    }

    static DesAuditTrailRequest auditTrailRequest() {
        DesAuditTrailRequest request = new DesAuditTrailRequest();
        request.setReconciliationIdentifier("7");
        request.setAuditTrailBeginDatetime(AT.minusSeconds(86_400));
        request.setAuditTrailEndDatetime(AT);
        DesUnitBlockIdentifierList blocks = new DesUnitBlockIdentifierList();
        blocks.getUnitBlockIdentifier().add(blockId());
        request.setUnitBlockIdentifiers(blocks);
        return request;
    }

    static DesReconciliationResult result() {
        DesReconciliationResult result = new DesReconciliationResult();
        result.setReconciliationIdentifier("7");
        result.setReconciliationStatus(4);
        result.setStatusDateTime(AT);
        result.setEvaluationResults(results());
        return result;
    }

    static DesTotals totals() {
        DesTotals totals = new DesTotals();
        totals.setReconciliationIdentifier("7");
        DesTotalList list = new DesTotalList();
        DesTotal total = new DesTotal();
        total.setAccountType(110);
        total.setAccountIdentifier(1000L);
        total.setUnitType(5);
        total.setSuppUnitType(0);
        total.setAccountCommitPeriod(2);
        total.setUnitCount(10_000L);
        list.getTotal().add(total);
        totals.setTotals(list);
        return totals;
    }

    static DesUnitBlocks unitBlocks() {
        DesUnitBlocks blocks = new DesUnitBlocks();
        blocks.setReconciliationIdentifier("7");
        blocks.setChunk(chunk());
        DesHeldUnitBlockList list = new DesHeldUnitBlockList();
        DesHeldUnitBlock block = new DesHeldUnitBlock();
        block.setUnitSerialBlockStart(1_000_001L);
        block.setUnitSerialBlockEnd(1_010_000L);
        block.setOriginatingRegistryCode("CDM");
        block.setUnitType(5);
        block.setSuppUnitType(0);
        block.setOriginalCommitPeriod(2);
        block.setApplicableCommitPeriod(2);
        block.setProjectIdentifier(1234);
        block.setAccountType(110);
        block.setAccountIdentifier(1000L);
        list.getUnitBlock().add(block);
        blocks.setUnitBlocks(list);
        return blocks;
    }

    static DesAuditTrail auditTrail() {
        DesAuditTrail trail = new DesAuditTrail();
        trail.setReconciliationIdentifier("7");
        trail.setChunk(chunk());
        DesAuditTrailEntryList entries = new DesAuditTrailEntryList();
        DesAuditTrailEntry entry = new DesAuditTrailEntry();
        entry.setTransactionIdentifier("CDM1000001");
        entry.setTransactionType(1);
        entry.setSuppTransactionType(0);
        entry.setTransactionStatus(4);
        entry.setTransactionStatusDateTime(AT);
        entry.setTransferringRegistryCode("CDM");
        entry.setAcquiringRegistryCode("CDM");
        entry.setAcquiringRegistryAccountType(110);
        entry.setAcquiringRegistryAccountIdentifier(1000L);
        entries.getAuditTrailEntry().add(entry);
        trail.setTransactions(entries);
        return trail;
    }

    static String transactionId() {
        return "CDM1000001";
    }

    private static DesChunk chunk() {
        DesChunk chunk = new DesChunk();
        chunk.setChunkNumber(1);
        chunk.setLastChunk(true);
        return chunk;
    }

    private static DesEvaluationResultList results() {
        DesEvaluationResultList list = new DesEvaluationResultList();
        DesEvaluationResult result = new DesEvaluationResult();
        result.setResponseCode(4010);
        result.getUnitBlockIdentifier().add(blockId());
        result.setDescription("the units are not held by the transferring account");
        list.getEvaluationResult().add(result);
        return list;
    }

    private static DesUnitBlockIdentifier blockId() {
        DesUnitBlockIdentifier id = new DesUnitBlockIdentifier();
        id.setOriginatingRegistryCode("CDM");
        id.setUnitSerialBlockStart(1_000_001L);
        id.setUnitSerialBlockEnd(1_010_000L);
        return id;
    }
}
