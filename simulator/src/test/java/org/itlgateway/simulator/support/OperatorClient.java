package org.itlgateway.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A registry's operator API as a test calls it: real HTTP, answers read as JSON when they are JSON, bodies sent as
 * {@code Content-Type: application/json}, with the API's bearer token when it has one.
 */
public final class OperatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String address;
    private final String token;

    /** The client of an API that takes no token (the simulated network's registries). */
    public OperatorClient(String address) {
        this(address, null);
    }

    /** The client of an API that takes requests with its token only (a registry gateway's). */
    public OperatorClient(String address, String token) {
        this.address = address;
        this.token = token;
    }

    /** An answer: its status, its body as text, and as JSON when it is JSON. */
    public record Answer(int status, String contentType, String text, JsonNode json) {

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(address + path)).GET());
    }

    public Answer getText(String path) {
        return send(HttpRequest.newBuilder(URI.create(address + path)).header("Accept", "text/plain").GET());
    }

    public Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(address + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(address + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(address + path)).DELETE());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") || type.startsWith("application/problem+json")
                    ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), type, response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
