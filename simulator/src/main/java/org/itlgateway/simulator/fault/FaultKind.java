package org.itlgateway.simulator.fault;

/** What a tester can make a node do wrong. */
public enum FaultKind {
    /** Refuses connections' requests at once with HTTP 503, processing nothing. */
    UNAVAILABLE,
    /** Holds each request without answering until the caller gives up, processing nothing. */
    TIMEOUT,
    /** Answers normally, but only after a delay of the given milliseconds. */
    SLOW,
    /** Processes the request but answers with a reply that is not XML. */
    MALFORMED_REPLY,
    /** Refuses every request with a receipt of 0 and the given response code, processing nothing. */
    REFUSE_ALL
}
