package org.itlgateway.simulator.conformance;

/** What a conformance test does and checks; a check that does not hold throws {@link ConformanceFailure}. */
@FunctionalInterface
public interface Scenario {

    void play(Conformance conformance) throws Exception;
}
