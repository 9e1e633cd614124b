package org.itlgateway.gateway.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a local JSON API sees it once the server let it through: the method, the raw path and query, the
 * headers (names in lower case, the first value of each) and the whole body, already read within its size limit.
 */
public record HttpCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    public HttpCall {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of the header, by its name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
