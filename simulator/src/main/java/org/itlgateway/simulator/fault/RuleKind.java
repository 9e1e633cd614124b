package org.itlgateway.simulator.fault;

/** What a fault rule does to a message it fires on (WireMock's fault vocabulary, for a network of signed SOAP). */
public enum RuleKind {
    /** No answer: the connection is closed without a response, the way a lost message (or lost reply) looks. */
    DROP,
    /** The message is handed to the destination twice; the second is recognised as the same message. */
    DUPLICATE,
    /** The message is held back and handed in after the next message the rule matches (or once its hold ends). */
    REORDER,
    /** The answer (or, on the way, the message) waits a duration drawn from the rule's distribution. */
    DELAY,
    /** The connection is reset (TCP RST) instead of answered: WireMock's CONNECTION_RESET_BY_PEER. */
    CONNECTION_RESET,
    /** A partial answer (status and headers, half the body), then the connection closes: MALFORMED_RESPONSE_CHUNK. */
    TRUNCATED_BODY,
    /** Random bytes that are not HTTP, then the connection closes: RANDOM_DATA_THEN_CLOSE. */
    GARBAGE_THEN_CLOSE;

    /** Whether the kind breaks the HTTP exchange, so that the caller gets no receipt. */
    public boolean breaksTheExchange() {
        return this == DROP || this == CONNECTION_RESET || this == TRUNCATED_BODY || this == GARBAGE_THEN_CLOSE;
    }
}
