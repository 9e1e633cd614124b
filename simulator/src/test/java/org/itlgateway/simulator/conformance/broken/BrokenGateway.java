package org.itlgateway.simulator.conformance.broken;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.gateway.assembly.AssembledRegistry;
import org.itlgateway.gateway.assembly.RegistryAssembly;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peer;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.LogStatusQuery;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.OwnGateways;

/**
 * This project's registry gateway, assembled as {@code ./itl-registry} assembles it (its own schema, the network's ITL,
 * its operator API), with one part replaced through the assembly's seams: its stores, what processes the messages
 * taken from its inbox, or the certificate it signs with. What is replaced is the fault; everything else is the
 * gateway's own.
 */
final class BrokenGateway implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AssembledRegistry registry;
    private final NodeStores stores;
    private final String endpointAddress;

    private BrokenGateway(AssembledRegistry registry, NodeStores stores, String endpointAddress) {
        this.registry = registry;
        this.stores = stores;
        this.endpointAddress = endpointAddress;
    }

    /**
     * Starts the registry's gateway at {@code address} on the network's clock, database server and ITL, with its stores
     * as {@code storesFault} makes them, what processes its inbox as {@code handlerFault} wraps it (given the stores),
     * and signing with the certificate the network's CA issued to {@code signsAs} (null: its own).
     */
    static BrokenGateway start(Network network, Path pki, String code, String address, UnaryOperator<NodeStores> storesFault,
                               BiFunction<NodeStores, InboxHandler, InboxHandler> handlerFault,
                               String signsAs) {
        RegistryCode registryCode = RegistryCode.of(code);
        String signer = signsAs == null ? code : signsAs;
        SigningSettings signing = new SigningSettings(
                PkiFiles.readCredential(pki.resolve(signer + ".crt.pem"), pki.resolve(signer + ".key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl())));
        NodeStores own = NodeStores.open(network.databaseServer().withSchema(code.toLowerCase(java.util.Locale.ROOT)
                + "_broken"), code.toLowerCase(java.util.Locale.ROOT) + "_broken");
        NodeStores stores = storesFault.apply(own);
        stores.database().run(() -> {
            if (stores.registries().find(registryCode).isEmpty()) {
                stores.registries().save(new Registry(registryCode, code, RegistryStatus.OPERATING, false));
            }
        });
        MessageSignatures signatures = new MessageSignatures(signing);
        Peer itl = new Peer(RegistryNode.LOG, null, network.addressOf("ITL"), null);
        AssembledRegistry registry = RegistryAssembly.of(registryCode, stores, network.clock())
                .completionLimit(Duration.ofHours(24))
                .endpoint(address, null, signatures)
                .acceptingFrom(RegistryNode.LOG::equals)
                .delivering(destination -> RegistryNode.LOG.equals(destination) ? Optional.of(itl) : Optional.empty(),
                        RetrySchedule.standard(), TIMEOUT, OutboxSender.DEFAULT_FAULT_LIMIT)
                .askingStatusOf(() -> new LogStatusQuery(code, network.addressOf("ITL"), signatures, TIMEOUT, null))
                .aroundHandler(handler -> handlerFault.apply(stores, handler))
                .start();
        registry.operatorApi().requireToken(OwnGateways.OPERATOR_TOKEN).start("127.0.0.1", 0);
        registry.runtime().startLoops(Duration.ofMillis(100));
        return new BrokenGateway(registry, own, address);
    }

    String operatorAddress() {
        return registry.operatorApi().address();
    }

    @Override
    public void close() {
        registry.close();
        SoapEndpoints.release(endpointAddress);
        stores.close();
    }
}
