package org.itlgateway.gateway.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.registry.TransactionLifecycle;
import org.itlgateway.gateway.node.RegistryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry node's operator API: REST over HTTP, JSON in and out, on the JDK's own HTTP server. An operator
 * proposes transactions (in full for any registry, or as the CDM registry's operations), follows each one through
 * its statuses and the messages it sent and received, and sees the accounts and the unit blocks they hold; the
 * CDM registry also answers its attestations and public reports. The routes are described in
 * {@code docs/operator-api.md}.
 *
 * <p>Every request runs in one unit of work on the registry's database; a proposal and its message to the log
 * commit together ({@link RegistryNode#submit}). Errors are answered as {@code {"error": ..., "codes": [...]}}
 * with their HTTP status: 400 a request that cannot be read, 404 unknown, 405 wrong method, 409 not possible
 * in the registry's state, 413 too large, 422 refused by the registry's rules (with the results and their
 * blocks). Anything unexpected is logged here and answered 500 without its details.
 */
public final class OperatorApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
    private static final int THREADS = 4;

    private final OperatedRegistry registry;
    private final Routes routes = new Routes();
    private HttpServer server;
    private ExecutorService workers;
    private byte[] token;

    private OperatorApi(OperatedRegistry registry) {
        this.registry = registry;
        routes.get("/", request -> ApiReply.ok(new Index(registry.code().value(), routes.describe())));
        new RegistryRoutes(registry).addTo(routes);
        new TransactionRoutes(registry).addTo(routes);
        new CdmRoutes(registry).addTo(routes);
        new DeadLetterRoutes(registry).addTo(routes);
    }

    /** The operator API of any registry, proposing through its transaction lifecycle. */
    public static OperatorApi forRegistry(RegistryNode node, TransactionLifecycle lifecycle, RegistryRecords records,
                                          Clock clock) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        return new OperatorApi(new OperatedRegistry(node, records, lifecycle, null, clock));
    }

    /** The operator API of the CDM registry, with its operations, attestations and reports. */
    public static OperatorApi forCdm(RegistryNode node, CdmRegistry cdm, RegistryRecords records, Clock clock) {
        Objects.requireNonNull(cdm, "CDM registry");
        return new OperatorApi(new OperatedRegistry(node, records, cdm.lifecycle(), cdm, clock));
    }

    /** What {@code GET /} answers: whose API this is and its routes. */
    record Index(String registry, List<String> routes) {
    }

    /**
     * From now on, answers only requests that carry {@code Authorization: Bearer <token>} (others get 401); a null
     * or blank token leaves the API open, for an operator API bound to the loopback interface only.
     */
    public synchronized OperatorApi requireToken(String newToken) {
        this.token = newToken == null || newToken.isBlank() ? null : newToken.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Listens on {@code host}:{@code port} (0: any free port); answers the address it listens on. */
    public synchronized InetSocketAddress start(String host, int port) {
        if (server != null) {
            return server.getAddress();
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the operator API of " + registry.code() + " cannot listen on " + host + ":"
                    + port + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "operator-" + registry.code() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
        server.start();
        LOG.info("{} operator API at {}", registry.code(), address());
        return server.getAddress();
    }

    /** Where the API listens, e.g. {@code http://127.0.0.1:8081}; fails when it is not started. */
    public synchronized String address() {
        if (server == null) {
            throw new IllegalStateException("the operator API of " + registry.code() + " is not started");
        }
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops listening; requests under way get a second to finish. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        workers = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            ApiReply reply;
            try {
                checkToken(exchange);
                Routes.Match match = routes.find(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
                reply = match.answer().answer(new ApiRequest(exchange, match.pathValues()));
            } catch (ApiProblem problem) {
                reply = new ApiReply(problem.status(), problem.view(), null, problem.status() == 401
                        ? java.util.Map.of("WWW-Authenticate", "Bearer realm=\"" + registry.code() + " operator API\"")
                        : problem.allowedMethods().isEmpty()
                        ? java.util.Map.of() : java.util.Map.of("Allow", String.join(", ", problem.allowedMethods())));
            } catch (RuntimeException unexpected) {
                LOG.error("{} operator API: {} {} failed", registry.code(), exchange.getRequestMethod(),
                        exchange.getRequestURI(), unexpected);
                reply = new ApiReply(500, new ApiProblem.ErrorView("the registry could not answer this request ("
                        + unexpected.getClass().getSimpleName() + "); its log says why", List.of(), null), null,
                        java.util.Map.of());
            }
            send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("{} operator API: the answer could not be sent: {}", registry.code(), e.getMessage());
        }
    }

    /** Refuses the request unless it carries the bearer token (compared in constant time), when one is required. */
    private void checkToken(HttpExchange exchange) {
        byte[] required;
        synchronized (this) {
            required = token;
        }
        if (required == null) {
            return;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] presented = given != null && given.startsWith("Bearer ")
                ? given.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!java.security.MessageDigest.isEqual(required, presented)) {
            throw ApiProblem.unauthorized(given == null
                    ? "this operator API takes requests with its token only: send Authorization: Bearer <token>"
                    : "the token in the Authorization header is not this operator API's");
        }
    }

    private static void send(HttpExchange exchange, ApiReply reply) throws IOException {
        byte[] body;
        String type;
        if (reply.text() != null) {
            body = reply.text().getBytes(StandardCharsets.UTF_8);
            type = "text/plain; charset=utf-8";
        } else {
            body = OperatorJson.MAPPER.writeValueAsBytes(reply.json());
            type = "application/json; charset=utf-8";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
