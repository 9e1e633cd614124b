package org.itlgateway.gateway.console;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.RefusalFault;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/**
 * The ITL as a console test plays it, over real signed SOAP: its TransactionLogService takes every message, and each
 * proposal it receives is checked without discrepancy at once: it tells the registry so (acceptNotification, status
 * 2), signed as the ITL, from a thread of its own once the proposal's receipt has gone back.
 */
final class PlayedItl implements AutoCloseable {

    private final String address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final ExecutorService replies = Executors.newSingleThreadExecutor();
    private final Clock clock;
    private final Server server;
    private volatile String registryAddress;
    private volatile String registry;

    /** @param clock the registry's clock, whose time the notifications carry */
    PlayedItl(Clock clock) {
        this.clock = clock;
        this.server = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(message -> {
            received.add(message);
            message.contentIf(Wire.LOG_ACCEPT_PROPOSAL).ifPresent(proposal -> replies.submit(() -> checked(proposal)));
            return Receipt.acceptedForProcessing();
        }, Clock.systemUTC()), TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(),
                TestDatabase.seenMessages());
    }

    String address() {
        return address;
    }

    /** Where the registry {@code code} takes the ITL's messages. */
    void notifying(String code, String endpoint) {
        this.registry = code;
        this.registryAddress = endpoint;
    }

    List<InboundMessage> received() {
        return received;
    }

    private void checked(DesProposal proposal) {
        DesTransactionNotification notification = new DesTransactionNotification();
        notification.setTransactionIdentifier(proposal.getTransactionIdentifier());
        notification.setTransactionStatus(2);
        notification.setStatusDateTime(clock.instant());
        RegistryPortType client = SoapClients.registry(registryAddress, registry,
                TestPki.signatures(TestPki.credential("ITL")), Duration.ofSeconds(30));
        try {
            client.acceptNotification(Wire.REGISTRY_ACCEPT_NOTIFICATION.element(new Envelope("ITL", registry,
                    DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), notification));
        } catch (RefusalFault refused) {
            throw new IllegalStateException("the registry refused the ITL's notification: " + refused.getMessage(), refused);
        } finally {
            try {
                ((Closeable) client).close();
            } catch (IOException e) {
                // the client's connection is gone either way
            }
        }
    }

    @Override
    public void close() {
        replies.shutdownNow();
        server.destroy();
    }
}
