package org.itlgateway.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
