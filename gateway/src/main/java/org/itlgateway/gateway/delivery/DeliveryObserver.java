package org.itlgateway.gateway.delivery;

import java.time.Duration;
import java.util.List;

/** Told of every delivery attempt of the outbox with its codes and round trip (for the node's meters and message log). */
@FunctionalInterface
public interface DeliveryObserver {

    /**
     * @param message   what was sent
     * @param attempt   which attempt this was (1 the first; more is a retry)
     * @param outcome   how the attempt ended
     * @param codes     the response codes of the receipt or refusal (empty when accepted or without a receipt)
     * @param roundTrip how long the call took, from the request leaving to its answer (zero when it never left)
     */
    void attempted(OutboundMessage message, int attempt, SendOutcome outcome, List<Integer> codes, Duration roundTrip);

    DeliveryObserver NONE = (message, attempt, outcome, codes, roundTrip) -> { };
}
