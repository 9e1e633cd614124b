package org.itlgateway.simulator.conformance;

/** How a conformance test ended for the registry under test. */
public enum Outcome {
    /** Every check of the test held. */
    PASSED,
    /** A check did not hold; the result says the first that did not. */
    FAILED,
    /** Not run: a category before its own failed (and the run was not told to continue). */
    SKIPPED,
    /** Not run: the test is not about a registry of this kind (e.g. AAU issuance for the CDM registry). */
    NOT_APPLICABLE
}
