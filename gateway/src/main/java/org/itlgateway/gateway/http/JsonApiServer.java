package org.itlgateway.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.itlgateway.gateway.pki.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a local JSON API (a registry's operator API, the simulator's control API): JAX-RS resources on
 * CXF, on a port of its own on the Jetty 12.1 CXF already runs, with Jackson binding bodies to records and every
 * error answered as {@code application/problem+json} ({@link ProblemMapper}).
 *
 * <p>The port's Jetty server is ours, handed to CXF's engine for that port, so that what CXF would leave at Jetty's
 * defaults is guarded: a client that sends its request slowly, or stops half way, holds no thread (Jetty parses the
 * request line and headers as bytes arrive, and the body is gathered without blocking before CXF sees the request);
 * a connection that sends nothing for the idle timeout is closed; headers are capped in size; a body over the limit
 * is refused with 413 as soon as it is declared or, when it comes in chunks, as soon as it passes the limit, never
 * read further. Requests a page in a browser could forge are refused before any route ({@link BrowserRules}). With
 * a credential the API speaks TLS only.
 */
public final class JsonApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonApiServer.class);

    /** The largest request line plus headers read. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /**
     * @param maxBodyBytes the largest body read; larger ones are answered 413
     * @param idleTimeout  a connection silent this long is closed, whatever it was doing
     * @param threads      the most threads the server answers with (acceptor and selector included)
     */
    public record Limits(int maxBodyBytes, Duration idleTimeout, int threads) {
        public Limits {
            Objects.requireNonNull(idleTimeout, "idle timeout");
            if (maxBodyBytes < 0 || threads < 6 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("limits must be positive (and 6 threads at least): " + maxBodyBytes
                        + ", " + idleTimeout + ", " + threads);
            }
        }

        /** 1 MB bodies, 8 KB of headers, 10 s of silence, 16 threads. */
        public static Limits defaults() {
            return new Limits(1 << 20, Duration.ofSeconds(10), 16);
        }
    }

    /**
     * What an API is made of.
     *
     * @param name       its name, for threads and the log
     * @param title      its title in its OpenAPI document
     * @param routesHint where its routes are described, for a 404
     * @param mapper     how it reads and writes JSON
     * @param resources  its JAX-RS resources ({@link OpenApi} describes them at {@code GET /openapi.json})
     * @param filters    further providers: filters such as a {@link BearerToken}, exception mappers of its own
     * @param pages      web pages served beside it ({@link Pages}), or null for none
     */
    public record Api(String name, String title, String routesHint, ObjectMapper mapper, List<Object> resources,
                      List<Object> filters, Pages pages) {
        public Api {
            resources = List.copyOf(resources);
            filters = List.copyOf(filters);
        }

        /** An API without web pages. */
        public Api(String name, String title, String routesHint, ObjectMapper mapper, List<Object> resources,
                   List<Object> filters) {
            this(name, title, routesHint, mapper, resources, filters, null);
        }
    }

    private final String name;
    private final Server server;
    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;
    private final boolean tls;

    private JsonApiServer(String name, Server server, org.eclipse.jetty.server.Server jetty, ServerConnector connector,
                          boolean tls) {
        this.name = name;
        this.server = server;
        this.jetty = jetty;
        this.connector = connector;
        this.tls = tls;
    }

    /**
     * Listens on {@code host}:{@code port} (0: any free port), with TLS when a credential is given, and answers
     * through the API's resources.
     */
    public static JsonApiServer start(Api api, String host, int port, Limits limits, Credential tlsCredential) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 2);
        threads.setName(api.name() + "-http");
        threads.setDaemon(true);
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        configuration.setRequestHeaderSize(MAX_HEADER_BYTES);
        HttpConnectionFactory http = new HttpConnectionFactory(configuration);
        ServerConnector connector;
        if (tlsCredential != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // the browser rules check the Host header against this API's own names
            configuration.addCustomizer(secure);
            connector = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(sslContext(tlsCredential), "http/1.1"), http);
        } else {
            connector = new ServerConnector(jetty, 1, 1, http);
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        try {
            connector.open();
        } catch (IOException e) {
            throw new IllegalStateException(api.name() + " cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        int bound = connector.getLocalPort();
        String scheme = tlsCredential != null ? "https" : "http";
        jetty.setHandler(new Guard(limits.maxBodyBytes(), api.mapper()));
        Request.Handler errors = (request, response, callback) -> {
            // what Jetty refuses itself (a malformed request line, headers over the cap ...): a problem body with the
            // status, never the parser's text
            Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int code = status instanceof Integer number ? number : 400;
            send(response, callback, api.mapper(), Problem.of(code, "the request could not be read as HTTP (" + code + ")"));
            return true;
        };
        jetty.setErrorHandler(errors);
        Server server;
        try {
            JettyHTTPServerEngine engine = new JettyHTTPServerEngineFactory()
                    .createJettyHTTPServerEngine(host, bound, "http");
            engine.setConnector(connector);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setAddress("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound + "/");
            List<Object> beans = new ArrayList<>(api.resources());
            beans.add(new OpenApi(api.title(), api.resources(), api.mapper(),
                    api.filters().stream().anyMatch(BearerToken.class::isInstance)));
            if (api.pages() != null) {
                beans.addAll(api.pages().resources());
            }
            factory.setServiceBeans(beans);
            List<Object> providers = new ArrayList<>();
            providers.add(new JacksonJsonProvider(api.mapper()));
            providers.add(new ProblemMapper(api.name(), api.routesHint()));
            providers.add(new BrowserRules(host, bound, scheme, api.pages()));
            providers.add(new CommonHeaders());
            providers.addAll(api.filters());
            if (api.pages() != null) {
                providers.addAll(api.pages().filters());
            }
            factory.setProviders(providers);
            server = factory.create();
            jetty.setErrorHandler(errors); // CXF's engine puts its own in place when it starts the server
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            JettyHTTPServerEngineFactory.destroyForPort(bound);
            try {
                connector.close();
                jetty.stop();
            } catch (Exception stopping) {
                LOG.debug("{}: stopping: {}", api.name(), stopping.toString());
            }
            throw new IllegalStateException(api.name() + " cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new JsonApiServer(api.name(), server, jetty, connector, tlsCredential != null);
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:8081} or {@code https://[::1]:8443}. */
    public String url() {
        String host = connector.getHost();
        return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort();
    }

    /** Stops listening and frees the port and its threads (CXF keeps a port's server until told). */
    @Override
    public void close() {
        int port = connector.getLocalPort();
        try {
            server.destroy();
        } catch (RuntimeException e) {
            LOG.debug("{}: destroying: {}", name, e.toString());
        }
        JettyHTTPServerEngineFactory.destroyForPort(port);
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("{}: stopping: {}", name, e.toString());
        }
    }

    private static SslContextFactory.Server sslContext(Credential credential) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", credential.privateKey(), IN_MEMORY, credential.chain().toArray(Certificate[]::new));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(store);
            ssl.setKeyStorePassword(new String(IN_MEMORY));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS key: " + e.getMessage(), e);
        }
    }

    /**
     * In front of CXF: refuses a body over the limit, and gathers the body as it arrives, on no thread, before a
     * thread of the pool hands the whole request to CXF. CXF's engine adds its handlers to this sequence.
     */
    private static final class Guard extends Handler.Sequence {

        private final int maxBodyBytes;
        private final ObjectMapper mapper;

        Guard(int maxBodyBytes, ObjectMapper mapper) {
            this.maxBodyBytes = maxBodyBytes;
            this.mapper = mapper;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (request.getLength() > maxBodyBytes) {
                send(response, callback, mapper, tooLarge());
                return true;
            }
            Content.Source.asByteArrayAsync(request, maxBodyBytes, Promise.Invocable.from(
                    Invocable.InvocationType.NON_BLOCKING, (body, failure) -> {
                        try {
                            getServer().getThreadPool().execute(() -> answer(request, response, callback, body, failure));
                        } catch (RejectedExecutionException stopping) {
                            callback.failed(stopping);
                        }
                    }));
            return true;
        }

        private void answer(Request request, Response response, Callback callback, byte[] body, Throwable failure) {
            if (failure != null) {
                if (isConnectionProblem(failure)) {
                    callback.failed(unwrapped(failure)); // the client went away or fell silent: nothing to answer
                } else {
                    send(response, callback, mapper, tooLarge());
                }
                return;
            }
            try {
                if (!super.handle(new Buffered(request, body), response, callback)) {
                    send(response, callback, mapper, Problem.of(404, "there is nothing here"));
                }
            } catch (Exception e) {
                LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
                callback.failed(e);
            }
        }

        private Problem tooLarge() {
            return Problem.typed(413, "too-large", "The body is too large", "the body is larger than " + maxBodyBytes
                    + " bytes");
        }
    }

    /** A request whose body was read in full already. */
    private static final class Buffered extends Request.Wrapper {

        private final Content.Source body;

        Buffered(Request request, byte[] bytes) {
            super(request);
            this.body = new ByteBufferContentSource(ByteBuffer.wrap(bytes));
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }

    private static boolean isConnectionProblem(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause instanceof IOException || cause instanceof TimeoutException;
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static void send(Response response, Callback callback, ObjectMapper mapper, Problem problem) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem.body());
        } catch (IOException e) {
            body = ("{\"status\": " + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(problem.status());
        response.getHeaders().put("Content-Type", Problem.MEDIA_TYPE);
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        problem.headers().forEach((header, value) -> response.getHeaders().put(header, value));
        response.getHeaders().put("Content-Length", String.valueOf(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
