package org.itlgateway.gateway.wire;

import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/**
 * The fields of an operation's content copied into its request element, for the operations whose DES fields are flat:
 * the element extends the content's type (and the DES header before it), so the content the mapping made for either
 * service becomes the element of the service it is sent to. Each copy names every field of the type but the header
 * fields; StoredRequestsTest and StoredRequestsMigrationTest fail when one is forgotten.
 */
final class FlatFields {

    private FlatFields() {
    }

    static void notification(DesTransactionNotification to, DesTransactionNotification from) {
        to.setTransactionIdentifier(from.getTransactionIdentifier());
        to.setTransactionStatus(from.getTransactionStatus());
        to.setStatusDateTime(from.getStatusDateTime());
        to.setEvaluationResults(from.getEvaluationResults());
    }

    static void notice(DesItlNotice to, DesItlNotice from) {
        to.setNotificationIdentifier(from.getNotificationIdentifier());
        to.setNotificationType(from.getNotificationType());
        to.setNotificationStatus(from.getNotificationStatus());
        to.setProjectIdentifier(from.getProjectIdentifier());
        to.setCommitPeriod(from.getCommitPeriod());
        to.setLULUCFActivity(from.getLULUCFActivity());
        to.setUnitType(from.getUnitType());
        to.setTargetValue(from.getTargetValue());
        to.setTargetDate(from.getTargetDate());
        to.setMessageDate(from.getMessageDate());
        to.setMessageContent(from.getMessageContent());
        to.setUnitBlockIdentifiers(from.getUnitBlockIdentifiers());
    }

    static void message(DesAdministrativeMessage to, DesAdministrativeMessage from) {
        to.setMessageDateTime(from.getMessageDateTime());
        to.setMessageContent(from.getMessageContent());
    }

    static void evidenceCheckpoint(DesEvidenceCheckpoint to, DesEvidenceCheckpoint from) {
        to.setNode(from.getNode());
        to.setSequenceNumber(from.getSequenceNumber());
        to.setRecordHash(from.getRecordHash());
        to.setSignedDateTime(from.getSignedDateTime());
        to.setSignatureAlgorithm(from.getSignatureAlgorithm());
        to.setSignature(from.getSignature());
    }

    static void snapshot(DesReconciliationSnapshot to, DesReconciliationSnapshot from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setSnapshotDatetime(from.getSnapshotDatetime());
    }

    static void totalsRequest(DesTotalsRequest to, DesTotalsRequest from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setReconciliationSnapshotDatetime(from.getReconciliationSnapshotDatetime());
        to.setUnitType(from.getUnitType());
        to.setSuppUnitType(from.getSuppUnitType());
        to.setAccountCommitPeriod(from.getAccountCommitPeriod());
        to.setAccountType(from.getAccountType());
        to.setByAccountFlag(from.isByAccountFlag());
    }

    static void unitBlocksRequest(DesUnitBlocksRequest to, DesUnitBlocksRequest from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setUnitBlockRequests(from.getUnitBlockRequests());
    }

    static void auditTrailRequest(DesAuditTrailRequest to, DesAuditTrailRequest from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setAuditTrailBeginDatetime(from.getAuditTrailBeginDatetime());
        to.setAuditTrailEndDatetime(from.getAuditTrailEndDatetime());
        to.setAccountType(from.getAccountType());
        to.setAccountIdentifier(from.getAccountIdentifier());
        to.setAccountCommitPeriod(from.getAccountCommitPeriod());
        to.setUnitType(from.getUnitType());
        to.setSuppUnitType(from.getSuppUnitType());
        to.setUnitBlockIdentifiers(from.getUnitBlockIdentifiers());
    }

    static void reconciliationResult(DesReconciliationResult to, DesReconciliationResult from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setReconciliationStatus(from.getReconciliationStatus());
        to.setStatusDateTime(from.getStatusDateTime());
        to.setEvaluationResults(from.getEvaluationResults());
    }

    static void totals(DesTotals to, DesTotals from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setTotals(from.getTotals());
    }

    static void unitBlocks(DesUnitBlocks to, DesUnitBlocks from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setChunk(from.getChunk());
        to.setUnitBlocks(from.getUnitBlocks());
    }

    static void auditTrail(DesAuditTrail to, DesAuditTrail from) {
        to.setReconciliationIdentifier(from.getReconciliationIdentifier());
        to.setChunk(from.getChunk());
        to.setTransactions(from.getTransactions());
    }
}
