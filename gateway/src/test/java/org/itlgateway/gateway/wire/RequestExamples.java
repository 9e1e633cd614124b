package org.itlgateway.gateway.wire;

import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Service;

/** A request of each operation, with content from {@link ContentExamples}: the ITL to CDM, or CDM to the ITL. */
final class RequestExamples {

    private RequestExamples() {
    }

    /**
     * The header of the recorded rows: version 1.0, as the nodes wrote it when the rows were recorded (the nodes now
     * speak 1.1; rows written before must still read back and be written again byte for byte).
     */
    static Envelope envelope(Operation operation) {
        return operation.service() == Service.REGISTRY
                ? new Envelope("ITL", "CDM", 1, 0)
                : new Envelope("CDM", "ITL", 1, 0);
    }

    static Request<?> of(Operation operation) {
        Envelope envelope = envelope(operation);
        return switch (operation) {
            case REGISTRY_ACCEPT_PROPOSAL -> Wire.REGISTRY_ACCEPT_PROPOSAL.request(envelope, ContentExamples.proposal());
            case REGISTRY_ACCEPT_NOTIFICATION ->
                    Wire.REGISTRY_ACCEPT_NOTIFICATION.request(envelope, ContentExamples.notification());
            case REGISTRY_ACCEPT_ITL_NOTICE -> Wire.REGISTRY_ACCEPT_ITL_NOTICE.request(envelope, ContentExamples.notice());
            case REGISTRY_ACCEPT_MESSAGE -> Wire.REGISTRY_ACCEPT_MESSAGE.request(envelope, ContentExamples.message());
            case REGISTRY_PROVIDE_TIME -> Wire.REGISTRY_PROVIDE_TIME.request(envelope, null);
            case REGISTRY_INITIATE_RECONCILIATION ->
                    Wire.REGISTRY_INITIATE_RECONCILIATION.request(envelope, ContentExamples.snapshot());
            case REGISTRY_PROVIDE_TOTALS -> Wire.REGISTRY_PROVIDE_TOTALS.request(envelope, ContentExamples.totalsRequest());
            case REGISTRY_PROVIDE_UNIT_BLOCKS ->
                    Wire.REGISTRY_PROVIDE_UNIT_BLOCKS.request(envelope, ContentExamples.unitBlocksRequest());
            case REGISTRY_PROVIDE_AUDIT_TRAIL ->
                    Wire.REGISTRY_PROVIDE_AUDIT_TRAIL.request(envelope, ContentExamples.auditTrailRequest());
            case REGISTRY_RECEIVE_RECONCILIATION_RESULT ->
                    Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT.request(envelope, ContentExamples.result());
            case LOG_ACCEPT_PROPOSAL -> Wire.LOG_ACCEPT_PROPOSAL.request(envelope, ContentExamples.proposal());
            case LOG_ACCEPT_NOTIFICATION -> Wire.LOG_ACCEPT_NOTIFICATION.request(envelope, ContentExamples.notification());
            case LOG_GET_TRANSACTION_STATUS ->
                    Wire.LOG_GET_TRANSACTION_STATUS.request(envelope, ContentExamples.transactionId());
            case LOG_ACCEPT_MESSAGE -> Wire.LOG_ACCEPT_MESSAGE.request(envelope, ContentExamples.message());
            case LOG_PROVIDE_TOTALS -> Wire.LOG_PROVIDE_TOTALS.request(envelope, ContentExamples.totalsRequest());
            case LOG_PROVIDE_UNIT_BLOCKS -> Wire.LOG_PROVIDE_UNIT_BLOCKS.request(envelope, ContentExamples.unitBlocksRequest());
            case LOG_PROVIDE_AUDIT_TRAIL -> Wire.LOG_PROVIDE_AUDIT_TRAIL.request(envelope, ContentExamples.auditTrailRequest());
            case LOG_RECEIVE_TOTALS -> Wire.LOG_RECEIVE_TOTALS.request(envelope, ContentExamples.totals());
            case LOG_RECEIVE_UNIT_BLOCKS -> Wire.LOG_RECEIVE_UNIT_BLOCKS.request(envelope, ContentExamples.unitBlocks());
            case LOG_RECEIVE_AUDIT_TRAIL -> Wire.LOG_RECEIVE_AUDIT_TRAIL.request(envelope, ContentExamples.auditTrail());
            case LOG_RECEIVE_RECONCILIATION_RESULT ->
                    Wire.LOG_RECEIVE_RECONCILIATION_RESULT.request(envelope, ContentExamples.result());
            case LOG_ACCEPT_EVIDENCE_CHECKPOINT ->
                    Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT.request(envelope, ContentExamples.evidenceCheckpoint());
        };
    }
}
