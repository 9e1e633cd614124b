package org.itlgateway.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;

/** A receiver that keeps what reached it and accepts everything: for tests of the layers in front of it. */
public final class RecordingReceiver implements MessageReceiver {

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @Override
    public Receipt receive(InboundMessage message) {
        received.add(message);
        return Receipt.acceptedForProcessing();
    }

    public List<InboundMessage> received() {
        return received;
    }

    /** The ITL's TransactionLogService at {@code address}, signed and verified as in production, handing to this receiver. */
    public org.apache.cxf.endpoint.Server publishAsTheLog(String address) {
        return org.itlgateway.gateway.transport.SoapEndpoints.publishTransactionLog(address,
                new org.itlgateway.gateway.transport.TransactionLogEndpoint(this, java.time.Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), org.itlgateway.gateway.inbound.InboundLimits.defaults(),
                TestDatabase.seenMessages());
    }
}
