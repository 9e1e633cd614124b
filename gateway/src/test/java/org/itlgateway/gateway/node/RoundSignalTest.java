package org.itlgateway.gateway.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.Wire;
import org.junit.jupiter.api.Test;

class RoundSignalTest {

    private final RoundSignal signal = new RoundSignal();

    @Test
    void aMessageTakenIntoTheInboxWakesTheLoopAtOnce() throws InterruptedException {
        signal.wakingAfter(answering(Receipt.acceptedForProcessing())).receive(message(Operation.LOG_ACCEPT_PROPOSAL));

        assertTrue(signal.await(Duration.ZERO), "woken: there is work");
        assertFalse(signal.await(Duration.ZERO), "the signal is cleared once the loop took it");
    }

    @Test
    void aRefusalOrAnAnsweredQueryLeavesNothingToDoAndWakesNothing() throws InterruptedException {
        signal.wakingAfter(answering(Receipt.refusal(ResponseCode.SCHEMA_INVALID, "no")))
                .receive(message(Operation.LOG_ACCEPT_PROPOSAL));
        signal.wakingAfter(answering(Receipt.time(Instant.EPOCH))).receive(message(Operation.REGISTRY_PROVIDE_TIME));

        assertFalse(signal.await(Duration.ZERO));
    }

    @Test
    void wakeUpsWhileARoundIsUnderWayMakeOneMoreRoundNotOneEach() throws InterruptedException {
        signal.wake();
        signal.wake();
        signal.wake();

        assertEquals(true, signal.await(Duration.ZERO));
        assertEquals(false, signal.await(Duration.ZERO));
    }

    private static MessageReceiver answering(Receipt receipt) {
        return message -> receipt;
    }

    private static InboundMessage message(Operation operation) {
        return new InboundMessage(Wire.of(operation).request(new Envelope("CDM", "ITL", 1, 0), null), "CDM",
                Instant.parse("2024-03-14T09:30:00Z"), new byte[0]);
    }
}
