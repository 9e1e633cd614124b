package org.itlgateway.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.gateway.messaging.MessageReceiver;
import org.itlgateway.gateway.messaging.Receipt;

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
}
