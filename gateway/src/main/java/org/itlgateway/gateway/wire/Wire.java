package org.itlgateway.gateway.wire;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/**
 * The 22 operations of both services, typed: for each its request element (made by the generated ObjectFactory of its
 * service; it starts with the DES header fields, as every request element extends MessageHeader), the content read
 * from and written to it, and the method of the generated client that sends it. Where the DES gives an operation's
 * fields flat (every operation but acceptProposal, getTransactionStatus and provideTime), the element is its content:
 * it extends the content's type, so it reads as the content, and the content's fields are copied into it
 * ({@link FlatFields}). A new operation of the contract is one entry here, named as in {@link Operation}; the compiler checks that its
 * element holds that content and that its client method takes it.
 */
public final class Wire {

    private static final org.itlgateway.schemas.v1.registry.ObjectFactory REGISTRY =
            new org.itlgateway.schemas.v1.registry.ObjectFactory();
    private static final org.itlgateway.schemas.v1.transactionlog.ObjectFactory LOG =
            new org.itlgateway.schemas.v1.transactionlog.ObjectFactory();

    /** Filled by the entries below as they are made (so it is declared before them). */
    private static final Map<Operation, WireOperation<?, ?>> BY_OPERATION = new EnumMap<>(Operation.class);

    // ---- RegistryService ----

