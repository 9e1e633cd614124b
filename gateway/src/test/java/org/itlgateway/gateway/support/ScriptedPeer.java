package org.itlgateway.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A peer's HTTP endpoint that answers as a test scripts it: by passing the request on to a real endpoint and
 * keeping its answer, by returning stored bytes (a captured answer replayed), or by changing what passes.
 */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer answers to one request. */
    public interface Answer {
        Reply answer(byte[] request, String soapAction) throws IOException, InterruptedException;
    }

    /** An HTTP answer: status and body. */
    public record Reply(int status, byte[] body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<Reply> lastReply = new AtomicReference<>();

    private ScriptedPeer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedPeer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ScriptedPeer peer = new ScriptedPeer(server);
            server.createContext("/", peer::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return peer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/peer";
    }

    public void answerWith(Answer newAnswer) {
        answer.set(newAnswer);
    }

    /** The last reply this peer sent. */
    public Reply lastReply() {
        return lastReply.get();
    }

    /** Passes every request on to {@code address} and answers what it answered. */
    public static Answer passingOnTo(String address) {
        return (request, soapAction) -> {
            HttpRequest forwarded = HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", soapAction == null ? "" : soapAction)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(forwarded, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        };
    }

    /** Always answers the same bytes. */
    public static Answer always(int status, byte[] body) {
        return (request, soapAction) -> new Reply(status, body);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            Reply reply;
            try {
                reply = answer.get().answer(request, exchange.getRequestHeaders().getFirst("SOAPAction"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            lastReply.set(reply);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
