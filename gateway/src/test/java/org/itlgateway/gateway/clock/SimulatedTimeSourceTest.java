package org.itlgateway.gateway.clock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway's clock paired with a simulated network's, read over real HTTP from a stand-in of its control API. */
class SimulatedTimeSourceTest {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-12-02T14:00:00Z");
    private static final Instant NETWORK_NOW = Instant.parse("2016-09-01T09:00:00Z");

    private final MutableClock system = new MutableClock(SYSTEM_NOW);
    private WireMockServer network;

    @BeforeEach
    void start() {
        network = new WireMockServer(options().dynamicPort());
        network.start();
    }

    @AfterEach
    void stop() {
        network.stop();
    }

    @Test
    void theClockRunsAtTheNetworksTimeReadAtStart() {
        networkTimeIs(NETWORK_NOW);

        Clock clock = SimulatedTimeSource.of(URI.create(network.baseUrl()), system).clock();

        assertEquals(NETWORK_NOW, clock.instant());
        system.advance(Duration.ofSeconds(42));
        assertEquals(NETWORK_NOW.plusSeconds(42), clock.instant(), "it runs at the system clock's speed");
    }

    @Test
    void aRefreshFollowsTheNetworksClockWhenATesterMovesIt() {
        networkTimeIs(NETWORK_NOW);
        SimulatedTimeSource source = SimulatedTimeSource.of(URI.create(network.baseUrl()), system);
        networkTimeIs(NETWORK_NOW.plus(Duration.ofDays(1)));

        assertTrue(source.refresh());

        assertEquals(NETWORK_NOW.plus(Duration.ofDays(1)), source.clock().instant());
    }

    @Test
    void aRefreshThatFindsTheSameTimeChangesNothing() {
        networkTimeIs(NETWORK_NOW);
        SimulatedTimeSource source = SimulatedTimeSource.of(URI.create(network.baseUrl()), system);

        assertFalse(source.refresh());
        assertEquals(NETWORK_NOW, source.clock().instant());
    }

    @Test
    void theClockNeverGoesBackWhenTheNetworksClockIsSetBack() {
        networkTimeIs(NETWORK_NOW);
        SimulatedTimeSource source = SimulatedTimeSource.of(URI.create(network.baseUrl()), system);
        Instant given = source.clock().instant();
        networkTimeIs(NETWORK_NOW.minusSeconds(30));

        source.refresh();

        assertEquals(given, source.clock().instant(), "it holds the last instant given");
        system.advance(Duration.ofSeconds(31));
        assertEquals(NETWORK_NOW.plusSeconds(1), source.clock().instant(), "then runs on from the corrected time");
    }

    @Test
    void aNetworkThatCannotBeReachedStopsTheStartWithItsAddress() throws Exception {
        int closedPort = FreePorts.next();
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SimulatedTimeSource.of(nowhere, system));

        assertTrue(refused.getMessage().contains(nowhere + "/clock"), refused.getMessage());
    }

    @Test
    void anAnswerWithoutTheTimeStopsTheStartSayingWhatCame() {
        network.stubFor(get(urlEqualTo("/clock")).willReturn(okJson("{\"running\": true}")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SimulatedTimeSource.of(URI.create(network.baseUrl()), system));

        assertTrue(refused.getMessage().contains("no \"now\""), refused.getMessage());
    }

    @Test
    void aNetworkGoneQuietAfterTheStartLeavesTheClockRunningOnItsOffset() {
        networkTimeIs(NETWORK_NOW);
        SimulatedTimeSource source = SimulatedTimeSource.of(URI.create(network.baseUrl()), system);
        network.stop();

        assertFalse(source.refresh());

        system.advance(Duration.ofSeconds(5));
        assertEquals(NETWORK_NOW.plusSeconds(5), source.clock().instant());
    }

    private void networkTimeIs(Instant now) {
        network.stubFor(get(urlEqualTo("/clock")).willReturn(okJson("{\"now\": \"" + now + "\", \"running\": true}")));
    }
}
