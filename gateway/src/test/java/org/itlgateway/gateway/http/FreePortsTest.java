package org.itlgateway.gateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsLieBelowTheRangeOutgoingConnectionsTakeTheirLocalPortsFrom() {
        int ephemeralStart = FreePorts.ephemeralStart();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertTrue(port >= FreePorts.LOWEST && port < ephemeralStart, port + " outside [" + FreePorts.LOWEST + ", " + ephemeralStart + ")");
        }
    }

    @Test
    void oneProcessNeverHandsOutAPortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePorts.next());
        }
        assertEquals(200, ports.size());
    }

    @Test
    void aPortHandedOutCanBeBoundAndABoundOneIsNotFree() throws Exception {
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            assertFalse(FreePorts.isFree(port), "a listening port is taken");
        }
    }

    @Test
    void processesGivenSlicesOfTheRangeNeverShareAPort() {
        int[] first = FreePorts.slice(10_000, 32_768, "1/2");
        int[] second = FreePorts.slice(10_000, 32_768, "2/2");
        assertEquals(10_000, first[0]);
        assertEquals(first[1], second[0], "the slices meet and do not overlap");
        assertTrue(second[1] <= 32_768, "the last slice stays below the ephemeral range");
        assertArrayEquals(new int[] {10_000, 32_768}, FreePorts.slice(10_000, 32_768, null));
    }

    @Test
    void aSliceThatIsNotKOfNIsRefusedNamingTheProperty() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FreePorts.slice(10_000, 32_768, "3/2"));
        assertTrue(refused.getMessage().contains(FreePorts.SLICE), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FreePorts.slice(10_000, 32_768, "half"));
    }
}
