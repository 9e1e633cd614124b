package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.http.BearerToken;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.http.OpenApi;
import org.itlgateway.gateway.http.Pages;
import org.itlgateway.gateway.metrics.Metrics;
import org.itlgateway.gateway.metrics.MetricsRoute;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.pki.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry node's operator API: REST over HTTP, JSON in and out, JAX-RS resources on a {@link JsonApiServer}. An
 * operator proposes transactions (in full for any registry, or as the CDM registry's operations), follows each one
 * through its statuses and the messages it sent and received, and sees the accounts and the unit blocks they hold;
 * the CDM registry also answers its attestations and public reports. The routes are described in
 * {@code docs/operator-api.md}; the API serves its OpenAPI document at {@code GET /openapi.json} (a copy is kept
 * in {@code docs/operator-api.openapi.json}).
 *
 * <p>Every request runs in one unit of work on the registry's database; a proposal and its message to the log
 * commit together ({@link RegistryNode#submit}). Errors are answered as {@code application/problem+json} (RFC
 * 9457: type, title, status, detail) with their HTTP status: 400 a request that cannot be read (with the
 * {@code field} when one is to blame), 401 without the token, 404 unknown, 405 wrong method, 409 not possible in
 * the registry's state, 413 too large, 415 not JSON, 422 refused by the registry's rules (with the response
 * {@code codes} and the {@code results} with their blocks). Anything unexpected is logged and answered 500
 * without its details.
 *
 * <p>Without TLS it listens on the loopback interface only; with a TLS credential ({@link #useTls}) on any. It
 * refuses what a web page in the operator's browser could send it: a request addressed to another host name (421,
 * DNS rebinding), one from another origin (403), a change without {@code Content-Type: application/json} (415).
 * With a token, every request must carry {@code Authorization: Bearer <token>} (401).
 */
public final class OperatorApi implements AutoCloseable {

    /** The largest body read by default; larger ones are refused with 413 before they are read in full. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** The API's limits unless told others: 1 MB bodies, 10 s of silence, 16 threads. */
    public static final JsonApiServer.Limits DEFAULT_LIMITS = new JsonApiServer.Limits(MAX_BODY_BYTES,
            Duration.ofSeconds(10), 16);

    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);

    private final OperatedRegistry registry;
    private final List<Object> resources;
    private final OperatorServices services;
    private JsonApiServer server;
    private byte[] token;
    private Credential tls;
    private Pages pages;
    private JsonApiServer.Limits limits = DEFAULT_LIMITS;

    private OperatorApi(OperatedRegistry registry, Metrics metrics) {
        this.registry = registry;
        List<Object> routes = new ArrayList<>();
        routes.add(new RegistryRoutes(registry));
        routes.add(new TransactionRoutes(registry));
        routes.add(new NoticeRoutes(registry));
        routes.add(new MessageRoutes(registry));
        routes.add(new CdmRoutes(registry));
        routes.add(new HelpDeskRoutes(registry));
        routes.add(new DeadLetterRoutes(registry));
        routes.add(new EvidenceRoutes(registry));
        routes.add(new MetricsRoute(metrics));
        List<Class<?>> classes = new ArrayList<>(routes.stream().<Class<?>>map(Object::getClass).toList());
        classes.add(IndexRoute.class);
        classes.add(OpenApi.class);
        routes.add(new IndexRoute(registry.code().value(), OpenApi.routes(classes)));
        this.resources = List.copyOf(routes);
        this.services = new OperatorServices(registry, this::token, this::speaksTls);
    }

    /**
     * The operator API of any registry, proposing through its transaction lifecycle; {@code GET /metrics} answers
     * {@code metrics}.
     */
    public static OperatorApi forRegistry(RegistryNode node, TransactionLifecycle lifecycle, RegistryRecords records,
                                          Clock clock, Metrics metrics) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        return new OperatorApi(new OperatedRegistry(node, records, lifecycle, null, clock), metrics);
    }

    /**
     * The operator API of the CDM registry, with its operations, attestations and reports; {@code GET /metrics} answers
     * {@code metrics}.
     */
    public static OperatorApi forCdm(RegistryNode node, CdmRegistry cdm, RegistryRecords records, Clock clock,
                                     Metrics metrics) {
        Objects.requireNonNull(cdm, "CDM registry");
        return new OperatorApi(new OperatedRegistry(node, records, cdm.lifecycle(), cdm, clock), metrics);
    }

    /** What {@code GET /} answers: whose API this is and its routes. */
    public record Index(String registry, List<String> routes) {
    }

    /** {@code GET /}. */
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class IndexRoute {

        private final Index index;

        IndexRoute(String registry, List<String> routes) {
            this.index = new Index(registry, routes);
        }

        @GET
        public Index index() {
            return index;
        }
    }

    /**
     * From now on, answers only requests that carry {@code Authorization: Bearer <token>} (others get 401); a null
     * or blank token leaves the API open (the simulated network's registries, for testers on the same machine).
     */
    public synchronized OperatorApi requireToken(String newToken) {
        this.token = newToken == null || newToken.isBlank() ? null : newToken.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Takes the evidence archive's checkpoints on demand ({@code POST /evidence/checkpoints}) with these; null (the
     * default) answers such a demand 409.
     */
    public OperatorApi signingCheckpoints(EvidenceCheckpoints checkpoints) {
        registry.signingCheckpoints(checkpoints);
        return this;
    }

    /** Speaks TLS only, presenting this credential (its certificate chain and key); null for plain HTTP. */
    public synchronized OperatorApi useTls(Credential credential) {
        this.tls = credential;
        return this;
    }

    private synchronized byte[] token() {
        return token;
    }

    private synchronized boolean speaksTls() {
        return tls != null;
    }

    /** What the API does, for pages served beside it ({@link #serve}). */
    public OperatorServices services() {
        return services;
    }

    /**
     * Serves these web pages beside the API from its next start, on its port: they take the place of the bearer
     * token on their own paths with a session of their own (the registry console).
     */
    public synchronized OperatorApi serve(Pages webPages) {
        this.pages = webPages;
        return this;
    }

    /**
     * From its next start, answers within these limits: a larger body is answered 413, a connection silent for the
     * idle timeout is closed, at most so many threads answer.
     */
    public synchronized OperatorApi limitedTo(JsonApiServer.Limits newLimits) {
        this.limits = Objects.requireNonNull(newLimits, "limits");
        return this;
    }

    /**
     * Listens on {@code host}:{@code port} (0: any free port); answers the address it listens on. Without TLS the
     * host must be a loopback address or name: plain HTTP is refused anywhere a network could reach it.
     */
    public synchronized InetSocketAddress start(String host, int port) {
        if (server != null) {
            return server.address();
        }
        if (tls == null) {
            requireLoopback(host);
        }
        String name = "operator-" + registry.code();
        server = JsonApiServer.start(new JsonApiServer.Api(name, "ITL Gateway registry operator API",
                "the routes are listed in docs/operator-api.md and at GET /openapi.json", mapper(), resources,
                List.of(bearerToken(), new ApiProblem.Mapper()), pages),
                host, port, limits, tls);
        LOG.info("{} operator API at {}", registry.code(), address());
        return server.address();
    }

    private BearerToken bearerToken() {
        BearerToken bearer = new BearerToken(this::token, registry.code() + " operator API");
        return pages == null ? bearer : bearer.exceptOn(pages);
    }

    private static ObjectMapper mapper() {
        return OperatorJson.MAPPER;
    }

    /** Fails unless {@code host} is the loopback interface (127.0.0.0/8, ::1, or a name for it such as localhost). */
    public static void requireLoopback(String host) {
        boolean loopback;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            loopback = addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("the operator API listens on the loopback interface only (127.0.0.1, ::1, "
                    + "localhost), not on " + host + ", unless it speaks TLS: give it a TLS certificate and key "
                    + "(--operator-tls-certificate, --operator-tls-private-key), or put a TLS proxy or an SSH tunnel "
                    + "in front of it");
        }
    }

    /** Where the API listens, e.g. {@code http://127.0.0.1:8081}; fails when it is not started. */
    public synchronized String address() {
        if (server == null) {
            throw new IllegalStateException("the operator API of " + registry.code() + " is not started");
        }
        return server.url();
    }

    /** Stops listening and frees its port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }
}
