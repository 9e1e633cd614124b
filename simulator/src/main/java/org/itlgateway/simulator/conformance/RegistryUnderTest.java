package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The registry the plan runs against, as the runner asks it to act and reads its own view. */
public interface RegistryUnderTest {

    /** Its registry code (the CN of its certificate, the code of its profile). */
    String code();

    /**
     * Has the registry propose a transaction; answers its identifier once the ITL has received the proposal, or fails
     * the test when the registry refuses or nothing arrives in time.
     */
    String propose(Action action, Conformance conformance);

    /**
     * Has the registry do something that sends no message (open an account); answers what the registry answered, or
     * empty when the registry's answer cannot be read (a registry driven by hand).
     */
    Optional<JsonNode> prepare(Action action);

    /** The registry's own view at an operator API route ({@code GET}); empty when it is not driven through one. */
    Optional<JsonNode> view(String path);

    /** Whether the registry's own view can be read. */
    default boolean driven() {
        return false;
    }
}
