package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void everyOperationHasExactlyOneEntry() {
        Set<Operation> entered = EnumSet.noneOf(Operation.class);
        for (WireOperation<?, ?> entry : Wire.all()) {
            assertTrue(entered.add(entry.operation()), entry + " is entered once");
        }
        assertEquals(EnumSet.allOf(Operation.class), entered);
        for (Operation operation : Operation.values()) {
            assertEquals(operation, Wire.of(operation).operation());
        }
    }

    @Test
    void eachEntryIsNamedAsItsOperation() throws IllegalAccessException {
        int constants = 0;
        for (Field field : Wire.class.getDeclaredFields()) {
            if (field.getType() == WireOperation.class && Modifier.isPublic(field.getModifiers())) {
                assertEquals(field.getName(), ((WireOperation<?, ?>) field.get(null)).operation().name());
                constants++;
            }
        }
        assertEquals(Operation.values().length, constants);
    }

    @Test
    void everyRequestReadsBackWithItsHeaderAndContent() {
        for (Operation operation : Operation.values()) {
            Request<?> request = RequestExamples.of(operation);
            String xml = PayloadCodec.marshal(request);

            Request<?> read = PayloadCodec.unmarshal(operation, xml);

            assertSame(request.wire(), read.wire(), operation + ": entry");
            assertEquals(request.envelope(), read.envelope(), operation + ": header");
            assertEquals(xml, PayloadCodec.marshal(read), operation + ": content");
            Object content = read.content(Wire.of(operation));
            if (operation == Operation.REGISTRY_PROVIDE_TIME) {
                assertNull(content, "provideTime has no content");
            } else {
                assertTrue(Wire.of(operation).contentType().isInstance(content), operation + ": content type");
            }
        }
        assertEquals("CDM1000001", PayloadCodec.unmarshal(Operation.LOG_GET_TRANSACTION_STATUS,
                PayloadCodec.marshal(RequestExamples.of(Operation.LOG_GET_TRANSACTION_STATUS)))
                .content(Wire.LOG_GET_TRANSACTION_STATUS));
    }

    @Test
    void contentIsReadOnlyAsItsOwnOperation() {
        Request<DesProposal> toTheRegistry = Wire.REGISTRY_ACCEPT_PROPOSAL.request(
                RequestExamples.envelope(Operation.REGISTRY_ACCEPT_PROPOSAL), ContentExamples.proposal());

        assertEquals("CDM1000001", toTheRegistry.content(Wire.REGISTRY_ACCEPT_PROPOSAL).getTransactionIdentifier());
        assertTrue(toTheRegistry.contentIf(Wire.REGISTRY_ACCEPT_PROPOSAL).isPresent());
        assertTrue(toTheRegistry.contentIf(Wire.LOG_ACCEPT_PROPOSAL).isEmpty(), "same content, other operation");
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> toTheRegistry.content(Wire.LOG_ACCEPT_PROPOSAL));
        assertTrue(wrong.getMessage().contains("registry.acceptProposal")
                && wrong.getMessage().contains("transaction_log.acceptProposal"), wrong.getMessage());
    }

    @Test
    void storedXmlOfAnotherOperationDoesNotRead() {
        String proposal = PayloadCodec.marshal(RequestExamples.of(Operation.LOG_ACCEPT_PROPOSAL));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PayloadCodec.unmarshal(Operation.REGISTRY_ACCEPT_PROPOSAL, proposal));
        assertTrue(refused.getMessage().contains("registry.acceptProposal"), refused.getMessage());
    }

    @Test
    void everyRequestGoesOutThroughTheClientMethodOfItsName() throws Exception {
        List<String> called = new ArrayList<>();
        List<Object[]> arguments = new ArrayList<>();
        PeerPorts ports = new PeerPorts() {
            @Override
            public RegistryPortType registry() {
                return recording(RegistryPortType.class, "registry", called, arguments);
            }

            @Override
            public TransactionLogPortType transactionLog() {
                return recording(TransactionLogPortType.class, "transaction_log", called, arguments);
            }
        };
        for (Operation operation : Operation.values()) {
            Request<?> request = RequestExamples.of(operation);

            request.sendThrough(ports);

            assertEquals(operation.toString(), called.get(called.size() - 1));
            Object[] sent = arguments.get(arguments.size() - 1);
            assertEquals(1, sent.length, operation + ": the request element alone");
            DesMessageHeader element = (DesMessageHeader) sent[0];
            assertEquals(request.envelope(), EnvelopeMapping.fromWire(element),
                    operation + ": the header fields come first, as in the DES");
            assertEquals(PayloadCodec.marshal(request), PayloadCodec.marshal(Wire.of(operation).read(element)),
                    operation + ": the element carries the request's content");
        }
    }

    /** A client that records which of its methods was called, and with what, and answers an empty receipt. */
    private static <P> P recording(Class<P> port, String service, List<String> called, List<Object[]> arguments) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            called.add(service + "." + method.getName());
            arguments.add(args);
            return method.getReturnType().getConstructor().newInstance();
        }));
    }
}
