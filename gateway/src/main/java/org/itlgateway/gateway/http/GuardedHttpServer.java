package org.itlgateway.gateway.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a local JSON API (a registry's operator API, the simulator's control API), on Jetty 12.1, the
 * Jetty CXF already brings. A client that sends its request slowly, or stops half way, holds no thread: Jetty
 * parses the request line and headers as bytes arrive and the body is gathered without blocking, so the service's
 * workers only ever see whole requests. A connection that sends nothing for the idle timeout is closed; headers are
 * capped in size, and a body over the limit is refused with 413 as soon as it is declared or, when it is sent in
 * chunks, as soon as it passes the limit, never read further. Requests a page in a browser could forge are refused
 * before the service sees them ({@link BrowserRules}). An exception from the service is logged and answered 500
 * with a sentence, never its text.
 */
public final class GuardedHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedHttpServer.class);

    /**
     * @param maxBodyBytes the largest body read; larger ones are answered 413
     * @param idleTimeout  a connection silent this long is closed, whatever it was doing
     * @param workers      how many requests the service answers at once (each gets a whole request)
     */
    public record Limits(int maxBodyBytes, Duration idleTimeout, int workers) {
        public Limits {
            Objects.requireNonNull(idleTimeout, "idle timeout");
            if (maxBodyBytes < 0 || workers < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("limits must be positive: " + maxBodyBytes + ", " + idleTimeout + ", " + workers);
            }
        }

        /** 1 MB bodies, 8 KB of headers, 10 s of silence, 4 workers. */
        public static Limits defaults() {
            return new Limits(1 << 20, Duration.ofSeconds(10), 4);
        }
    }

    /** The largest request line plus headers read. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final String name;
    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService workers;

    private GuardedHttpServer(String name, Server server, ServerConnector connector, ExecutorService workers) {
        this.name = name;
        this.server = server;
        this.connector = connector;
        this.workers = workers;
    }

    /** Listens on {@code host}:{@code port} (0: any free port) and answers through {@code service}. */
    public static GuardedHttpServer start(String name, String host, int port, Limits limits, HttpService service) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName(name + "-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        configuration.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(configuration));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(limits.workers(), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        GuardedHttpServer guarded = new GuardedHttpServer(name, server, connector, workers);
        server.setHandler(guarded.new Front(new BrowserRules(host, connector::getLocalPort), limits, service));
        server.setErrorHandler((request, response, callback) -> {
            // what Jetty refuses itself (a malformed request line, headers over the cap ...): the service's problem
            // body with the status, never the parser's text
            Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int code = status instanceof Integer number ? number : 400;
            send(request, response, callback, service.refusal(code, "the request could not be read as HTTP (" + code + ")"));
            return true;
        });
        try {
            server.start();
        } catch (Exception e) {
            guarded.close();
            throw new IllegalStateException(name + " cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return guarded;
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Stops listening; requests under way get a second to finish. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("{}: stopping: {}", name, e.toString());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks each request, gathers its body without blocking, then hands it to a worker. */
    private final class Front extends Handler.Abstract {

        private final BrowserRules rules;
        private final Limits limits;
        private final HttpService service;

        Front(BrowserRules rules, Limits limits, HttpService service) {
            this.rules = rules;
            this.limits = limits;
            this.service = service;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
            }
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            String query = request.getHttpURI().getQuery();
            HttpCall head = new HttpCall(method, path == null ? "/" : path, query, headers, null);
            Optional<BrowserRules.Refusal> refusal = rules.check(head);
            if (refusal.isPresent()) {
                send(request, response, callback, service.refusal(refusal.get().status(), refusal.get().reason()));
                return true;
            }
            if (request.getLength() > limits.maxBodyBytes()) {
                send(request, response, callback, tooLarge());
                return true;
            }
            // the body is gathered as it arrives, on no thread of ours; a worker gets the whole request
            Content.Source.asByteArrayAsync(request, limits.maxBodyBytes(), Promise.Invocable.from(
                    Invocable.InvocationType.NON_BLOCKING, (body, failure) -> {
                        try {
                            workers.execute(() -> answerRead(request, response, callback, head, body, failure));
                        } catch (RejectedExecutionException stopping) {
                            callback.failed(stopping);
                        }
                    }));
            return true;
        }

        private void answerRead(Request request, Response response, Callback callback, HttpCall head, byte[] body,
                                Throwable failure) {
            if (failure == null) {
                send(request, response, callback,
                        answer(new HttpCall(head.method(), head.rawPath(), head.rawQuery(), head.headers(), body)));
            } else if (isConnectionProblem(failure)) {
                callback.failed(unwrapped(failure)); // the client went away or fell silent: nothing to answer
            } else {
                send(request, response, callback, tooLarge());
            }
        }

        private HttpAnswer tooLarge() {
            return service.refusal(413, "the body is larger than " + limits.maxBodyBytes() + " bytes");
        }

        private HttpAnswer answer(HttpCall call) {
            try {
                return service.answer(call);
            } catch (RuntimeException unexpected) {
                LOG.error("{}: {} {} failed", name, call.method(), call.rawPath(), unexpected);
                return service.refusal(500, "the request could not be answered; the log says why");
            }
        }
    }

    private static boolean isConnectionProblem(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause instanceof IOException || cause instanceof TimeoutException;
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static void send(Request request, Response response, Callback callback, HttpAnswer answer) {
        response.setStatus(answer.status());
        response.getHeaders().put("Content-Type", answer.contentType());
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        answer.headers().forEach((header, value) -> response.getHeaders().put(header, value));
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put("Content-Length", String.valueOf(answer.body().length));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