    public static final WireOperation<org.itlgateway.schemas.v1.registry.AcceptProposal, DesProposal> REGISTRY_ACCEPT_PROPOSAL = registry(
            Operation.REGISTRY_ACCEPT_PROPOSAL, REGISTRY::createAcceptProposal, DesProposal.class,
            e -> e.getProposedTransaction(), (e, c) -> e.setProposedTransaction(c),
            (port, e) -> port.acceptProposal(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.AcceptNotification, DesTransactionNotification> REGISTRY_ACCEPT_NOTIFICATION = registry(
            Operation.REGISTRY_ACCEPT_NOTIFICATION, REGISTRY::createAcceptNotification, DesTransactionNotification.class,
            e -> e, FlatFields::notification, (port, e) -> port.acceptNotification(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.AcceptITLNotice, DesItlNotice> REGISTRY_ACCEPT_ITL_NOTICE = registry(
            Operation.REGISTRY_ACCEPT_ITL_NOTICE, REGISTRY::createAcceptITLNotice, DesItlNotice.class,
            e -> e, FlatFields::notice, (port, e) -> port.acceptITLNotice(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.AcceptMessage, DesAdministrativeMessage> REGISTRY_ACCEPT_MESSAGE = registry(
            Operation.REGISTRY_ACCEPT_MESSAGE, REGISTRY::createAcceptMessage, DesAdministrativeMessage.class,
            e -> e, FlatFields::message, (port, e) -> port.acceptMessage(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.ProvideTime, Void> REGISTRY_PROVIDE_TIME = enter(WireOperation.registryHeaderOnly(
            Operation.REGISTRY_PROVIDE_TIME, REGISTRY::createProvideTime, (port, e) -> port.provideTime(e)));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.InitiateReconciliation, DesReconciliationSnapshot> REGISTRY_INITIATE_RECONCILIATION = registry(
            Operation.REGISTRY_INITIATE_RECONCILIATION, REGISTRY::createInitiateReconciliation,
            DesReconciliationSnapshot.class, e -> e, FlatFields::snapshot,
            (port, e) -> port.initiateReconciliation(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.ProvideTotals, DesTotalsRequest> REGISTRY_PROVIDE_TOTALS = registry(
            Operation.REGISTRY_PROVIDE_TOTALS, REGISTRY::createProvideTotals, DesTotalsRequest.class,
            e -> e, FlatFields::totalsRequest, (port, e) -> port.provideTotals(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.ProvideUnitBlocks, DesUnitBlocksRequest> REGISTRY_PROVIDE_UNIT_BLOCKS = registry(
            Operation.REGISTRY_PROVIDE_UNIT_BLOCKS, REGISTRY::createProvideUnitBlocks, DesUnitBlocksRequest.class,
            e -> e, FlatFields::unitBlocksRequest, (port, e) -> port.provideUnitBlocks(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.ProvideAuditTrail, DesAuditTrailRequest> REGISTRY_PROVIDE_AUDIT_TRAIL = registry(
            Operation.REGISTRY_PROVIDE_AUDIT_TRAIL, REGISTRY::createProvideAuditTrail, DesAuditTrailRequest.class,
            e -> e, FlatFields::auditTrailRequest, (port, e) -> port.provideAuditTrail(e));
    public static final WireOperation<org.itlgateway.schemas.v1.registry.ReceiveReconciliationResult, DesReconciliationResult> REGISTRY_RECEIVE_RECONCILIATION_RESULT = registry(
            Operation.REGISTRY_RECEIVE_RECONCILIATION_RESULT, REGISTRY::createReceiveReconciliationResult,
            DesReconciliationResult.class, e -> e, FlatFields::reconciliationResult,
            (port, e) -> port.receiveReconciliationResult(e));

    // ---- TransactionLogService ----

    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.AcceptProposal, DesProposal> LOG_ACCEPT_PROPOSAL = transactionLog(
            Operation.LOG_ACCEPT_PROPOSAL, LOG::createAcceptProposal, DesProposal.class,
            e -> e.getProposedTransaction(), (e, c) -> e.setProposedTransaction(c),
            (port, e) -> port.acceptProposal(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.AcceptNotification, DesTransactionNotification> LOG_ACCEPT_NOTIFICATION = transactionLog(
            Operation.LOG_ACCEPT_NOTIFICATION, LOG::createAcceptNotification, DesTransactionNotification.class,
            e -> e, FlatFields::notification, (port, e) -> port.acceptNotification(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.GetTransactionStatus, String> LOG_GET_TRANSACTION_STATUS = transactionLog(
            Operation.LOG_GET_TRANSACTION_STATUS, LOG::createGetTransactionStatus, String.class,
            e -> e.getTransactionIdentifier(), (e, c) -> e.setTransactionIdentifier(c),
            (port, e) -> port.getTransactionStatus(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.AcceptMessage, DesAdministrativeMessage> LOG_ACCEPT_MESSAGE = transactionLog(
            Operation.LOG_ACCEPT_MESSAGE, LOG::createAcceptMessage, DesAdministrativeMessage.class,
            e -> e, FlatFields::message, (port, e) -> port.acceptMessage(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ProvideTotals, DesTotalsRequest> LOG_PROVIDE_TOTALS = transactionLog(
            Operation.LOG_PROVIDE_TOTALS, LOG::createProvideTotals, DesTotalsRequest.class,
            e -> e, FlatFields::totalsRequest, (port, e) -> port.provideTotals(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ProvideUnitBlocks, DesUnitBlocksRequest> LOG_PROVIDE_UNIT_BLOCKS = transactionLog(
            Operation.LOG_PROVIDE_UNIT_BLOCKS, LOG::createProvideUnitBlocks, DesUnitBlocksRequest.class,
            e -> e, FlatFields::unitBlocksRequest, (port, e) -> port.provideUnitBlocks(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ProvideAuditTrail, DesAuditTrailRequest> LOG_PROVIDE_AUDIT_TRAIL = transactionLog(
            Operation.LOG_PROVIDE_AUDIT_TRAIL, LOG::createProvideAuditTrail, DesAuditTrailRequest.class,
            e -> e, FlatFields::auditTrailRequest, (port, e) -> port.provideAuditTrail(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ReceiveTotals, DesTotals> LOG_RECEIVE_TOTALS = transactionLog(
            Operation.LOG_RECEIVE_TOTALS, LOG::createReceiveTotals, DesTotals.class,
            e -> e, FlatFields::totals, (port, e) -> port.receiveTotals(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ReceiveUnitBlocks, DesUnitBlocks> LOG_RECEIVE_UNIT_BLOCKS = transactionLog(
            Operation.LOG_RECEIVE_UNIT_BLOCKS, LOG::createReceiveUnitBlocks, DesUnitBlocks.class,
            e -> e, FlatFields::unitBlocks, (port, e) -> port.receiveUnitBlocks(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ReceiveAuditTrail, DesAuditTrail> LOG_RECEIVE_AUDIT_TRAIL = transactionLog(
            Operation.LOG_RECEIVE_AUDIT_TRAIL, LOG::createReceiveAuditTrail, DesAuditTrail.class,
            e -> e, FlatFields::auditTrail, (port, e) -> port.receiveAuditTrail(e));
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.ReceiveReconciliationResult, DesReconciliationResult> LOG_RECEIVE_RECONCILIATION_RESULT = transactionLog(
            Operation.LOG_RECEIVE_RECONCILIATION_RESULT, LOG::createReceiveReconciliationResult,
            DesReconciliationResult.class, e -> e, FlatFields::reconciliationResult,
            (port, e) -> port.receiveReconciliationResult(e));
    /** This project's addition, not in the DES: a registry's signed checkpoint of its evidence archive. */
    public static final WireOperation<org.itlgateway.schemas.v1.transactionlog.AcceptEvidenceCheckpoint, DesEvidenceCheckpoint> LOG_ACCEPT_EVIDENCE_CHECKPOINT = transactionLog(
            Operation.LOG_ACCEPT_EVIDENCE_CHECKPOINT, LOG::createAcceptEvidenceCheckpoint, DesEvidenceCheckpoint.class,
            e -> e, FlatFields::evidenceCheckpoint, (port, e) -> port.acceptEvidenceCheckpoint(e));

    private Wire() {
    }

    /** The entry of an operation. */
    public static WireOperation<?, ?> of(Operation operation) {
        WireOperation<?, ?> entry = BY_OPERATION.get(operation);
        if (entry == null) {
            throw new IllegalStateException(operation + " has no entry in the wire's table");
        }
        return entry;
    }

    /** Every entry, in the order of {@link Operation}. */
    public static Collection<WireOperation<?, ?>> all() {
        return Collections.unmodifiableCollection(BY_OPERATION.values());
    }

    private static <W extends DesMessageHeader, C> WireOperation<W, C> registry(Operation operation,
                                                                                Supplier<W> newElement,
                                                                                Class<C> contentType,
                                                                                Function<W, C> content,
                                                                                BiConsumer<W, C> setContent,
                                                                                WireOperation.RegistryMethod<W> method) {
        return enter(WireOperation.registry(operation, newElement, contentType, content, setContent, method));
    }

    private static <W extends DesMessageHeader, C> WireOperation<W, C> transactionLog(Operation operation,
                                                                                      Supplier<W> newElement,
                                                                                      Class<C> contentType,
                                                                                      Function<W, C> content,
                                                                                      BiConsumer<W, C> setContent,
                                                                                      WireOperation.TransactionLogMethod<W> method) {
        return enter(WireOperation.transactionLog(operation, newElement, contentType, content, setContent, method));
    }

    private static <W extends DesMessageHeader, C> WireOperation<W, C> enter(WireOperation<W, C> entry) {
        if (BY_OPERATION.putIfAbsent(entry.operation(), entry) != null) {
            throw new IllegalStateException(entry.operation() + " has two entries in the wire's table");
        }
        return entry;
    }
}
