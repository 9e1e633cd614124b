package org.itlgateway.gateway.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.GetTransactionStatus;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the ITL for a transaction's status (getTransactionStatus), signed, over a client of its own. */
public final class LogStatusQuery implements AutoCloseable {

    /** The code the ITL signs and is addressed with. */
    private static final String ITL = "ITL";

    private static final Logger LOG = LoggerFactory.getLogger(LogStatusQuery.class);

    private final String self;
    private final TransactionLogPortType client;

    public LogStatusQuery(String self, String logAddress, MessageSignatures signatures, Duration timeout) {
        this(self, logAddress, signatures, timeout, null);
    }

    /** The same over mutual TLS ({@code tls} may be null for plain HTTP). */
    public LogStatusQuery(String self, String logAddress, MessageSignatures signatures, Duration timeout, TlsSettings tls) {
        this.self = self;
        this.client = DirectClients.transactionLog(logAddress, ITL, signatures, timeout, tls);
    }

    /**
     * The log's status of the transaction, or empty when the log cannot be reached, does not know it, or answers
     * about another transaction than the one asked.
     */
    public Optional<Receipt.TransactionStatusReport> statusOf(TransactionId id) {
        try {
            GetTransactionStatus request = EnvelopeMapping.write(
                    new Envelope(self, ITL, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), new GetTransactionStatus());
            request.setTransactionIdentifier(id.toString());
            Receipt receipt = ReceiptMapping.fromWire(client.getTransactionStatus(request));
            if (!receipt.accepted() || receipt.status() == null) {
                return Optional.empty();
            }
            if (!id.toString().equals(receipt.status().transactionId())) {
                LOG.warn("{}: the log answered the status of {} with the status of {}; ignored", self, id,
                        receipt.status().transactionId());
                return Optional.empty();
            }
            return Optional.of(receipt.status());
        } catch (RuntimeException | org.itlgateway.schemas.v1.transactionlog.RefusalFault e) {
            LOG.info("{}: the status of {} could not be asked: {}", self, id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            ((Closeable) client).close();
        } catch (IOException e) {
            LOG.debug("closing the status client failed", e);
        }
    }
}
