package org.itlgateway.simulator.conformance;

/**
 * Something the registry under test is asked to do: in words for its operator, and as the request to its operator
 * API that does it in this project's registry gateway.
 *
 * @param instruction what to do, for a person at the registry's controls
 * @param path        the operator API's route ({@code POST}), e.g. {@code /transactions}
 * @param body        the request's JSON body
 */
public record Action(String instruction, String path, String body) {

    /** A proposal: the registry sends it to the ITL as {@code acceptProposal}. */
    public static Action proposal(String instruction, String body) {
        return new Action(instruction, "/transactions", body);
    }
}
