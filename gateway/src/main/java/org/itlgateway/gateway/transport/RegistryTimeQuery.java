package org.itlgateway.gateway.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.ProvideTime;
import org.itlgateway.schemas.v1.registry.RefusalFault;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a registry for its time (provideTime), signed, over a client of its own, and measures how far its clock is
 * from the asker's: the registry's time less the middle of the round trip on the asker's clock.
 */
public final class RegistryTimeQuery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTimeQuery.class);

    private final String self;
    private final String registry;
    private final Clock clock;
    private final RegistryPortType client;

    /**
     * @param self     the asker's node code (the ITL), which signs the request
     * @param registry the registry asked, whose signature the answer must carry
     * @param clock    the asker's clock, the offset's reference
     * @param tls      the asker's TLS credential for mutual TLS, or {@code null} for plain HTTP
     */
    public RegistryTimeQuery(String self, String registry, String registryAddress, MessageSignatures signatures,
                             Duration timeout, TlsSettings tls, Clock clock) {
        this.self = self;
        this.registry = registry;
        this.clock = clock;
        this.client = DirectClients.registry(registryAddress, registry, signatures, timeout, tls);
    }

    /**
     * A registry's time as it answered, and how far it is from the asker's clock.
     *
     * @param askedAt      when the asker sent the request, on its own clock
     * @param registryTime the registry's clock as it answered
     * @param offset       the registry's time less the middle of the round trip on the asker's clock (positive: the
     *                     registry is ahead)
     */
    public record RegistryTime(Instant askedAt, Instant registryTime, Duration offset) {
    }

    /** The registry's time, or empty when it cannot be reached or answers no time. */
    public Optional<RegistryTime> ask() {
        try {
            ProvideTime request = EnvelopeMapping.write(
                    new Envelope(self, registry, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), new ProvideTime());
            Instant sent = clock.instant();
            Receipt receipt = ReceiptMapping.fromWire(client.provideTime(request));
            Instant answered = clock.instant();
            if (!receipt.accepted() || receipt.currentTime() == null) {
                LOG.info("{}: {} answered provideTime with no time: {}", self, registry, receipt.reason());
                return Optional.empty();
            }
            Instant middle = sent.plus(Duration.between(sent, answered).dividedBy(2));
            return Optional.of(new RegistryTime(sent, receipt.currentTime(), Duration.between(middle, receipt.currentTime())));
        } catch (RuntimeException | RefusalFault e) {
            LOG.info("{}: the time of {} could not be asked: {}", self, registry, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            ((Closeable) client).close();
        } catch (IOException e) {
            LOG.debug("closing the time client failed", e);
        }
    }
}
