package org.itlgateway.gateway.operator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the operator API: a status and either an object written as JSON or plain text, with any extra
 * headers (e.g. {@code Location}).
 */
record ApiReply(int status, Object json, String text, Map<String, String> headers) {

    ApiReply {
        headers = Map.copyOf(headers);
    }

    static ApiReply ok(Object json) {
        return new ApiReply(200, json, null, Map.of());
    }

    static ApiReply created(Object json, String location) {
        return new ApiReply(201, json, null, Map.of("Location", location));
    }

    static ApiReply accepted(Object json, String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (location != null) {
            headers.put("Location", location);
        }
        return new ApiReply(202, json, null, headers);
    }

    static ApiReply plainText(String text) {
        return new ApiReply(200, null, text, Map.of());
    }
}
