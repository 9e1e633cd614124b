package org.itlgateway.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.itlgateway.core.store.Database;

/**
 * The meters of one process: a standalone gateway's, or a whole simulated network's (one registry, every node's
 * meters tagged with its {@code node}). It holds the Prometheus registry with the JVM's meters bound (memory, garbage
 * collection, threads, class loading, processor), makes each node's {@link NodeMetrics}, and writes everything in
 * Prometheus's text format or OpenMetrics for {@code GET /metrics}. The meters and their tags are documented in
 * {@code docs/operations.md}.
 */
public final class Metrics implements AutoCloseable {

    /** Prometheus's text format, the answer unless OpenMetrics is asked for. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics, answered to an {@code Accept} that names it. */
    public static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Which node each connection pool is, so the pool's meters carry the node's tag. */
    private final Map<String, String> nodeOfPool = new ConcurrentHashMap<>();

    private Metrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String pool = id.getName().startsWith("hikaricp") ? id.getTag("pool") : null;
                String node = pool == null ? null : nodeOfPool.get(pool);
                return node == null ? id : id.withTag(Tag.of("node", node));
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** A process's meters, the JVM's already bound. */
    public static Metrics create() {
        return new Metrics();
    }

    /** The registry every meter is in. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The meters of node {@code code} on its {@code database}: its messages, its inbox and outbox, its transactions by
     * status and its connection pool; time (the ages, how long a reading is kept) from the node's {@code clock}.
     */
    public NodeMetrics node(String code, Database database, Clock clock) {
        Objects.requireNonNull(database, "database");
        nodeOfPool.put(database.poolName(), code);
        database.recordPoolMetrics(registry);
        return new NodeMetrics(registry, code, clock, NodeMetrics.queuesOf(database), NodeMetrics.transactionsOf(database));
    }

    /** The content type answered to a request with this {@code Accept} header (null: none). */
    public static String formatFor(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_FORMAT : TEXT_FORMAT;
    }

    /** Every meter now, in {@code format} ({@link #TEXT_FORMAT} or {@link #OPENMETRICS_FORMAT}). */
    public byte[] scrape(String format) {
        return registry.scrape(format).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
