package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.gateway.http.HttpCall;

/**
 * One request to the operator API as the routes see it: the method, the path, the values the route's pattern
 * picked out of the path, the query parameters, and the body read as a JSON object on demand.
 */
final class ApiRequest {

    /** The largest body read; larger ones are refused with 413 by the server, before they are read in full. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpCall call;
    private final List<String> pathValues;
    private final Map<String, String> query;

    ApiRequest(HttpCall call, List<String> pathValues) {
        this.call = call;
        this.pathValues = List.copyOf(pathValues);
        this.query = queryOf(call.rawQuery());
    }

    String method() {
        return call.method();
    }

    /** The {@code index}-th value the route's pattern picked out of the path (URL-decoded). */
    String pathValue(int index) {
        return pathValues.get(index);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    /** True when the client asked for plain text rather than JSON. */
    boolean wantsText() {
        String accept = call.header("Accept").orElse(null);
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/plain");
    }

    /** The body, which must be one JSON object. */
    JsonBody body() {
        byte[] bytes = call.body();
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        JsonNode node;
        try {
            node = OperatorJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiProblem.badRequest("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object, not " + (node == null ? "nothing" : node.getNodeType()
                    .name().toLowerCase(Locale.ROOT)));
        }
        return new JsonBody(node, "");
    }

    private static Map<String, String> queryOf(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the address holds a malformed escape: " + text);
        }
    }
}
