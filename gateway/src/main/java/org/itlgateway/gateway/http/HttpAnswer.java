package org.itlgateway.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a local JSON API answers: a status, the body with its content type, and any extra headers. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public static HttpAnswer json(int status, byte[] body, Map<String, String> headers) {
        return new HttpAnswer(status, "application/json; charset=utf-8", body, headers);
    }

    public static HttpAnswer text(int status, String text) {
        return new HttpAnswer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
