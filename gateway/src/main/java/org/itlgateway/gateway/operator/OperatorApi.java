package org.itlgateway.gateway.operator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.gateway.http.GuardedHttpServer;
import org.itlgateway.gateway.http.HttpAnswer;
import org.itlgateway.gateway.http.HttpCall;
import org.itlgateway.gateway.http.HttpService;
import org.itlgateway.gateway.node.RegistryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry node's operator API: REST over HTTP, JSON in and out, on a {@link GuardedHttpServer}. An operator
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
 *
 * <p>It listens on the loopback interface only (it has no TLS), and refuses what a web page in the operator's
 * browser could send it: a request addressed to another host name (421, DNS rebinding), one from another origin
 * (403), a change without {@code Content-Type: application/json} (415). With a token, every request must carry
 * {@code Authorization: Bearer <token>} (401).
 */
public final class OperatorApi implements AutoCloseable, HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);

    private final OperatedRegistry registry;
    private final Routes routes = new Routes();
    private GuardedHttpServer server;
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
     * or blank token leaves the API open (the simulated network's registries, for testers on the same machine).
     */
    public synchronized OperatorApi requireToken(String newToken) {
        this.token = newToken == null || newToken.isBlank() ? null : newToken.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Listens on {@code host}:{@code port} (0: any free port); answers the address it listens on. The host must be a
     * loopback address or name: the API speaks plain HTTP, so it is refused anywhere a network could reach it.
     */
    public synchronized InetSocketAddress start(String host, int port) {
        if (server != null) {
            return server.address();
        }
        requireLoopback(host);
        server = GuardedHttpServer.start("operator-" + registry.code(), host, port,
                new GuardedHttpServer.Limits(ApiRequest.MAX_BODY_BYTES, java.time.Duration.ofSeconds(10), 4), this);
        LOG.info("{} operator API at {}", registry.code(), address());
        return server.address();
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
                    + "localhost), not on " + host + ": it speaks plain HTTP without TLS; to reach it from elsewhere, "
                    + "put a TLS proxy or an SSH tunnel in front of it");
        }
    }

    /** Where the API listens, e.g. {@code http://127.0.0.1:8081}; fails when it is not started. */
    public synchronized String address() {
        if (server == null) {
            throw new IllegalStateException("the operator API of " + registry.code() + " is not started");
        }
        InetSocketAddress address = server.address();
        String host = address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops listening; requests under way get a second to finish. */
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

    @Override
    public HttpAnswer answer(HttpCall call) {
        ApiReply reply;
        try {
            checkToken(call);
            Routes.Match match = routes.find(call.method(), call.rawPath());
            reply = match.answer().answer(new ApiRequest(call, match.pathValues()));
        } catch (ApiProblem problem) {
            reply = new ApiReply(problem.status(), problem.view(), null, problem.status() == 401
                    ? Map.of("WWW-Authenticate", "Bearer realm=\"" + registry.code() + " operator API\"")
                    : problem.allowedMethods().isEmpty()
                    ? Map.of() : Map.of("Allow", String.join(", ", problem.allowedMethods())));
        } catch (RuntimeException unexpected) {
            LOG.error("{} operator API: {} {} failed", registry.code(), call.method(), call.rawPath(), unexpected);
            reply = new ApiReply(500, new ApiProblem.ErrorView("the registry could not answer this request; its log says why",
                    List.of(), null), null, Map.of());
        }
        return written(reply);
    }

    @Override
    public HttpAnswer refusal(int status, String reason) {
        return written(new ApiReply(status, new ApiProblem.ErrorView(reason, List.of(), null), null, Map.of()));
    }

    /** Refuses the request unless it carries the bearer token (compared in constant time), when one is required. */
    private void checkToken(HttpCall call) {
        byte[] required;
        synchronized (this) {
            required = token;
        }
        if (required == null) {
            return;
        }
        String given = call.header("Authorization").orElse(null);
        byte[] presented = given != null && given.startsWith("Bearer ")
                ? given.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(required, presented)) {
            throw ApiProblem.unauthorized(given == null
                    ? "this operator API takes requests with its token only: send Authorization: Bearer <token>"
                    : "the token in the Authorization header is not this operator API's");
        }
    }

    private static HttpAnswer written(ApiReply reply) {
        if (reply.text() != null) {
            HttpAnswer text = HttpAnswer.text(reply.status(), reply.text());
            return new HttpAnswer(text.status(), text.contentType(), text.body(), reply.headers());
        }
        try {
            return HttpAnswer.json(reply.status(), OperatorJson.MAPPER.writeValueAsBytes(reply.json()), reply.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written as JSON", e);
        }
    }
}
