package org.itlgateway.gateway.http;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Web pages served beside a JSON API on its port, under a path of their own (e.g. {@code /console}): JAX-RS resources
 * and the filters that guard them. A browser's form posts ({@code application/x-www-form-urlencoded}) are let
 * through {@link BrowserRules} on these paths only; the pages' own filters must then require a session and a CSRF
 * token. The API's bearer token is not asked on these paths ({@link BearerToken#exceptOn}), for a browser cannot
 * send it: the pages' filters stand in its place. They are not described in the API's OpenAPI document.
 *
 * @param prefix    the path the pages are under, e.g. {@code /console}
 * @param resources their JAX-RS resources
 * @param filters   their providers: the filter that requires a session, headers of their own ...
 */
public record Pages(String prefix, List<Object> resources, List<Object> filters) {

    /** A path of plain segments, none of them {@code .} or {@code ..}, nothing encoded but what a name may hold. */
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?");

    public Pages {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/") || prefix.endsWith("/") || !PLAIN.matcher(prefix).matches()) {
            throw new IllegalArgumentException("pages are under a path such as /console, not " + prefix);
        }
        resources = List.copyOf(resources);
        filters = List.copyOf(filters);
    }

    /**
     * True when the request's raw path (as sent, before decoding) is one of these pages': the prefix or under it,
     * made of plain segments only, so that no {@code ..}, encoded slash or dot can make it name a path of the API.
     */
    public boolean covers(String rawPath) {
        if (rawPath == null || !(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            return false;
        }
        return PLAIN.matcher(rawPath).matches();
    }
}
