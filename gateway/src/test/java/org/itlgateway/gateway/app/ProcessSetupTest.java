package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JVM-wide choices of our commands: the common pool's size. */
class ProcessSetupTest {

    @Test
    void onOneOrTwoCoresTheCommonPoolGetsTwoThreadsSoCompletionsDoNotEachStartAThread() {
        assertEquals(Optional.of("2"), ProcessSetup.commonPoolParallelism(1, null));
        assertEquals(Optional.of("2"), ProcessSetup.commonPoolParallelism(2, null));
    }

    @Test
    void onMoreCoresTheJvmsOwnSizeIsKept() {
        assertEquals(Optional.empty(), ProcessSetup.commonPoolParallelism(3, null));
        assertEquals(Optional.empty(), ProcessSetup.commonPoolParallelism(16, null));
    }

    @Test
    void anOperatorsChoiceIsKept() {
        assertEquals(Optional.empty(), ProcessSetup.commonPoolParallelism(2, "1"));
        assertEquals(Optional.empty(), ProcessSetup.commonPoolParallelism(2, "8"));
    }
}
