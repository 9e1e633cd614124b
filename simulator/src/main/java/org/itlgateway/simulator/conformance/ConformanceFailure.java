package org.itlgateway.simulator.conformance;

/** A check of a conformance test that did not hold; its message is the test's first reason. */
public final class ConformanceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConformanceFailure(String reason) {
        super(reason);
    }
}
