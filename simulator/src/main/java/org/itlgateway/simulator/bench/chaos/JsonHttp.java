package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST/JSON APIs the chaos run talks to (operator APIs, the network's control API): real HTTP, JSON answers. */
final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String address;
    private final String token;

    JsonHttp(String address) {
        this(address, null);
    }

    /** An API that wants {@code Authorization: Bearer token} on every request. */
    JsonHttp(String address, String token) {
        this.address = address;
        this.token = token;
    }

    String address() {
        return address;
    }

    /** An answer: its status and its body, read as JSON when it is JSON. */
    record Answer(int status, String text, JsonNode json) {

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Answer get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(address + path)).GET());
    }

    Answer post(String path, String body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(address + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The same as {@link #get}, failing when the answer is not 200. */
    JsonNode read(String path) throws IOException {
        Answer answer = get(path);
        if (answer.status() != 200 || answer.json() == null) {
            throw new IOException("GET " + address + path + " answered " + answer);
        }
        return answer.json();
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = (type.startsWith("application/json") || type.startsWith("application/problem+json"))
                    && !response.body().isEmpty()
                    ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), response.body(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
