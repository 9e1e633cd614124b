package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.wire.PeerPorts;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesRefusal;
import org.junit.jupiter.api.Test;

class PortCallTest {

    private static final Envelope TO_CDM = new Envelope("ITL", "CDM", 1, 0);
    private static final Envelope TO_ITL = new Envelope("CDM", "ITL", 1, 0);

    @Test
    void theRefusalFaultOfEitherServiceIsARefusal() {
        DesRefusal refusal = new DesRefusal();
        refusal.setResponseCode(1013);
        PeerPorts refusing = refusing(refusal);

        PortCall.Refused byTheRegistry = assertThrows(PortCall.Refused.class, () -> PortCall.call(refusing,
                Wire.REGISTRY_ACCEPT_PROPOSAL.request(TO_CDM, WireSamples.cdmIssuance("CDM1"))));
        PortCall.Refused byTheLog = assertThrows(PortCall.Refused.class, () -> PortCall.call(refusing,
                Wire.LOG_ACCEPT_PROPOSAL.request(TO_ITL, WireSamples.cdmIssuance("CDM1"))));

        assertSame(refusal, byTheRegistry.refusal());
        assertEquals("refused by the registry", byTheRegistry.getMessage());
        assertSame(refusal, byTheLog.refusal());
        assertEquals("refused by the log", byTheLog.getMessage());
    }

    /** Clients of both services whose every method raises the service's refusal fault. */
    private static PeerPorts refusing(DesRefusal refusal) {
        return new PeerPorts() {
            @Override
            public RegistryPortType registry() {
                return (RegistryPortType) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {RegistryPortType.class}, (proxy, method, args) -> {
                            throw new org.itlgateway.schemas.v1.registry.RefusalFault("refused by the registry", refusal);
                        });
            }

            @Override
            public TransactionLogPortType transactionLog() {
                return (TransactionLogPortType) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {TransactionLogPortType.class}, (proxy, method, args) -> {
                            throw new org.itlgateway.schemas.v1.transactionlog.RefusalFault("refused by the log", refusal);
                        });
            }
        };
    }
}
