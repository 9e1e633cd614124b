package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.Test;

/** A gateway that stops gives its port back, so the same gateway can start again on it (as after a restart). */
class RegistryGatewayStopTest {

    @Test
    void aStoppedGatewayNoLongerHoldsItsRegistryPort() {
        int port = FreePorts.next();
        RegistryGateway gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"),
                "http://127.0.0.1:" + port + "/registry", "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(TestDatabase.freshSchemaName())
                        .withPoolSize(2),
                "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, "stop-test-token"),
                new MutableClock(Instant.parse("2024-03-14T09:31:00Z")));
        assertFalse(canBind(port), "the running gateway listens on " + port);

        gateway.close();

        assertTrue(canBind(port), "port " + port + " is free once the gateway stopped");
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
