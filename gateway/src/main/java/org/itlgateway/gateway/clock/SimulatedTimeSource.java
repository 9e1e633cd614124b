package org.itlgateway.gateway.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs a gateway's clock with a simulated network's: reads the network's simulated time from its control API
 * ({@code GET /clock}, answering {@code {"now": "..."}}) at start, and again every {@code every} while it runs, so
 * the gateway follows when a tester moves the network's clock. The offset is measured against the system clock,
 * taking the request's round trip into account (the network's time is taken as read half-way through it).
 */
public final class SimulatedTimeSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTimeSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A correction smaller than this is left alone (the measurement's own noise). */
    private static final Duration NOISE = Duration.ofMillis(20);

    private final URI clockAddress;
    private final Clock system;
    private final HttpClient http;
    private final FollowingClock clock;
    private ScheduledExecutorService refresh;

    private SimulatedTimeSource(URI clockAddress, Clock system, Duration firstOffset, HttpClient http) {
        this.clockAddress = clockAddress;
        this.system = system;
        this.http = http;
        this.clock = new FollowingClock(system, firstOffset);
    }

    /**
     * Reads the network's time now (a network that cannot be reached stops the start here, with why).
     *
     * @param controlApi the network's control API, e.g. {@code http://127.0.0.1:8090}
     */
    public static SimulatedTimeSource of(URI controlApi, Clock system) {
        Objects.requireNonNull(controlApi, "control API address");
        URI clockAddress = URI.create(controlApi.toString().replaceAll("/+$", "") + "/clock");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Duration offset;
        try {
            offset = measure(http, clockAddress, system);
        } catch (IOException e) {
            throw new IllegalStateException("the simulated network's time could not be read from " + clockAddress
                    + ": " + e.getMessage(), e);
        }
        LOG.info("the registry's clock follows the simulated network's ({}), offset {} from the system clock",
                clockAddress, offset);
        return new SimulatedTimeSource(clockAddress, system, offset, http);
    }

    /** The clock that follows the network's time. */
    public FollowingClock clock() {
        return clock;
    }

    /** Reads the network's time again every {@code every} in the background, until closed. */
    public synchronized SimulatedTimeSource refreshEvery(Duration every) {
        if (refresh == null) {
            refresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "simulated-time");
                thread.setDaemon(true);
                return thread;
            });
            refresh.scheduleWithFixedDelay(this::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Reads the network's time once more and corrects the clock when it moved; answers whether it did. */
    public boolean refresh() {
        try {
            Duration measured = measure(http, clockAddress, system);
            if (measured.minus(clock.offset()).abs().compareTo(NOISE) < 0) {
                return false;
            }
            LOG.info("the simulated network's clock moved: offset {} (was {})", measured, clock.offset());
            clock.correct(measured);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("the simulated network's time could not be read from {}: {}; the clock keeps its offset",
                    clockAddress, e.getMessage());
            return false;
        }
    }

    private static Duration measure(HttpClient http, URI clockAddress, Clock system) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(clockAddress).timeout(Duration.ofSeconds(5)).GET().build();
        Instant sent = system.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Instant received = system.instant();
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + clockAddress);
        }
        JsonNode body = JSON.readTree(response.body());
        String now = body.path("now").asText(null);
        if (now == null) {
            throw new IOException("no \"now\" in the answer of " + clockAddress + ": " + abbreviated(response.body()));
        }
        Instant networkNow;
        try {
            networkNow = Instant.parse(now);
        } catch (RuntimeException e) {
            throw new IOException("\"now\" is not an instant: " + abbreviated(now), e);
        }
        Instant midway = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(midway, networkNow);
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    @Override
    public synchronized void close() {
        if (refresh != null) {
            refresh.shutdownNow();
            refresh = null;
        }
    }
}
