package org.itlgateway.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceWaitsTest {

    private static final RegistryUnderTest NEW_ZEALAND = new RegistryUnderTest() {
        @Override
        public String code() {
            return "NZ";
        }

        @Override
        public String propose(Action action, Conformance conformance) {
            throw new UnsupportedOperationException("no proposal in these tests");
        }

        @Override
        public Optional<JsonNode> prepare(Action action) {
            return Optional.empty();
        }

        @Override
        public Optional<JsonNode> view(String path) {
            return Optional.empty();
        }
    };

    /** Waits that only the settled reason or the probe end, well before this patience. */
    private final Conformance conformance = new Conformance(null, NEW_ZEALAND, Duration.ofMinutes(1));

    @Test
    void aWaitWhoseOutcomeIsSettledFailsAtOnceWithTheReasonThatSettledIt() {
        ConformanceFailure failure = assertThrows(ConformanceFailure.class, () -> conformance.awaitUnlessSettled(
                "NZ to release what NZ9 reserved", Optional::empty, () -> Optional.of("NZ ended NZ9 and kept what it reserved")));

        assertEquals("NZ ended NZ9 and kept what it reserved", failure.getMessage());
    }

    @Test
    void whatIsAwaitedWinsOverASettledReasonReadBeforeIt() {
        assertEquals("released", conformance.awaitUnlessSettled("NZ to release what NZ9 reserved",
                () -> Optional.of("released"), () -> Optional.of("NZ ended NZ9 and kept what it reserved")));
    }

    @Test
    void eachRoundReadsWhetherTheWaitIsSettledBeforeAskingForWhatIsAwaited() {
        List<String> reads = new ArrayList<>();

        ConformanceFailure failure = assertThrows(ConformanceFailure.class, () -> conformance.awaitUnlessSettled(
                "NZ to release what NZ9 reserved", () -> {
                    reads.add("probe");
                    return Optional.empty();
                }, () -> {
                    reads.add("settled");
                    return reads.size() < 4 ? Optional.empty() : Optional.of("NZ ended NZ9 and kept what it reserved");
                }));

        assertEquals(List.of("settled", "probe", "settled", "probe", "settled", "probe"), reads);
        assertEquals("NZ ended NZ9 and kept what it reserved", failure.getMessage());
    }
}
