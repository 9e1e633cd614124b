package org.itlgateway.gateway.delivery;

import java.util.Objects;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.gateway.transport.TlsSettings;

/**
 * A node this node sends to: its code and the addresses of the services it hosts (a registry hosts a
 * RegistryService; the ITL and the CITL a TransactionLogService; either may be {@code null}).
 */
public record Peer(String code, String registryAddress, String transactionLogAddress, TlsSettings tls) {

    public Peer {
        Objects.requireNonNull(code, "code");
    }

    public static Peer registry(String code, String address) {
        return new Peer(code, address, null, null);
    }

    public static Peer transactionLog(String code, String address) {
        return new Peer(code, null, address, null);
    }

    public String addressOf(Service service) {
        String address = service == Service.REGISTRY ? registryAddress : transactionLogAddress;
        if (address == null) {
            throw new IllegalArgumentException(code + " hosts no " + service + " service");
        }
        return address;
    }
}
