package org.itlgateway.gateway.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.itlgateway.gateway.http.Answers;

/**
 * {@code GET /metrics}: every meter of the process in Prometheus's text format, or in OpenMetrics when the request's
 * {@code Accept} names {@code application/openmetrics-text} (as Prometheus's own scrapes do). Served by the registry
 * gateway's operator API (behind its token) and by the simulator's control API.
 */
@Path("/metrics")
public final class MetricsRoute {

    private final Metrics metrics;

    public MetricsRoute(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @GET
    @Produces({Metrics.TEXT_FORMAT, Metrics.OPENMETRICS_FORMAT})
    @Answers(summary = "every meter, in Prometheus's text format (or OpenMetrics on Accept)", body = String.class)
    public Response metrics(@HeaderParam("Accept") String accept) {
        String format = Metrics.formatFor(accept);
        return Response.ok(metrics.scrape(format)).type(format).build();
    }
}
