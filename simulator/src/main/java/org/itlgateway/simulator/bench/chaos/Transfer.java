package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One transfer of the load as the runner follows it: what it proposed, what the registry answered, how it ended. */
final class Transfer {

    /** What the runner knows of the proposal. */
    enum State {
        /** not sent yet */
        PLANNED,
        /** answered 202 */
        ACCEPTED,
        /** the call failed while the registry was being killed: the answer is unknown until looked up */
        UNKNOWN,
        /** unknown, then found in the registry's transactions */
        FOUND_AFTER_KILL,
        /** unknown, then not found: the registry never recorded it */
        NOT_RECORDED,
        /** answered 422: the registry's rules refused it, nothing changed */
        REFUSED
    }

    final ChaosPlan.PlannedTransfer plan;
    final List<JsonNode> blocks;
    volatile State state = State.PLANNED;
    volatile String id;
    volatile int finalStatus;
    volatile String answer;

    Transfer(ChaosPlan.PlannedTransfer plan, List<JsonNode> blocks) {
        this.plan = plan;
        this.blocks = blocks;
    }

    long firstSerial() {
        return blocks.get(0).path("start").asLong();
    }

    /** Whether the registry recorded it (202, or found after a kill). */
    boolean recorded() {
        return state == State.ACCEPTED || state == State.FOUND_AFTER_KILL;
    }

    boolean completed() {
        return recorded() && finalStatus == 4;
    }
}
