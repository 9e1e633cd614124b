package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Any other registry: the runner prints what its operator is to do and waits, on the wall clock, until the ITL's
 * journal shows the message that action sends. The registry's own view is not read; the checks are the network's.
 */
public final class ManualRegistry implements RegistryUnderTest {

    private final String code;
    private final PrintStream out;

    public ManualRegistry(String code, PrintStream out) {
        this.code = code;
        this.out = out;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String propose(Action action, Conformance conformance) {
        long mark = conformance.journalMark();
        out.println();
        out.println(">>> " + code + ": " + action.instruction());
        out.println("    (this project's gateway would be sent: POST " + action.path() + " " + action.body().replace('\n', ' ') + ")");
        out.println("    waiting up to " + conformance.patience().toSeconds() + " s for the ITL to receive the proposal ...");
        return conformance.awaitNewProposalFrom(code, mark);
    }

    @Override
    public Optional<JsonNode> prepare(Action action) {
        out.println();
        out.println(">>> " + code + ": " + action.instruction() + " (if not done yet)");
        out.println("    (this project's gateway would be sent: POST " + action.path() + " " + action.body().replace('\n', ' ') + ")");
        return Optional.empty();
    }

    @Override
    public Optional<JsonNode> view(String path) {
        return Optional.empty();
    }
}
