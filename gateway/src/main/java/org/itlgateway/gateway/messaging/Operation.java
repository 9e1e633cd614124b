package org.itlgateway.gateway.messaging;

import java.util.Locale;

/** Every operation of both services, by service and wire name. */
public enum Operation {
    REGISTRY_ACCEPT_PROPOSAL(Service.REGISTRY, "acceptProposal"),
    REGISTRY_ACCEPT_NOTIFICATION(Service.REGISTRY, "acceptNotification"),
    REGISTRY_ACCEPT_ITL_NOTICE(Service.REGISTRY, "acceptITLNotice"),
    REGISTRY_ACCEPT_MESSAGE(Service.REGISTRY, "acceptMessage"),
    REGISTRY_PROVIDE_TIME(Service.REGISTRY, "provideTime"),
    REGISTRY_INITIATE_RECONCILIATION(Service.REGISTRY, "initiateReconciliation"),
    REGISTRY_PROVIDE_TOTALS(Service.REGISTRY, "provideTotals"),
    REGISTRY_PROVIDE_UNIT_BLOCKS(Service.REGISTRY, "provideUnitBlocks"),
    REGISTRY_PROVIDE_AUDIT_TRAIL(Service.REGISTRY, "provideAuditTrail"),
    REGISTRY_RECEIVE_RECONCILIATION_RESULT(Service.REGISTRY, "receiveReconciliationResult"),
    LOG_ACCEPT_PROPOSAL(Service.TRANSACTION_LOG, "acceptProposal"),
    LOG_ACCEPT_NOTIFICATION(Service.TRANSACTION_LOG, "acceptNotification"),
    LOG_GET_TRANSACTION_STATUS(Service.TRANSACTION_LOG, "getTransactionStatus"),
    LOG_ACCEPT_MESSAGE(Service.TRANSACTION_LOG, "acceptMessage"),
    LOG_PROVIDE_TOTALS(Service.TRANSACTION_LOG, "provideTotals"),
    LOG_PROVIDE_UNIT_BLOCKS(Service.TRANSACTION_LOG, "provideUnitBlocks"),
    LOG_PROVIDE_AUDIT_TRAIL(Service.TRANSACTION_LOG, "provideAuditTrail"),
    LOG_RECEIVE_TOTALS(Service.TRANSACTION_LOG, "receiveTotals"),
    LOG_RECEIVE_UNIT_BLOCKS(Service.TRANSACTION_LOG, "receiveUnitBlocks"),
    LOG_RECEIVE_AUDIT_TRAIL(Service.TRANSACTION_LOG, "receiveAuditTrail"),
    LOG_RECEIVE_RECONCILIATION_RESULT(Service.TRANSACTION_LOG, "receiveReconciliationResult"),
    /** A registry's signed checkpoint of its evidence archive, kept by the ITL: this project's addition, not in the DES. */
    LOG_ACCEPT_EVIDENCE_CHECKPOINT(Service.TRANSACTION_LOG, "acceptEvidenceCheckpoint");

    private final Service service;
    private final String wireName;

    Operation(Service service, String wireName) {
        this.service = service;
        this.wireName = wireName;
    }

    public Service service() {
        return service;
    }

    /** The operation's name in the WSDL, e.g. {@code acceptProposal}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the receipt is only an acknowledgement (false for provideTime and getTransactionStatus). */
    public boolean isQuery() {
        return this == REGISTRY_PROVIDE_TIME || this == LOG_GET_TRANSACTION_STATUS;
    }

    public static Operation of(Service service, String wireName) {
        for (Operation operation : values()) {
            if (operation.service == service && operation.wireName.equals(wireName)) {
                return operation;
            }
        }
        throw new IllegalArgumentException(service + " has no operation " + wireName);
    }

    @Override
    public String toString() {
        return service.name().toLowerCase(Locale.ROOT) + "." + wireName;
    }
}
