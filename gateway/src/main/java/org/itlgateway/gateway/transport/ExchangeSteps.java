package org.itlgateway.gateway.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a node or the simulator adds around an endpoint's exchanges on the direct path: a look at each request before
 * it is read, at each answer before it is written, and a count of each refusal. Every method does nothing unless
 * overridden.
 */
public interface ExchangeSteps {

    /**
     * Before anything of the request is read.
     *
     * @return false when this step answered the request itself (nothing more is done with it)
     */
    default boolean arrived(HttpServletResponse response) throws IOException {
        return true;
    }

    /**
     * Before the answer is written.
     *
     * @param exchange the verified request answered, or {@code null} for a refusal of one that never authenticated
     * @param answer   the answer as it would be written (a signed envelope, or a fault)
     * @return true when this step wrote (or broke) the answer itself
     */
    default boolean answering(SignedExchange exchange, HttpServletRequest request, HttpServletResponse response,
                              byte[] answer) throws IOException {
        return false;
    }

    /**
     * A request was refused with a fault carrying {@code code}.
     *
     * @param operation the operation it named, or "unknown" when it was refused before its Body was read
     */
    default void refused(String operation, int code) {
    }
}
