package org.itlgateway.gateway.inbound;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.schemas.DesContract;

/**
 * The header of a verified request, checked before anything is kept: it is meant for this node (1010), speaks
 * this major version (1031) and a minor version no newer than ours (1032), comes from a node we know (1001),
 * and the sender may call the operation (1015). A refusal here is a receipt with resultIdentifier 0.
 */
public final class HeaderChecks {

    /** The transaction logs; every other sender is a registry. */
    static final Set<String> LOGS = Set.of("ITL", "CITL");

    private final String self;
    private final Predicate<String> knownNode;

    /**
     * @param self      this node's code
     * @param knownNode which senders this node knows (its peers' codes)
     */
    public HeaderChecks(String self, Predicate<String> knownNode) {
        this.self = self;
        this.knownNode = knownNode;
    }

    public Optional<Receipt> refusal(InboundMessage message) {
        Envelope envelope = message.envelope();
        if (!self.equals(envelope.to())) {
            return refuse(ResponseCode.WRONG_RECIPIENT, "this is " + self + ", not " + envelope.to());
        }
        if (envelope.majorVersion() != DesContract.MAJOR_VERSION) {
            return refuse(ResponseCode.MAJOR_VERSION_UNSUPPORTED, "major version " + envelope.majorVersion()
                    + " is not supported; this node speaks " + DesContract.MAJOR_VERSION + "." + DesContract.MINOR_VERSION);
        }
        if (envelope.minorVersion() > DesContract.MINOR_VERSION) {
            return refuse(ResponseCode.MINOR_VERSION_UNSUPPORTED, "minor version " + envelope.minorVersion()
                    + " is not supported; this node speaks " + DesContract.MAJOR_VERSION + "." + DesContract.MINOR_VERSION);
        }
        if (!knownNode.test(envelope.from())) {
            return refuse(ResponseCode.UNKNOWN_SENDER, envelope.from() + " is not a node known to " + self);
        }
        if (!mayCall(envelope.from(), message.operation())) {
            return refuse(ResponseCode.OPERATION_NOT_ALLOWED_FOR_SENDER,
                    envelope.from() + " may not call " + message.operation().wireName() + " of " + self);
        }
        return Optional.empty();
    }

    /**
     * Registries are called by the logs only; a log's TransactionLogService is called by registries, and by the
     * ITL for the reconciliation of a supplementary log and for its supplementary checks.
     */
    private static boolean mayCall(String sender, Operation operation) {
        boolean senderIsLog = LOGS.contains(sender);
        if (operation.service() == Service.REGISTRY) {
            return senderIsLog;
        }
        return switch (operation) {
            case LOG_PROVIDE_TOTALS, LOG_PROVIDE_UNIT_BLOCKS, LOG_PROVIDE_AUDIT_TRAIL,
                 LOG_RECEIVE_RECONCILIATION_RESULT -> senderIsLog;
            default -> true;
        };
    }

    private static Optional<Receipt> refuse(ResponseCode code, String reason) {
        return Optional.of(Receipt.refusal(code, reason));
    }
}
